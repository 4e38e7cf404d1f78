import type { CaseChannel, CaseStatus, RecordDetailKind, RecordDetailValue } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';

/** How the records pages name things. Pure. */

/** The order kinds appear in on a record, with their headings. */
export const detailKinds: { kind: RecordDetailKind; label: string; plural: string }[] = [
  { kind: 'name', label: 'Name', plural: 'Names' },
  { kind: 'address', label: 'Address', plural: 'Addresses' },
  { kind: 'phone', label: 'Phone number', plural: 'Phone numbers' },
  { kind: 'email', label: 'Email address', plural: 'Email addresses' },
  { kind: 'social-handle', label: 'Social media', plural: 'Social media' },
  { kind: 'contact-preference', label: 'Contact preference', plural: 'Contact preferences' },
  { kind: 'note', label: 'Note', plural: 'Notes' },
];

export function kindLabel(kind: RecordDetailKind): string {
  return detailKinds.find((k) => k.kind === kind)?.label ?? kind;
}

export const contactPreferences: { value: string; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone call' },
  { value: 'text-message', label: 'Text message' },
  { value: 'post', label: 'Post' },
  { value: 'in-person', label: 'In person' },
  { value: 'no-contact', label: 'Do not contact' },
];

/** Intake channels may store other words; those are shown as they are. */
export function preferenceLabel(preference: string): string {
  return contactPreferences.find((p) => p.value === preference)?.label ?? preference;
}

/** One value on one line, as a person reads it. */
export function formatDetail(value: RecordDetailValue): string {
  switch (value.kind) {
    case 'name':
      return value.name;
    case 'address':
      return (
        [...value.lines, value.town, value.postcode].filter(Boolean).join(', ') +
        (value.uprn ? ` (UPRN ${value.uprn})` : '')
      );
    case 'phone':
      return value.label ? `${value.number} (${value.label})` : value.number;
    case 'email':
      return value.address;
    case 'social-handle':
      return `${value.handle} on ${value.platform}`;
    case 'contact-preference':
      return preferenceLabel(value.preference);
    case 'note':
      return value.text;
  }
}

const channels: Record<CaseChannel, string> = {
  chat: 'Web chat',
  email: 'Email',
  form: 'Online form',
  phone: 'Phone',
  'face-to-face': 'Face to face',
  'social-media': 'Social media',
};

export function channelLabel(channel: CaseChannel): string {
  return channels[channel];
}

const statuses: Record<CaseStatus, { text: string; colour: 'blue' | 'yellow' | 'purple' | 'grey' }> = {
  open: { text: 'Open', colour: 'blue' },
  'awaiting-resident': { text: 'Awaiting resident', colour: 'yellow' },
  'awaiting-council': { text: 'Awaiting council', colour: 'purple' },
  closed: { text: 'Closed', colour: 'grey' },
};

export function caseStatusTag(status: CaseStatus): { text: string; colour: 'blue' | 'yellow' | 'purple' | 'grey' } {
  return statuses[status];
}

/** The case page (built by the cases feature) for a case reference. */
export function casePath(caseReference: string): string {
  return pathTo(paths.case, { caseReference });
}

/** "email address and name": which identifiers of a chat agree with a record. */
export function matchedWording(matched: readonly string[]): string {
  const words: Record<string, string> = {
    email: 'email address',
    name: 'name',
    postcode: 'postcode',
    phone: 'phone number',
  };
  const list = matched.map((m) => words[m] ?? m);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
