import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { recordDetailIndexType } from '../records/record-details.repository.ts';
import { activeHoldOnCase, activeHoldOnSubject } from './holds.repository.ts';

/**
 * Retention of what came with customer records (ADR 11, 14, 16, 17): cases, form submissions,
 * emails on cases, and the records' own details. Each step takes `now` for holds and a cut-off
 * instant: what ended before it has expired. Every statement re-checks holds as it deletes.
 */
export type ChannelScope = { organisationId: string; cutoff: Date; now: Date };

/** One row a deletion touched, as its audit entry names it (ADR 12). */
export type TouchedRow = { id: string; data_subject_id: string; case_reference: string | null };

// ---- Cases: summary and the bodies of notes and requests (`contact-summaries` after closing) ----

/** Whether the disclosure aliased `di` (ADR 30) still holds its sealed contact or texts. */
const disclosureHoldsData = sql<boolean>`(di.recipient_contact IS NOT NULL OR di.what_shared IS NOT NULL OR di.why IS NOT NULL)`;

/**
 * Whether the case aliased `k` still holds personal data: never cleared, or written to again after
 * it was (a case reopened, noted and closed again).
 */
const caseHoldsData = sql<boolean>`(k.personal_data_deleted_at IS NULL OR k.summary IS NOT NULL
  OR EXISTS (SELECT 1 FROM case_entries ce WHERE ce.case_id = k.id AND ce.body IS NOT NULL)
  OR EXISTS (SELECT 1 FROM disclosures di WHERE di.case_id = k.id AND ${disclosureHoldsData}))`;

/** Closed before the cut-off, personal data still there, not held. Open cases never match. */
const caseDue = (scope: ChannelScope) =>
  sql`k.organisation_id = ${scope.organisationId} AND k.status = 'closed' AND k.closed_at < ${scope.cutoff}
    AND ${caseHoldsData} AND NOT ${activeHoldOnCase(scope.now)}`;

export async function countDueCases(db: DbOrTx, scope: ChannelScope): Promise<{ count: number; oldest: Date | null }> {
  const result = await sql<{ count: number; oldest: Date | null }>`
    SELECT count(*)::int AS count, min(k.closed_at) AS oldest FROM cases k WHERE ${caseDue(scope)}`.execute(db);
  return { count: result.rows[0]?.count ?? 0, oldest: result.rows[0]?.oldest ?? null };
}

/**
 * Clears up to `limit` expired cases in the caller's transaction: the summary, every entry's body
 * and the sealed contact and texts of its disclosures (ADR 30) become NULL (the ciphertext is gone,
 * not just unreadable) and `personal_data_deleted_at` is set. The case reference, channel,
 * department, status, times, the entries' kinds and the disclosures' recipient, basis and date stay.
 * `disclosed`: the cases whose disclosures were cleared.
 */
export async function clearDueCases(
  tx: DbOrTx,
  scope: ChannelScope,
  limit: number,
): Promise<{ cases: TouchedRow[]; entries: number; disclosed: Set<string> }> {
  const doomed = await sql<TouchedRow>`
    SELECT k.id, k.data_subject_id, k.case_reference FROM cases k
    WHERE ${caseDue(scope)}
    ORDER BY k.closed_at, k.id
    LIMIT ${limit}
    FOR UPDATE OF k SKIP LOCKED`.execute(tx);
  const ids = doomed.rows.map((row) => row.id);
  if (ids.length === 0) return { cases: [], entries: 0, disclosed: new Set() };
  const cleared = await clearCases(tx, ids, scope.now);
  return { cases: doomed.rows, ...cleared };
}

/**
 * Clears the given cases (retention, and erasure: ADR 35): the summary, every entry's body and the
 * sealed contact and texts of their disclosures become NULL and `personal_data_deleted_at` is set.
 */
export async function clearCases(
  tx: DbOrTx,
  ids: readonly string[],
  now: Date,
): Promise<{ entries: number; disclosed: Set<string> }> {
  if (ids.length === 0) return { entries: 0, disclosed: new Set() };
  const entries =
    await sql`UPDATE case_entries SET body = NULL WHERE case_id = ANY(${[...ids]}::uuid[]) AND body IS NOT NULL`.execute(
      tx,
    );
  const disclosed = await sql<{ case_id: string }>`
    UPDATE disclosures di SET recipient_contact = NULL, what_shared = NULL, why = NULL
    WHERE di.case_id = ANY(${[...ids]}::uuid[]) AND ${disclosureHoldsData}
    RETURNING di.case_id`.execute(tx);
  await sql`UPDATE cases SET summary = NULL, personal_data_deleted_at = ${now} WHERE id = ANY(${[...ids]}::uuid[])`.execute(
    tx,
  );
  return {
    entries: Number(entries.numAffectedRows ?? 0),
    disclosed: new Set(disclosed.rows.map((row) => row.case_id)),
  };
}

/** Clears the given disclosures' sealed contact and texts (erasure of chosen items, ADR 35). */
export async function clearDisclosures(tx: DbOrTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE disclosures SET recipient_contact = NULL, what_shared = NULL, why = NULL
    WHERE id = ANY(${[...ids]}::uuid[])`.execute(tx);
}

/** Deletes the given submissions' answers and confirmation address, as `clearDueSubmissions` does. */
export async function clearSubmissions(tx: DbOrTx, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE form_submissions SET answers = ''::bytea, confirmation_email = NULL,
      personal_data_deleted_at = coalesce(personal_data_deleted_at, ${now})
    WHERE id = ANY(${[...ids]}::uuid[])`.execute(tx);
  await clearAnswerCorrections(tx, ids);
}

/** What corrections of the answers replaced goes with the answers. */
async function clearAnswerCorrections(tx: DbOrTx, submissionIds: readonly string[]): Promise<void> {
  if (submissionIds.length === 0) return;
  await sql`DELETE FROM form_answer_corrections WHERE form_submission_id = ANY(${[...submissionIds]}::uuid[])`.execute(
    tx,
  );
}

// ---- Form submissions: answers and confirmation address (the form's category, after closing) ----

/** Which forms a step covers: those listed, or (for forms no longer defined) all but those listed. */
export type FormSelection = { formIds: readonly string[] } | { notFormIds: readonly string[] };

const formFilter = (forms: FormSelection): RawBuilder<unknown> =>
  'formIds' in forms
    ? sql`s.form_id = ANY(${[...forms.formIds]}::text[])`
    : sql`NOT (s.form_id = ANY(${[...forms.notFormIds]}::text[]))`;

const submissionDue = (scope: ChannelScope, forms: FormSelection) =>
  sql`s.organisation_id = ${scope.organisationId} AND s.personal_data_deleted_at IS NULL AND ${formFilter(forms)}
    AND k.status = 'closed' AND k.closed_at < ${scope.cutoff}
    AND NOT ${activeHoldOnCase(scope.now)} AND NOT ${activeHoldOnSubject(scope.now, sql`s.organisation_id`, sql`s.data_subject_id`)}`;

export async function countDueSubmissions(
  db: DbOrTx,
  scope: ChannelScope,
  forms: FormSelection,
): Promise<{ count: number; oldest: Date | null }> {
  const result = await sql<{ count: number; oldest: Date | null }>`
    SELECT count(*)::int AS count, min(k.closed_at) AS oldest
    FROM form_submissions s JOIN cases k ON k.id = s.case_id WHERE ${submissionDue(scope, forms)}`.execute(db);
  return { count: result.rows[0]?.count ?? 0, oldest: result.rows[0]?.oldest ?? null };
}

/**
 * Deletes the answers and confirmation address of up to `limit` expired submissions. `answers`
 * is a required column, so it becomes empty (no ciphertext left), and `personal_data_deleted_at`
 * tells every reader not to open it. The form, the case, consent and the times stay.
 */
export async function clearDueSubmissions(
  tx: DbOrTx,
  scope: ChannelScope,
  forms: FormSelection,
  limit: number,
): Promise<TouchedRow[]> {
  const result = await sql<TouchedRow>`
    WITH doomed AS (
      SELECT s.id, k.case_reference FROM form_submissions s JOIN cases k ON k.id = s.case_id
      WHERE ${submissionDue(scope, forms)}
      ORDER BY k.closed_at, s.id
      LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED
    )
    UPDATE form_submissions s SET answers = ''::bytea, confirmation_email = NULL, personal_data_deleted_at = ${scope.now}
    FROM doomed WHERE s.id = doomed.id
    RETURNING s.id, s.data_subject_id, doomed.case_reference`.execute(tx);
  await clearAnswerCorrections(
    tx,
    result.rows.map((row) => row.id),
  );
  return result.rows;
}

// ---- Emails on cases (ADR 17): deleted by features/emails/delete-expired-emails.ts ----

/**
 * Whether an active hold keeps the email aliased `e` on the case aliased `k`: the same test as
 * `deleteExpiredEmails` (a hold on its subject or its case's, directly or through one of their
 * conversations, or on its case), for the dry run and "what expires next".
 */
const emailHeld = (scope: { organisationId: string; now: Date }) => sql<boolean>`(EXISTS (
  SELECT 1 FROM retention_holds h LEFT JOIN conversations hc ON hc.id = h.conversation_id
  WHERE h.organisation_id = ${scope.organisationId} AND h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > ${scope.now})
    AND (coalesce(h.data_subject_id, hc.data_subject_id) IN (e.data_subject_id, k.data_subject_id) OR h.case_id = e.case_id)))`;

const emailContact = sql<Date>`coalesce(e.received_at, e.created_at)`;

export async function countDueEmails(
  db: DbOrTx,
  scope: ChannelScope,
): Promise<{ count: number; attachments: number; oldest: Date | null }> {
  const result = await sql<{ count: number; attachments: number; oldest: Date | null }>`
    SELECT count(*)::int AS count, min(${emailContact}) AS oldest,
      coalesce(sum((SELECT count(*) FROM email_attachments a WHERE a.email_id = e.id AND a.personal_data_deleted_at IS NULL)), 0)::int AS attachments
    FROM emails e JOIN cases k ON k.id = e.case_id
    WHERE e.organisation_id = ${scope.organisationId} AND e.personal_data_deleted_at IS NULL
      AND ${emailContact} < ${scope.cutoff} AND NOT ${emailHeld(scope)}`.execute(db);
  const row = result.rows[0];
  return { count: row?.count ?? 0, attachments: row?.attachments ?? 0, oldest: row?.oldest ?? null };
}

// ---- Customer records: their own details (`customer-records`) ----

/**
 * A record and everything merged into it (ADR 14) go together: a merge group, named by its head.
 * A group is due when the later of its records' creation and its cases' closing is before the
 * cut-off, none of its cases is open, nothing of its contacts still holds personal data (cases,
 * their form submissions, emails and chats: each goes by its own category first), and no hold
 * covers any of its records or cases. `upcoming` relaxes the personal-data test (what is left
 * goes first, by shorter periods) and the cut-off, and reports holds instead of skipping them.
 */
function recordGroups(organisationId: string, now: Date) {
  return sql`
    grp AS (
      SELECT r.id AS head, r.id, r.data_subject_id, r.created_at FROM customer_records r
      WHERE r.organisation_id = ${organisationId} AND r.merged_into_id IS NULL AND r.personal_data_deleted_at IS NULL
      UNION ALL
      SELECT g.head, m.id, m.data_subject_id, m.created_at FROM customer_records m JOIN grp g ON m.merged_into_id = g.id
    ), group_cases AS (
      SELECT g.head, k.id, k.organisation_id, k.status, k.closed_at, k.personal_data_deleted_at, k.summary, k.conversation_id, k.data_subject_id, k.record_id
      FROM grp g JOIN cases k ON k.record_id = g.id
      UNION
      SELECT g.head, k.id, k.organisation_id, k.status, k.closed_at, k.personal_data_deleted_at, k.summary, k.conversation_id, k.data_subject_id, k.record_id
      FROM grp g JOIN cases k ON k.organisation_id = ${organisationId} AND k.data_subject_id = g.data_subject_id
    ), open_groups AS (
      SELECT DISTINCT k.head FROM group_cases k WHERE k.status <> 'closed'
    ), data_groups AS (
      SELECT DISTINCT k.head FROM group_cases k
      WHERE ${caseHoldsData}
        OR EXISTS (SELECT 1 FROM form_submissions s WHERE s.case_id = k.id AND s.personal_data_deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM emails e WHERE e.case_id = k.id AND e.personal_data_deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM conversations c WHERE c.id = k.conversation_id AND c.personal_data_deleted_at IS NULL)
      UNION
      SELECT g.head FROM grp g
      WHERE EXISTS (SELECT 1 FROM form_submissions s WHERE s.organisation_id = ${organisationId} AND s.data_subject_id = g.data_subject_id AND s.personal_data_deleted_at IS NULL)
    ), held_groups AS (
      SELECT DISTINCT k.head FROM group_cases k WHERE ${activeHoldOnCase(now)}
      UNION
      SELECT g.head FROM grp g WHERE ${activeHoldOnSubject(now, sql`${organisationId}::uuid`, sql`g.data_subject_id`)}
    ), facts AS (
      SELECT g.head, greatest(max(g.created_at), (SELECT max(k.closed_at) FROM group_cases k WHERE k.head = g.head)) AS contact_at
      FROM grp g GROUP BY g.head
    )`;
}

export type RecordGroup = { head: string; contact_at: Date };

/** The merge groups due now, longest expired first (or all of them counted, with `limit` null). */
export async function listDueRecordGroups(
  db: DbOrTx,
  scope: ChannelScope,
  limit: number | null,
): Promise<RecordGroup[]> {
  const result = await sql<RecordGroup>`
    WITH RECURSIVE ${recordGroups(scope.organisationId, scope.now)}
    SELECT f.head, f.contact_at FROM facts f
    WHERE f.contact_at < ${scope.cutoff}
      AND f.head NOT IN (SELECT head FROM open_groups)
      AND f.head NOT IN (SELECT head FROM data_groups)
      AND f.head NOT IN (SELECT head FROM held_groups)
    ORDER BY f.contact_at, f.head
    ${limit === null ? sql`` : sql`LIMIT ${limit}`}`.execute(db);
  return result.rows;
}

/** Groups that will expire (no open case), soonest first, with whether a hold keeps them. */
export async function listUpcomingRecordGroups(
  db: DbOrTx,
  organisationId: string,
  now: Date,
  limit: number,
): Promise<Array<RecordGroup & { held: boolean }>> {
  const result = await sql<RecordGroup & { held: boolean }>`
    WITH RECURSIVE ${recordGroups(organisationId, now)}
    SELECT f.head, f.contact_at, f.head IN (SELECT head FROM held_groups) AS held FROM facts f
    WHERE f.head NOT IN (SELECT head FROM open_groups)
    ORDER BY f.contact_at, f.head
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * Deletes the details of the given merge groups (heads, with every record merged into them) in
 * the caller's transaction: every version of every value, its sealed change reason and its blind
 * indexes (ADR 13) go, and each record is marked `personal_data_deleted_at`. Heads another
 * transaction holds, or already deleted, are skipped. The records stay, with their cases.
 */
export async function deleteRecordGroups(
  tx: DbOrTx,
  heads: readonly string[],
  now: Date,
): Promise<Array<{ id: string; data_subject_id: string; details: number }>> {
  if (heads.length === 0) return [];
  const locked = await sql<{ id: string }>`
    SELECT id FROM customer_records WHERE id = ANY(${[...heads]}::uuid[]) AND personal_data_deleted_at IS NULL
    FOR UPDATE SKIP LOCKED`.execute(tx);
  if (locked.rows.length === 0) return [];
  const result = await sql<{ id: string; data_subject_id: string; details: number }>`
    WITH RECURSIVE grp AS (
      SELECT r.id FROM customer_records r WHERE r.id = ANY(${locked.rows.map((row) => row.id)}::uuid[])
      UNION
      SELECT m.id FROM customer_records m JOIN grp g ON m.merged_into_id = g.id
    ), details AS (
      SELECT d.id, d.record_id FROM record_details d WHERE d.record_id IN (SELECT id FROM grp)
    ), unindexed AS (
      DELETE FROM blind_indexes b WHERE b.record_type = ${recordDetailIndexType} AND b.record_id IN (SELECT id FROM details)
    ), gone AS (
      DELETE FROM record_details d WHERE d.id IN (SELECT id FROM details) RETURNING d.record_id
    )
    UPDATE customer_records r SET personal_data_deleted_at = ${now}
    WHERE r.id IN (SELECT id FROM grp)
    RETURNING r.id, r.data_subject_id, (SELECT count(*)::int FROM details WHERE details.record_id = r.id) AS details`.execute(
    tx,
  );
  return result.rows;
}

// ---- What expires next ----

export type UpcomingChannelRow = {
  id: string;
  case_id: string | null;
  conversation_id: string | null;
  case_reference: string | null;
  contact_at: Date;
  held: boolean;
};

/** Closed cases whose summary or notes are still there, earliest closing first. */
export async function listUpcomingCases(
  db: DbOrTx,
  organisationId: string,
  now: Date,
  limit: number,
): Promise<UpcomingChannelRow[]> {
  const result = await sql<UpcomingChannelRow>`
    SELECT k.id, k.id AS case_id, k.conversation_id, k.case_reference, k.closed_at AS contact_at, ${activeHoldOnCase(now)} AS held
    FROM cases k
    WHERE k.organisation_id = ${organisationId} AND k.status = 'closed' AND k.closed_at IS NOT NULL
      AND (k.summary IS NOT NULL OR EXISTS (SELECT 1 FROM case_entries ce WHERE ce.case_id = k.id AND ce.body IS NOT NULL)
        OR EXISTS (SELECT 1 FROM disclosures di WHERE di.case_id = k.id AND ${disclosureHoldsData}))
    ORDER BY k.closed_at, k.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Submissions of closed cases whose answers are still there, for the given forms, earliest closing first. */
export async function listUpcomingSubmissions(
  db: DbOrTx,
  organisationId: string,
  forms: FormSelection,
  now: Date,
  limit: number,
): Promise<UpcomingChannelRow[]> {
  const result = await sql<UpcomingChannelRow>`
    SELECT s.id, k.id AS case_id, k.conversation_id, k.case_reference, k.closed_at AS contact_at,
      (${activeHoldOnCase(now)} OR ${activeHoldOnSubject(now, sql`s.organisation_id`, sql`s.data_subject_id`)}) AS held
    FROM form_submissions s JOIN cases k ON k.id = s.case_id
    WHERE s.organisation_id = ${organisationId} AND s.personal_data_deleted_at IS NULL AND ${formFilter(forms)}
      AND k.status = 'closed' AND k.closed_at IS NOT NULL
    ORDER BY k.closed_at, s.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Emails whose personal data is still there, earliest first. */
export async function listUpcomingEmails(
  db: DbOrTx,
  organisationId: string,
  now: Date,
  limit: number,
): Promise<UpcomingChannelRow[]> {
  const result = await sql<UpcomingChannelRow>`
    SELECT e.id, k.id AS case_id, k.conversation_id, k.case_reference, ${emailContact} AS contact_at, ${emailHeld({ organisationId, now })} AS held
    FROM emails e JOIN cases k ON k.id = e.case_id
    WHERE e.organisation_id = ${organisationId} AND e.personal_data_deleted_at IS NULL
    ORDER BY ${emailContact}, e.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}
