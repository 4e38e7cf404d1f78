import { randomBytes } from 'node:crypto';
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

/** What every email to a resident ends with. */
export const privacyChoicesFooter = (link: string) =>
  `\n\n--\nTo see what you agreed to, or to withdraw your consent: ${link}\n`;
