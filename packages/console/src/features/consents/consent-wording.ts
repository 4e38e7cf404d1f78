import type { ConsentProof, Language } from '@ward/protocol';
import { formatDateTime as formatInLanguage } from '../../ui/format.ts';
import { consentsEn, type ConsentsTexts } from './texts-en.ts';

/** "4 December 2026, 3:05pm" in the council's time; in Welsh "4 Rhagfyr 2026 am 3:05yp". */
export function formatDateTime(iso: string, language: Language = 'en'): string {
  if (language === 'cy') return formatInLanguage(iso, 'cy');
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

export const methodText = (consent: ConsentProof, says: ConsentsTexts = consentsEn) =>
  consent.method === 'typed-statement' && consent.messageSeq !== null
    ? says.messageNumber(says.methods[consent.method], consent.messageSeq)
    : says.methods[consent.method];

export const basisText = (consent: ConsentProof, says: ConsentsTexts = consentsEn) =>
  consent.lawfulBasis ? says.lawfulBases[consent.lawfulBasis] : says.notRecorded;

export const stateText = (consent: ConsentProof, says: ConsentsTexts = consentsEn, language: Language = 'en') =>
  consent.withdrawnAt
    ? `${says.withdrawnOn(formatDateTime(consent.withdrawnAt, language))}${consent.withdrawalMethod === 'staff' ? says.byStaff : says.byResident}`
    : says.given;
