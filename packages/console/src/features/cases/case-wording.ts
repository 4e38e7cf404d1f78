import type {
  CaseChannel,
  CaseEmail,
  CaseEntry,
  CaseStatus,
  Disclosure,
  RefusedAttachmentReason,
  SocialPlatform,
} from '@ward/protocol';
import { lawfulBasisLabels } from '@ward/protocol';

/** How the console names cases' channels, statuses and history: pure, so it is unit tested. */
export const channelNames: Record<CaseChannel, string> = {
  chat: 'Web chat',
  email: 'Email',
  form: 'Online form',
  phone: 'Telephone',
  'face-to-face': 'Face to face',
  'social-media': 'Social media',
};

export const platformNames: Record<SocialPlatform, string> = {
  x: 'X (formerly Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  nextdoor: 'Nextdoor',
  other: 'Another platform',
};

export const statusNames: Record<CaseStatus, string> = {
  open: 'Open',
  'awaiting-resident': 'Awaiting resident',
  'awaiting-council': 'Awaiting council',
  closed: 'Closed',
};

export const statusColours: Record<CaseStatus, 'blue' | 'yellow' | 'purple' | 'grey'> = {
  open: 'blue',
  'awaiting-resident': 'yellow',
  'awaiting-council': 'purple',
  closed: 'grey',
};

const isStatus = (value: string | null): value is CaseStatus => value !== null && value in statusNames;
const statusName = (value: string | null) => (isStatus(value) ? statusNames[value].toLowerCase() : 'unknown');

/** The channel and its detail in words, e.g. "Social media (Facebook)". */
export function channelInWords(channel: CaseChannel, detail: string | null): string {
  if (channel === 'social-media' && detail)
    return `${channelNames[channel]} (${platformNames[detail as SocialPlatform] ?? detail})`;
  if (channel === 'form' && detail) return `${channelNames[channel]} (${detail})`;
  return channelNames[channel];
}

/** One line saying what an entry of the case's history did; notes and requests carry their text beside it. */
export function describeEntry(entry: Pick<CaseEntry, 'kind' | 'change' | 'link'>): string {
  const change = entry.change;
  switch (entry.kind) {
    case 'note':
      return 'Note added';
    case 'request':
      return 'Request received';
    case 'status':
      if (!change?.from) return `Status set to ${statusName(change?.to ?? null)}`;
      if (change.from === 'closed' && change.to !== 'closed')
        return `Reopened: status changed from closed to ${statusName(change.to)}`;
      return `Status changed from ${statusName(change.from)} to ${statusName(change.to)}`;
    case 'owner': {
      const from = change?.from ? (change.fromLabel ?? 'a former member of staff') : null;
      const to = change?.to ? (change.toLabel ?? 'a former member of staff') : null;
      if (!to) return from ? `${from} is no longer the owner` : 'Owner removed';
      return from ? `Owner changed from ${from} to ${to}` : `Given to ${to}`;
    }
    case 'department':
      return `Transferred from ${change?.fromLabel ?? change?.from ?? 'another department'} to ${change?.toLabel ?? change?.to ?? 'another department'}`;
    case 'link':
      if (!entry.link) return 'Related case changed';
      return entry.link.action === 'linked'
        ? `Linked to case ${entry.link.caseReference}`
        : `Unlinked from case ${entry.link.caseReference}`;
    case 'record':
      return 'Customer record changed';
  }
}

/** A file's size as people read it: "820 bytes", "14 KB", "2.5 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

export const refusedReasons: Record<RefusedAttachmentReason, string> = {
  'type-not-allowed': 'this type of file is not accepted',
  'content-does-not-match-name': 'its content does not match its name',
  'too-large': 'it is too large',
  'too-many': 'the email had too many attachments',
};

export const emailStatusNames: Record<CaseEmail['status'], string> = {
  received: 'Received',
  queued: 'Sending',
  sent: 'Sent',
};

/** A calendar date (YYYY-MM-DD) in words, e.g. "2 March 2026". */
export function formatDisclosureDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A disclosure as the case's history tells it, e.g. "Shared with Age UK on 2 March 2026 (Consent)". */
export function describeDisclosure(
  disclosure: Pick<Disclosure, 'recipientOrganisation' | 'disclosedOn' | 'lawfulBasis'>,
) {
  return `Shared with ${disclosure.recipientOrganisation} on ${formatDisclosureDate(disclosure.disclosedOn)} (${lawfulBasisLabels[disclosure.lawfulBasis]})`;
}
