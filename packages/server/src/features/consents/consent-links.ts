import { randomBytes } from 'node:crypto';
import type { Language } from '@ward/protocol';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';
import type { DbOrTx } from '../../db/client.ts';
import { insertConsentLink } from './consents.repository.ts';

/**
 * A new link for the resident whose data an email carries, to see and withdraw their consents
 * (ADR 37). Each email gets its own; only the token's hash is kept.
 */
export async function newPrivacyChoicesLink(
  db: DbOrTx,
  publicUrl: string,
  organisationId: string,
  dataSubjectId: string,
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await insertConsentLink(db, { token, organisationId, dataSubjectId });
  return `${publicUrl}/privacy/choices/${token}`;
}

/** What every email to a resident ends with, in their language; the link opens the page in it too (ADR 50). */
export const privacyChoicesFooter = (link: string, language: Language = 'en') =>
  `\n\n--\n${fill(textsIn(language).emailFooter.privacyChoices, { link: language === 'en' ? link : `${link}?lang=${language}` })}\n`;
