import type {
  CaseChannel,
  CaseEmail,
  CaseEntry,
  CaseStatus,
  Disclosure,
  RefusedAttachmentReason,
  SocialPlatform,
} from '@ward/protocol';
import type { Language } from '@ward/protocol';
import { formatDate } from '../../ui/format.ts';
import { caseWordsEn, type CaseWords } from './texts-words-en.ts';

/**
 * How the console names cases' channels, statuses and history: pure, so it is unit tested. Each
 * function takes the words (ADR 51) last, English by default; the English maps stay for other areas.
 */
export const channelNames: Record<CaseChannel, string> = caseWordsEn.channels;

/** Platform names are the platforms' own, in every language. */
export function platformName(platform: SocialPlatform, words: CaseWords = caseWordsEn): string {
  if (platform === 'x') return words.formerlyTwitter;
  if (platform === 'other') return words.anotherPlatform;
  return { facebook: 'Facebook', instagram: 'Instagram', nextdoor: 'Nextdoor' }[platform];
}

export const platformNames: Record<SocialPlatform, string> = {
  x: platformName('x'),
  facebook: platformName('facebook'),
  instagram: platformName('instagram'),
  nextdoor: platformName('nextdoor'),
  other: platformName('other'),
};

export const statusNames: Record<CaseStatus, string> = caseWordsEn.statuses;

export const statusColours: Record<CaseStatus, 'blue' | 'yellow' | 'purple' | 'grey'> = {
  open: 'blue',
  'awaiting-resident': 'yellow',
  'awaiting-council': 'purple',
  closed: 'grey',
};

const isStatus = (value: string | null): value is CaseStatus => value !== null && value in statusColours;
const statusName = (value: string | null, words: CaseWords) =>
  isStatus(value) ? words.statuses[value].toLowerCase() : words.unknownStatus;
const isPlatform = (value: string): value is SocialPlatform =>
  ['x', 'facebook', 'instagram', 'nextdoor', 'other'].includes(value);

/** The channel and its detail in words, e.g. "Social media (Facebook)". */
export function channelInWords(channel: CaseChannel, detail: string | null, words: CaseWords = caseWordsEn): string {
  if (channel === 'social-media' && detail)
    return `${words.channels[channel]} (${isPlatform(detail) ? platformName(detail, words) : detail})`;
  if (channel === 'form' && detail) return `${words.channels[channel]} (${detail})`;
  return words.channels[channel];
}

/** One line saying what an entry of the case's history did; notes and requests carry their text beside it. */
export function describeEntry(
  entry: Pick<CaseEntry, 'kind' | 'change' | 'link'>,
  words: CaseWords = caseWordsEn,
): string {
  const change = entry.change;
  switch (entry.kind) {
    case 'note':
      return words.noteAdded;
    case 'request':
      return words.requestReceived;
    case 'status':
      if (!change?.from) return words.statusSetTo(statusName(change?.to ?? null, words));
      if (change.from === 'closed' && change.to !== 'closed') return words.reopenedAs(statusName(change.to, words));
      return words.statusChanged(statusName(change.from, words), statusName(change.to, words));
    case 'owner': {
      const from = change?.from ? (change.fromLabel ?? words.formerStaff) : null;
      const to = change?.to ? (change.toLabel ?? words.formerStaff) : null;
      if (!to) return from ? words.noLongerOwner(from) : words.ownerRemoved;
      return from ? words.ownerChanged(from, to) : words.givenTo(to);
    }
    case 'department':
      return words.transferred(
        change?.fromLabel ?? change?.from ?? words.anotherDepartment,
        change?.toLabel ?? change?.to ?? words.anotherDepartment,
      );
    case 'link':
      if (!entry.link) return words.relatedCaseChanged;
      return entry.link.action === 'linked'
        ? words.linkedTo(entry.link.caseReference)
        : words.unlinkedFrom(entry.link.caseReference);
    case 'record':
      return words.recordChanged;
  }
}

/** A file's size as people read it: "820 bytes", "14 KB", "2.5 MB". */
export function fileSize(bytes: number, words: CaseWords = caseWordsEn): string {
  if (bytes < 1024) return words.bytes(bytes);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

export const refusedReasons: Record<RefusedAttachmentReason, string> = caseWordsEn.refusedReasons;

export const emailStatusNames: Record<CaseEmail['status'], string> = caseWordsEn.emailStatuses;

/** A calendar date (YYYY-MM-DD) in words, e.g. "2 March 2026", "2 Mawrth 2026". */
export function formatDisclosureDate(iso: string, language: Language = 'en'): string {
  // Midday UTC is the same calendar day in UK time, summer or winter.
  return formatDate(`${iso}T12:00:00.000Z`, language);
}

/** A disclosure as the case's history tells it, e.g. "Shared with Age UK on 2 March 2026 (Consent)". */
export function describeDisclosure(
  disclosure: Pick<Disclosure, 'recipientOrganisation' | 'disclosedOn' | 'lawfulBasis'>,
  words: CaseWords = caseWordsEn,
  language: Language = 'en',
) {
  return words.sharedWith(
    disclosure.recipientOrganisation,
    formatDisclosureDate(disclosure.disclosedOn, language),
    words.lawfulBases[disclosure.lawfulBasis],
  );
}
