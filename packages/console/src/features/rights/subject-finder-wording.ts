import type { CandidateField, ObjectionPurpose, ScopeCounts, ScopeRootView } from '@ward/protocol';
import { rightsDataEn, type RightsDataTexts } from './texts-data-en.ts';

/**
 * How the finder names what matched, what is confirmed and what it covers: pure, so it is unit
 * tested; in the console's language with `says` (English by default).
 */

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/** "Name and phone number", "Name, email address and postcode". */
export function matchedText(fields: readonly CandidateField[], says: RightsDataTexts = rightsDataEn): string {
  const text = listed(
    fields.map((f) => says.fields[f]),
    says.and,
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 contact", "3 chats" (in Welsh the noun stays singular after a number). */
export function countText(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function contactsText(n: number, says: RightsDataTexts = rightsDataEn): string {
  return countText(n, says.counted.contact);
}

/** What the confirmed scope covers, in a sentence. */
export function countsText(counts: ScopeCounts, says: RightsDataTexts = rightsDataEn): string {
  const c = says.counted;
  return [
    countText(counts.records, c.customerRecord),
    countText(counts.cases, c.contact),
    countText(counts.chats, c.chat),
    countText(counts.forms, c.form),
    countText(counts.emails, c.email),
    countText(counts.disclosures, c.disclosure),
    countText(counts.dataKeys, c.dataKey),
  ].join(', ');
}

/** A confirmed root as the list names it. */
export function rootText(root: ScopeRootView, says: RightsDataTexts = rightsDataEn): string {
  if (root.kind === 'customer-record')
    return says.recordRoot(root.names.join(', ') || says.noName, contactsText(root.cases, says));
  return `${root.channel ? says.channels[root.channel] : says.contactWord} ${root.caseReference ?? ''}`.trim();
}

export const objectionNames: Record<ObjectionPurpose, string> = rightsDataEn.objections;
