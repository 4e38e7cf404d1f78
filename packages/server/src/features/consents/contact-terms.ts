import type { DbOrTx } from '../../db/client.ts';
import type { Organisation } from '../../shared/service-context.ts';
import { lawfulBasesOf } from './contact-terms.rules.ts';
import { noticeInEffectAt } from './privacy-notices.repository.ts';

/** What a new chat, form submission or email records about what it was told (ADR 37). */
export type ContactTerms = {
  privacy_notice_id: string | null;
  lawful_bases: string;
  /** The notice's version, for the wording of a consent given with it. */
  noticeVersion: string | null;
};

export async function termsForNewContact(
  db: DbOrTx,
  organisation: Organisation,
  now = new Date(),
): Promise<ContactTerms> {
  const notice = await noticeInEffectAt(db, organisation.id, now);
  return {
    privacy_notice_id: notice?.id ?? null,
    lawful_bases: JSON.stringify(lawfulBasesOf(organisation.settings.recordOfProcessing.purposes)),
    noticeVersion: notice?.version ?? null,
  };
}
