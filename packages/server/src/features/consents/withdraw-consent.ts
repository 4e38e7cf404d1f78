import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, systemActor, type AuditActor } from '../audit/record-audit.ts';
import {
  consentsOfSubjects,
  deleteConsentLinksBefore,
  findConsent,
  markWithdrawn,
  subjectOfConsentLink,
} from './consents.repository.ts';
import type { ConsentProofRow } from './consents.repository.ts';

/** How long the link in an email lets the resident manage their consents. */
export const privacyChoicesLinkDays = 365;

async function withdraw(
  db: Db,
  organisationId: string,
  consentId: string,
  by: { actor: AuditActor; withdrawnBy: string; method: 'resident-link' | 'staff'; dataSubjectId?: string },
): Promise<ConsentProofRow> {
  return db.transaction().execute(async (tx) => {
    const consent = await findConsent(tx, organisationId, consentId);
    if (!consent || (by.dataSubjectId && consent.dataSubjectId !== by.dataSubjectId)) throw notFound('The consent');
    const changed = await markWithdrawn(tx, consent, { withdrawnBy: by.withdrawnBy, method: by.method });
    if (!changed) throw new AppError('conflict', 'This consent has already been withdrawn');
    await recordAudit(tx, {
      organisationId,
      actor: by.actor,
      action: 'update',
      purpose: 'consent',
      recordType: 'consent',
      recordId: consent.id,
      dataSubjectId: consent.dataSubjectId,
      caseReference: consent.caseReference,
      fields: ['withdrawn_at', ...(consent.conversationId ? ['conversations.opt_ins'] : [])],
      reason: by.method === 'resident-link' ? 'withdrawn by the resident through the emailed link' : null,
    });
    return (await findConsent(tx, organisationId, consentId))!;
  });
}

/** Staff withdraw a consent on the resident's behalf (by phone, letter, in person). */
export function withdrawConsentForResident(db: Db, staff: StaffPrincipal, consentId: string): Promise<ConsentProofRow> {
  return withdraw(db, staff.organisationId, consentId, {
    actor: staffActor(staff),
    withdrawnBy: staff.id,
    method: 'staff',
  });
}

/** Links past their year go with the hourly retention run (they no longer open anyway). */
export async function expirePrivacyChoicesLinks(db: Db, now: Date): Promise<number> {
  return deleteConsentLinksBefore(db, new Date(now.getTime() - privacyChoicesLinkDays * 86_400_000));
}

/** The resident's link: whose consents it shows, or null when unknown or older than a year. */
export async function privacyChoicesOf(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ organisationId: string; dataSubjectId: string; consents: ConsentProofRow[] } | null> {
  const subject = await subjectOfConsentLink(db, token);
  if (!subject || now.getTime() - subject.createdAt.getTime() > privacyChoicesLinkDays * 86_400_000) return null;
  return { ...subject, consents: await consentsOfSubjects(db, subject.organisationId, [subject.dataSubjectId]) };
}

/** The resident withdraws through their link: only their own consents. */
export async function withdrawConsentByLink(db: Db, token: string, consentId: string): Promise<ConsentProofRow> {
  const choices = await privacyChoicesOf(db, token);
  if (!choices) throw notFound('The link');
  return withdraw(db, choices.organisationId, consentId, {
    actor: systemActor,
    withdrawnBy: 'resident',
    method: 'resident-link',
    dataSubjectId: choices.dataSubjectId,
  });
}
