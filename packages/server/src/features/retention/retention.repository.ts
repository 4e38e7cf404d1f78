import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { subjectKey } from '../crypto/subject-keys.ts';
import { sealConversationFields } from '../conversations/conversation-records.repository.ts';
import type { EnforcedCategory } from './retention.rules.ts';

/** Which conversations a step may touch: this organisation's, ended before `cutoff`, not held at `now`. */
export type DueScope = { organisationId: string; cutoff: Date; now: Date };

/** When the contact ended; a chat never ended counts from its start (an abandoned chat). */
const contactAt = sql<Date>`coalesce(c.ended_at, c.created_at)`;

/**
 * Mirrors `isHeld` in retention.rules.ts, in SQL, so each batch checks holds as it deletes: a hold
 * on the conversation, on its resident, or on its case (or the case's subject, once the chat is
 * linked to a customer record).
 */
export const activeHoldOn = (now: Date): RawBuilder<boolean> => sql<boolean>`EXISTS (
  SELECT 1 FROM retention_holds h
  WHERE h.organisation_id = c.organisation_id AND h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > ${now})
    AND (h.conversation_id = c.id OR h.data_subject_id = c.data_subject_id
      OR EXISTS (SELECT 1 FROM cases hk WHERE hk.conversation_id = c.id AND (h.case_id = hk.id OR h.data_subject_id = hk.data_subject_id))))`;

const due = (scope: DueScope) =>
  sql`c.organisation_id = ${scope.organisationId} AND ${contactAt} < ${scope.cutoff} AND NOT ${activeHoldOn(scope.now)}`;

/** What is left of each category, per conversation alias `c` (and `m` for messages). */
const remaining: Record<EnforcedCategory, { from: RawBuilder<unknown>; where: RawBuilder<unknown> }> = {
  'chat-transcripts': {
    from: sql`conversations c JOIN messages m ON m.conversation_id = c.id`,
    where: sql`NOT m.consent_evidence`,
  },
  'consent-evidence': {
    from: sql`conversations c JOIN messages m ON m.conversation_id = c.id`,
    where: sql`m.consent_evidence`,
  },
  'contact-summaries': { from: sql`conversations c`, where: sql`c.personal_data_deleted_at IS NULL` },
  'survey-answers': {
    from: sql`conversations c`,
    where: sql`(c.survey_rating IS NOT NULL OR c.survey_comment IS NOT NULL)`,
  },
};

/** How much a run would delete now, and the earliest contact among it (for the dry run). */
export async function countDue(
  db: DbOrTx,
  category: EnforcedCategory,
  scope: DueScope,
): Promise<{ count: number; oldestContact: Date | null }> {
  const { from, where } = remaining[category];
  const result = await sql<{ count: number; oldest: Date | null }>`
    SELECT count(*)::int AS count, min(${contactAt}) AS oldest FROM ${from} WHERE ${due(scope)} AND ${where}`.execute(
    db,
  );
  const row = result.rows[0];
  return { count: row?.count ?? 0, oldestContact: row?.oldest ?? null };
}

/** A conversation a deletion batch touched: what its audit entry names (ADR 12). */
export type Touched = { id: string; organisation_id: string; data_subject_id: string; case_reference: string };
export type BatchResult = { count: number; touched: Touched[] };

/** Deletes up to `limit` expired messages (transcript, or consent evidence) in one statement. */
export async function deleteDueMessages(
  db: DbOrTx,
  consentEvidence: boolean,
  scope: DueScope,
  limit: number,
): Promise<BatchResult> {
  const result = await sql<Touched & { count: number }>`
    WITH doomed AS (
      SELECT m.conversation_id, m.seq, c.organisation_id, c.data_subject_id, c.case_reference
      FROM conversations c JOIN messages m ON m.conversation_id = c.id
      WHERE ${due(scope)} AND m.consent_evidence = ${consentEvidence}
      LIMIT ${limit}
      FOR UPDATE OF m SKIP LOCKED
    ), gone AS (
      DELETE FROM messages m USING doomed WHERE m.conversation_id = doomed.conversation_id AND m.seq = doomed.seq
      RETURNING doomed.conversation_id, doomed.organisation_id, doomed.data_subject_id, doomed.case_reference
    )
    SELECT conversation_id AS id, organisation_id, data_subject_id, case_reference, count(*)::int AS count
    FROM gone GROUP BY 1, 2, 3, 4 ORDER BY 1`.execute(db);
  return {
    count: result.rows.reduce((sum, row) => sum + row.count, 0),
    touched: result.rows.map(({ count: _count, ...touched }) => touched),
  };
}

/** Deletes the survey answers (rating and comment) of up to `limit` expired conversations. */
export async function deleteDueSurveyAnswers(db: DbOrTx, scope: DueScope, limit: number): Promise<BatchResult> {
  const result = await sql<Touched>`
    WITH doomed AS (
      SELECT c.id FROM conversations c
      WHERE ${due(scope)} AND ${remaining['survey-answers'].where}
      LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE conversations c SET survey_rating = NULL, survey_comment = NULL FROM doomed WHERE c.id = doomed.id
    RETURNING c.id, c.organisation_id, c.data_subject_id, c.case_reference`.execute(db);
  return { count: result.rows.length, touched: result.rows };
}

/**
 * Deletes the personal data of up to `limit` expired conversations, in the caller's transaction
 * (see `clearConversationPersonalData`).
 */
export async function deleteDuePersonalData(
  tx: DbOrTx,
  keyring: Keyring,
  scope: DueScope,
  limit: number,
  marker: string,
): Promise<BatchResult> {
  const rows = await sql<Touched & { kek_id: string; wrapped_key: Buffer | null }>`
    SELECT c.id, c.organisation_id, c.data_subject_id, c.case_reference, ds.kek_id, ds.wrapped_key
    FROM conversations c JOIN data_subjects ds ON ds.id = c.data_subject_id
    WHERE ${due(scope)} AND ${remaining['contact-summaries'].where}
    LIMIT ${limit}
    FOR UPDATE OF c SKIP LOCKED`.execute(tx);
  await clearConversationPersonalData(tx, keyring, rows.rows, scope.now, marker);
  return {
    count: rows.rows.length,
    touched: rows.rows.map(({ id, organisation_id, data_subject_id, case_reference }) => ({
      id,
      organisation_id,
      data_subject_id,
      case_reference,
    })),
  };
}

/**
 * Deletes the personal data of the given conversations (retention, and erasure: ADR 35): the
 * summary, email addresses, IP address, browser, system, location and pre-chat answers become NULL; the name
 * (a required column every reader decrypts) becomes the sealed "deleted" marker; the resident's
 * token stops working, and its blind indexes, corrections history and staff notes are deleted. The case
 * reference, topic, times, status and message count stay.
 */
export async function clearConversationPersonalData(
  tx: DbOrTx,
  keyring: Keyring,
  rows: ReadonlyArray<{ id: string; data_subject_id: string; kek_id: string; wrapped_key: Buffer | null }>,
  now: Date,
  marker: string,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.id);
  // A subject whose key was destroyed keeps its unreadable name as it is.
  const names = rows.map((row) => {
    const key = subjectKey(keyring, row);
    return key ? (sealConversationFields(key, row.id, { visitor_name: marker }).visitor_name ?? null) : null;
  });
  // The blind indexes (ADR 13) go in the same statement: nothing can find the conversation by its resident any more.
  // The corrections history (ADR 29) holds earlier names and emails: it goes with them, and so do
  // staff's notes and whispers about the resident (ADR 41).
  await sql`
    WITH unindexed AS (
      DELETE FROM blind_indexes b WHERE b.record_type = 'conversation' AND b.record_id = ANY(${ids}::uuid[])
    ), uncorrected AS (
      DELETE FROM conversation_corrections h WHERE h.conversation_id = ANY(${ids}::uuid[])
    ), unnoted AS (
      DELETE FROM conversation_notes n WHERE n.conversation_id = ANY(${ids}::uuid[])
    )
    UPDATE conversations c SET
      visitor_name = coalesce(v.name, c.visitor_name), visitor_email = NULL, ip_address = NULL, summary = NULL,
      transcript_email = NULL, browser = NULL, operating_system = NULL, pre_chat_answers = NULL, location = NULL,
      plaintext_browser = NULL, plaintext_operating_system = NULL,
      visitor_token_hash = sha256(uuid_send(gen_random_uuid())), personal_data_deleted_at = ${now}
    FROM unnest(${ids}::uuid[], ${names}::bytea[]) AS v(id, name)
    WHERE c.id = v.id`.execute(tx);
}

export type UpcomingRow = { id: string; case_reference: string; contact_at: Date; held: boolean };

/** The conversations with something left in a category, earliest contact first. */
export async function listRemaining(
  db: DbOrTx,
  category: EnforcedCategory,
  organisationId: string,
  now: Date,
  limit: number,
): Promise<UpcomingRow[]> {
  const { where } = remaining[category];
  const hasIt =
    category === 'chat-transcripts' || category === 'consent-evidence'
      ? sql`EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND ${where})`
      : where;
  const result = await sql<UpcomingRow>`
    SELECT c.id, c.case_reference, ${contactAt} AS contact_at, ${activeHoldOn(now)} AS held
    FROM conversations c
    WHERE c.organisation_id = ${organisationId} AND ${hasIt}
    ORDER BY ${contactAt}, c.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

export async function listOrganisations(db: Db): Promise<Array<{ id: string; slug: string; settings: unknown }>> {
  return db.selectFrom('organisations').select(['id', 'slug', 'settings']).orderBy('slug').execute();
}

export async function recordDestruction(
  db: DbOrTx,
  rows: ReadonlyArray<{
    organisationId: string;
    category: string;
    rule: string;
    count: number;
    runAt: Date;
    jobId: string;
    unit?: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('destruction_log')
    .values(
      rows.map((r) => ({
        organisation_id: r.organisationId,
        category: r.category,
        rule: r.rule,
        count: r.count,
        run_at: r.runAt,
        job_id: r.jobId,
        unit: r.unit ?? null,
      })),
    )
    .execute();
}

export async function listDestructionLog(db: DbOrTx, organisationId: string, limit: number) {
  return db
    .selectFrom('destruction_log')
    .select(['category', 'rule', 'count', 'run_at', 'job_id', 'unit'])
    .where('organisation_id', '=', organisationId)
    .orderBy('run_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
