import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ConsentMethod } from '../../db/schema.ts';
import type { DbOrTx } from '../../db/client.ts';

export type NewConsent = {
  organisationId: string;
  dataSubjectId: string;
  caseId?: string | null;
  conversationId?: string | null;
  formSubmissionId?: string | null;
  purpose: string;
  method: ConsentMethod;
  wording: string;
  messageSeq?: number | null;
  privacyNoticeId: string | null;
};

export async function insertConsents(db: DbOrTx, consents: readonly NewConsent[]): Promise<void> {
  if (consents.length === 0) return;
  await db
    .insertInto('consents')
    .values(
      consents.map((c) => ({
        id: randomUUID(),
        organisation_id: c.organisationId,
        data_subject_id: c.dataSubjectId,
        case_id: c.caseId ?? null,
        conversation_id: c.conversationId ?? null,
        form_submission_id: c.formSubmissionId ?? null,
        purpose: c.purpose,
        method: c.method,
        wording: c.wording,
        message_seq: c.messageSeq ?? null,
        privacy_notice_id: c.privacyNoticeId,
      })),
    )
    .execute();
}

/** A consent as proof: joined with its case reference, notice version and the contact's lawful bases. */
export type ConsentProofRow = {
  id: string;
  dataSubjectId: string;
  conversationId: string | null;
  caseReference: string | null;
  purpose: string;
  method: ConsentMethod;
  wording: string;
  messageSeq: number | null;
  noticeVersion: string | null;
  lawfulBases: Record<string, string> | null;
  givenAt: Date;
  withdrawnAt: Date | null;
  withdrawalMethod: 'resident-link' | 'staff' | null;
};

const proofQuery = (db: DbOrTx, organisationId: string) =>
  db
    .selectFrom('consents as c')
    .leftJoin('privacy_notices as n', 'n.id', 'c.privacy_notice_id')
    .leftJoin('conversations as v', 'v.id', 'c.conversation_id')
    .leftJoin('form_submissions as f', 'f.id', 'c.form_submission_id')
    .leftJoin('cases as k', (join) =>
      join.on((eb) =>
        eb.or([
          eb('k.id', '=', eb.ref('c.case_id')),
          eb('k.id', '=', eb.ref('f.case_id')),
          eb('k.conversation_id', '=', eb.ref('c.conversation_id')),
        ]),
      ),
    )
    .select([
      'c.id',
      'c.data_subject_id',
      'c.conversation_id',
      'k.case_reference',
      'c.purpose',
      'c.method',
      'c.wording',
      'c.message_seq',
      'n.version',
      sql<Record<string, string> | null>`coalesce(v.lawful_bases, f.lawful_bases)`.as('lawful_bases'),
      'c.given_at',
      'c.withdrawn_at',
      'c.withdrawal_method',
    ])
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.given_at')
    .orderBy('c.id');

const toProof = (r: Awaited<ReturnType<ReturnType<typeof proofQuery>['execute']>>[number]): ConsentProofRow => ({
  id: r.id,
  dataSubjectId: r.data_subject_id,
  conversationId: r.conversation_id,
  caseReference: r.case_reference,
  purpose: r.purpose,
  method: r.method,
  wording: r.wording,
  messageSeq: r.message_seq,
  noticeVersion: r.version,
  lawfulBases: r.lawful_bases,
  givenAt: r.given_at,
  withdrawnAt: r.withdrawn_at,
  withdrawalMethod: r.withdrawal_method,
});

export async function consentsOfSubjects(
  db: DbOrTx,
  organisationId: string,
  dataSubjectIds: readonly string[],
): Promise<ConsentProofRow[]> {
  if (dataSubjectIds.length === 0) return [];
  const rows = await proofQuery(db, organisationId)
    .where('c.data_subject_id', 'in', [...dataSubjectIds])
    .execute();
  return rows.map(toProof);
}

export async function consentsForPurpose(
  db: DbOrTx,
  organisationId: string,
  purpose: string,
): Promise<ConsentProofRow[]> {
  const rows = await proofQuery(db, organisationId).where('c.purpose', '=', purpose).execute();
  return rows.map(toProof);
}

export async function findConsent(db: DbOrTx, organisationId: string, id: string): Promise<ConsentProofRow | null> {
  const row = await proofQuery(db, organisationId).where('c.id', '=', id).executeTakeFirst();
  return row ? toProof(row) : null;
}

/**
 * Records the withdrawal and stops what it covered: an opt-in's purpose leaves the chat's opt-ins,
 * so nobody is shown that the resident wants those emails any more. False when already withdrawn.
 */
export async function markWithdrawn(
  db: DbOrTx,
  consent: { id: string; conversationId: string | null; purpose: string },
  by: { withdrawnBy: string; method: 'resident-link' | 'staff' },
): Promise<boolean> {
  const updated = await db
    .updateTable('consents')
    .set({ withdrawn_at: new Date(), withdrawn_by: by.withdrawnBy, withdrawal_method: by.method })
    .where('id', '=', consent.id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  if (consent.conversationId) {
    await sql`UPDATE conversations SET opt_ins = array_remove(opt_ins, ${consent.purpose})
      WHERE id = ${consent.conversationId}`.execute(db);
  }
  return true;
}

// ---- The resident's link to their consents ----

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest();

export async function insertConsentLink(
  db: DbOrTx,
  link: { token: string; organisationId: string; dataSubjectId: string },
): Promise<void> {
  await db
    .insertInto('consent_links')
    .values({
      token_hash: hashLinkToken(link.token),
      organisation_id: link.organisationId,
      data_subject_id: link.dataSubjectId,
    })
    .execute();
}

export async function subjectOfConsentLink(
  db: DbOrTx,
  token: string,
): Promise<{ organisationId: string; dataSubjectId: string; createdAt: Date } | null> {
  const row = await db
    .selectFrom('consent_links')
    .select(['organisation_id', 'data_subject_id', 'created_at'])
    .where('token_hash', '=', hashLinkToken(token))
    .executeTakeFirst();
  return row
    ? { organisationId: row.organisation_id, dataSubjectId: row.data_subject_id, createdAt: row.created_at }
    : null;
}

/** Deletes the privacy-choices links older than `before` (they no longer open); returns how many. */
export async function deleteConsentLinksBefore(db: DbOrTx, before: Date): Promise<number> {
  const result = await db.deleteFrom('consent_links').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
