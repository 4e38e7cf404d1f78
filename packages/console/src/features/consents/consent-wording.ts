import type { ConsentProof } from '@ward/protocol';
import { consentMethodLabels, lawfulBasisLabels } from '@ward/protocol';

/** "4 December 2026, 3:05pm" in the council's time. */
export function formatDateTime(iso: string): string {
  return new Date(iso)
    .toLocaleString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZone: 'Europe/London',
    })
    .replace(' am', 'am')
    .replace(' pm', 'pm');
}

export const methodText = (consent: ConsentProof) =>
  consent.method === 'typed-statement' && consent.messageSeq !== null
    ? `${consentMethodLabels[consent.method]} (message ${consent.messageSeq})`
    : consentMethodLabels[consent.method];

export const basisText = (consent: ConsentProof) =>
  consent.lawfulBasis ? lawfulBasisLabels[consent.lawfulBasis] : 'Not recorded';

export const stateText = (consent: ConsentProof) =>
  consent.withdrawnAt
    ? `Withdrawn ${formatDateTime(consent.withdrawnAt)}${consent.withdrawalMethod === 'staff' ? ' by staff' : ' by the resident'}`
    : 'Given';
