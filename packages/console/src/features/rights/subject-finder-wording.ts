import type { CandidateField, ObjectionPurpose, ScopeCounts, ScopeRootView } from '@ward/protocol';
import { channelNames } from '../cases/case-wording.ts';

/** How the finder names what matched, what is confirmed and what it covers: pure, so it is unit tested. */
const fieldNames: Record<CandidateField, string> = {
  name: 'name',
  email: 'email address',
  phone: 'phone number',
  postcode: 'postcode',
  caseReference: 'case reference',
};

/** "Name and phone number", "Name, email address and postcode". */
export function matchedText(fields: readonly CandidateField[]): string {
  const names = fields.map((f) => fieldNames[f]);
  const text = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function contactsText(n: number): string {
  return plural(n, 'contact');
}

/** What the confirmed scope covers, in a sentence. */
export function countsText(counts: ScopeCounts): string {
  return [
    plural(counts.records, 'customer record'),
    plural(counts.cases, 'contact'),
    plural(counts.chats, 'chat'),
    plural(counts.forms, 'form'),
    plural(counts.emails, 'email'),
    plural(counts.disclosures, 'disclosure'),
    plural(counts.dataKeys, 'data key'),
  ].join(', ');
}

/** A confirmed root as the list names it. */
export function rootText(root: ScopeRootView): string {
  if (root.kind === 'customer-record')
    return `Customer record: ${root.names.join(', ') || 'no name'} (${contactsText(root.cases)})`;
  return `${root.channel ? channelNames[root.channel] : 'Contact'} ${root.caseReference ?? ''}`.trim();
}

export const objectionNames: Record<ObjectionPurpose, string> = {
  'service-updates': 'Emails about changes to council services',
  surveys: 'Surveys after a chat',
};
