import type { DestructionLogEntry, ExpiringItem, HoldStatus, RetentionCategory, RetentionHold } from '@ward/protocol';
import { retentionEn, type RetentionTexts } from './texts-en.ts';

/** What each retention category covers, in the words the privacy notice uses (English; Welsh in texts-cy.ts). */
export const categoryNames: Record<RetentionCategory, string> = retentionEn.categories;

/** What an item in "What will be deleted next" is. */
export const itemNames: Record<ExpiringItem, string> = retentionEn.items;

export const holdStatusNames: Record<HoldStatus, string> = retentionEn.holdStatuses;

export const residentCoverage = retentionEn.residentCoverage;

/**
 * Names what a hold protects, for a button's accessible name or a message: "4K7M-9P2X", or
 * "everything about the resident of 4K7M-9P2X and 2K9P-7M4X".
 */
export function holdTarget(
  hold: Pick<RetentionHold, 'covers' | 'caseReferences'>,
  says: RetentionTexts = retentionEn,
): string {
  const references = listInWords(hold.caseReferences, says.and);
  if (hold.covers === 'conversation') return references || says.thisConversation;
  if (hold.covers === 'case') return references || says.thisCase;
  return references ? says.everythingAboutResidentOf(references) : says.everythingAboutResident;
}

/** "A", "A and B", "A, B and C" (in Welsh "A, B a C"). */
export function listInWords(items: readonly string[], and = ' and '): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] ?? ''}`;
}

/** "1 message", "12 conversations" (in Welsh the noun stays singular after a number: "12 sgwrs"). */
export function deletedCount(
  entry: Pick<DestructionLogEntry, 'count' | 'unit'>,
  says: RetentionTexts = retentionEn,
): string {
  const [one, many] = says.units[entry.unit] ?? [entry.unit, entry.unit];
  return `${entry.count.toLocaleString('en-GB')} ${entry.count === 1 ? one : many}`;
}

/** The first line of a reason, shortened to about `max` characters, for a summary. */
export function summariseReason(reason: string, max = 120): string {
  const firstLine = reason.trim().split(/\r?\n/)[0]?.trim() ?? '';
  const shortened = firstLine.length > max ? `${firstLine.slice(0, max - 1).trimEnd()}…` : firstLine;
  return shortened !== reason.trim() && !shortened.endsWith('…') ? `${shortened}…` : shortened;
}

/** Whether a hold protects the conversation with this case reference. */
export function holdCovers(hold: Pick<RetentionHold, 'caseReferences'>, caseReference: string): boolean {
  return hold.caseReferences.includes(caseReference);
}
