import type { CaseChannel, CaseStatus, RecordDetailKind, RecordDetailValue } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { recordsEn, type RecordsTexts } from './texts-en.ts';

/** How the records pages name things, in the console's language (`says`, English unless given). Pure. */

type Wording = Pick<RecordsTexts, 'kinds' | 'preferences' | 'onPlatform' | 'channels' | 'statuses' | 'matched' | 'and'>;

const kindOrder: RecordDetailKind[] = [
  'name',
  'address',
  'phone',
  'email',
  'social-handle',
  'contact-preference',
  'note',
];

/** The order kinds appear in on a record, with their headings, in the console's language. */
export function detailKindsIn(says: Wording = recordsEn): { kind: RecordDetailKind; label: string; plural: string }[] {
  return kindOrder.map((kind) => ({ kind, ...says.kinds[kind] }));
}

/** The order kinds appear in on a record, with their English headings. */
export const detailKinds = detailKindsIn();

export function kindLabel(kind: RecordDetailKind, says: Wording = recordsEn): string {
  return says.kinds[kind]?.label ?? kind;
}

const preferenceOrder = ['email', 'phone', 'text-message', 'post', 'in-person', 'no-contact'];

export function contactPreferencesIn(says: Wording = recordsEn): { value: string; label: string }[] {
  return preferenceOrder.map((value) => ({ value, label: says.preferences[value] ?? value }));
}

export const contactPreferences = contactPreferencesIn();

/** Intake channels may store other words; those are shown as they are. */
export function preferenceLabel(preference: string, says: Wording = recordsEn): string {
  return says.preferences[preference] ?? preference;
}

/** One value on one line, as a person reads it. */
export function formatDetail(value: RecordDetailValue, says: Wording = recordsEn): string {
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
      return says.onPlatform(value.handle, value.platform);
    case 'contact-preference':
      return preferenceLabel(value.preference, says);
    case 'note':
      return value.text;
  }
}

export function channelLabel(channel: CaseChannel, says: Wording = recordsEn): string {
  return says.channels[channel];
}

const statusColours: Record<CaseStatus, 'blue' | 'yellow' | 'purple' | 'grey'> = {
  open: 'blue',
  'awaiting-resident': 'yellow',
  'awaiting-council': 'purple',
  closed: 'grey',
};

export function caseStatusTag(
  status: CaseStatus,
  says: Wording = recordsEn,
): { text: string; colour: 'blue' | 'yellow' | 'purple' | 'grey' } {
  return { text: says.statuses[status], colour: statusColours[status] };
}

/** The case page (built by the cases feature) for a case reference. */
export function casePath(caseReference: string): string {
  return pathTo(paths.case, { caseReference });
}

/** "email address and name": which identifiers of a chat agree with a record. */
export function matchedWording(matched: readonly string[], says: Wording = recordsEn): string {
  const list = matched.map((m) => says.matched[m] ?? m);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')}${says.and}${list[list.length - 1]}`;
}
