import type { DestructionLogEntry, ExpiringItem, HoldStatus, RetentionCategory, RetentionHold } from '@ward/protocol';

/** What each retention category covers, in the words the privacy notice uses. */
export const categoryNames: Record<RetentionCategory, string> = {
  'chat-transcripts': 'Chat messages',
  'contact-summaries': 'Summary and resident’s details',
  'survey-answers': 'Survey answers',
  'consent-evidence': 'Consent evidence',
  emails: 'Emails',
  'customer-records': 'Customer record details',
  'rights-requests': 'Residents’ rights requests',
  'contact-events': 'Contact events for reports',
};

/** What an item in "What will be deleted next" is. */
export const itemNames: Record<ExpiringItem, string> = {
  conversation: 'Chat',
  case: 'Case summary and notes',
  'form-submission': 'Form answers',
  email: 'Email',
  'customer-record': 'Customer record',
};

export const holdStatusNames: Record<HoldStatus, string> = { active: 'Active', ended: 'Ended', lifted: 'Lifted' };

export const residentCoverage = 'Everything about this resident';

/**
 * Names what a hold protects, for a button's accessible name or a message: "4K7M-9P2X", or
 * "everything about the resident of 4K7M-9P2X and 2K9P-7M4X".
 */
export function holdTarget(hold: Pick<RetentionHold, 'covers' | 'caseReferences'>): string {
  const references = listInWords(hold.caseReferences);
  if (hold.covers === 'conversation') return references || 'this conversation';
  if (hold.covers === 'case') return references || 'this case';
  return references ? `everything about the resident of ${references}` : 'everything about this resident';
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "1 message", "12 conversations". */
export function deletedCount(entry: Pick<DestructionLogEntry, 'count' | 'unit'>): string {
  const unit = entry.count === 1 ? entry.unit.replace(/s$/, '') : entry.unit;
  return `${entry.count.toLocaleString('en-GB')} ${unit}`;
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
