import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { CustomerRecordRow, RecordDetailRow } from '../../db/schema.ts';
import { blindIndex } from '../crypto/blind-index.ts';
import type { IndexTerm } from '../crypto/blind-index.rules.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { createDataSubject, loadSubjectKeys, sealField, subjectKey } from '../crypto/subject-keys.ts';
import { recordDetailIndexType } from './record-details.repository.ts';

/** Display names of members of staff by id. */
export async function staffNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`]));
}

/**
 * Each id resolved to the record it stands for now: itself, or the record it was merged into
 * (followed to the end). Records whose personal data was deleted resolve to nothing.
 */
export async function resolveRecords(
  db: DbOrTx,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ start: string; id: string }>`
    WITH RECURSIVE chain AS (
      SELECT id AS start, id, merged_into_id, personal_data_deleted_at, 0 AS depth FROM customer_records
      WHERE id = ANY(${[...ids]}::uuid[]) AND organisation_id = ${organisationId}
      UNION ALL
      SELECT chain.start, r.id, r.merged_into_id, r.personal_data_deleted_at, chain.depth + 1 FROM customer_records r
      JOIN chain ON r.id = chain.merged_into_id WHERE chain.depth < 50
    )
    SELECT start, id FROM chain WHERE merged_into_id IS NULL AND personal_data_deleted_at IS NULL`.execute(db);
  return new Map(result.rows.map((row) => [row.start, row.id]));
}

/** Every record in each group: the record itself and every record merged into it, at any depth. */
export async function recordGroups(
  db: DbOrTx,
  organisationId: string,
  rootIds: readonly string[],
): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>(rootIds.map((id) => [id, []]));
  if (rootIds.length === 0) return groups;
  const result = await sql<{ root: string; id: string }>`
    WITH RECURSIVE g AS (
      SELECT id AS root, id, 0 AS depth FROM customer_records WHERE id = ANY(${[...rootIds]}::uuid[]) AND organisation_id = ${organisationId}
      UNION ALL
      SELECT g.root, r.id, g.depth + 1 FROM customer_records r JOIN g ON r.merged_into_id = g.id WHERE g.depth < 50
    )
    SELECT root, id FROM g ORDER BY depth`.execute(db);
  for (const row of result.rows) groups.get(row.root)?.push(row.id);
  return groups;
}

/**
 * Records whose current details carry every one of `terms`, each counted as the record at the end
 * of its merge chain (a value on a record merged into another counts for that other record, however
 * many merges away), optionally only among `within`. Indexes exist for current values only, so
 * superseded values never match.
 */
export async function recordIdsByIndex(
  db: DbOrTx,
  key: Buffer,
  organisationId: string,
  terms: readonly IndexTerm[],
  options: { limit: number; within?: readonly string[] },
): Promise<string[]> {
  if (terms.length === 0 || options.within?.length === 0) return [];
  const kinds = terms.map((t) => t.kind);
  const digests = terms.map((t) => blindIndex(key, t.kind, t.value));
  const within = options.within ? sql`AND roots.root = ANY(${[...options.within]}::uuid[])` : sql``;
  const result = await sql<{ record_id: string }>`
    WITH RECURSIVE matched AS (
      SELECT r.id, r.merged_into_id, b.kind, b.digest
      FROM unnest(${kinds}::text[], ${digests}::bytea[]) AS t(kind, digest)
      JOIN blind_indexes b ON b.organisation_id = ${organisationId} AND b.kind = t.kind AND b.digest = t.digest AND b.record_type = ${recordDetailIndexType}
      JOIN record_details d ON d.id = b.record_id
      JOIN customer_records r ON r.id = d.record_id
      WHERE r.personal_data_deleted_at IS NULL
    ), chain AS (
      SELECT DISTINCT id AS start, id, merged_into_id, 0 AS depth FROM matched
      UNION ALL
      SELECT chain.start, r.id, r.merged_into_id, chain.depth + 1 FROM customer_records r
      JOIN chain ON r.id = chain.merged_into_id WHERE chain.depth < 50
    ), roots AS (
      SELECT start, id AS root FROM chain WHERE merged_into_id IS NULL
    )
    SELECT roots.root AS record_id
    FROM matched JOIN roots ON roots.start = matched.id
    WHERE true ${within}
    GROUP BY 1
    HAVING count(DISTINCT (matched.kind, matched.digest)) = ${terms.length}
    LIMIT ${options.limit}`.execute(db);
  return result.rows.map((row) => row.record_id);
}

/** The record of the case with this reference, if it has one. */
export async function recordIdByCaseReference(
  db: DbOrTx,
  organisationId: string,
  caseReference: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select('record_id')
    .where('organisation_id', '=', organisationId)
    .where('case_reference', '=', caseReference)
    .executeTakeFirst();
  return row?.record_id ?? null;
}

export type RecordHeadRow = CustomerRecordRow & { kek_id: string; wrapped_key: Buffer | null };

/** `recordGroups` and `findRecordHeads` in one round trip: every record of each group, with `root`. */
export async function groupHeads(
  db: DbOrTx,
  organisationId: string,
  rootIds: readonly string[],
): Promise<(RecordHeadRow & { root: string })[]> {
  if (rootIds.length === 0) return [];
  const result = await sql<RecordHeadRow & { root: string }>`
    WITH RECURSIVE g AS (
      SELECT id AS root, id, 0 AS depth FROM customer_records WHERE id = ANY(${[...rootIds]}::uuid[]) AND organisation_id = ${organisationId}
      UNION ALL
      SELECT g.root, r.id, g.depth + 1 FROM customer_records r JOIN g ON r.merged_into_id = g.id WHERE g.depth < 50
    )
    SELECT g.root, r.*, s.kek_id, s.wrapped_key FROM g
    JOIN customer_records r ON r.id = g.id JOIN data_subjects s ON s.id = r.data_subject_id
    ORDER BY g.depth, r.id`.execute(db);
  return result.rows;
}

/** Records with what opens their data key. */
export async function findRecordHeads(
  db: DbOrTx,
  organisationId: string,
  ids: readonly string[],
  lock = false,
): Promise<RecordHeadRow[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('customer_records as r')
    .innerJoin('data_subjects as s', 's.id', 'r.data_subject_id')
    .selectAll('r')
    .select(['s.kek_id', 's.wrapped_key'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.id', 'in', [...ids])
    .orderBy('r.id');
  if (lock) query = query.forUpdate('r');
  return query.execute();
}

/** Stored versions of the details of these records: current ones only, or every version (newest first). */
export async function listDetailRows(
  db: DbOrTx,
  recordIds: readonly string[],
  options: { currentOnly: boolean },
): Promise<RecordDetailRow[]> {
  if (recordIds.length === 0) return [];
  let query = db
    .selectFrom('record_details')
    .selectAll()
    .where('record_id', 'in', [...recordIds]);
  if (options.currentOnly) query = query.where('superseded_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findDetailRow(
  db: DbOrTx,
  organisationId: string,
  detailId: string,
  lock = false,
): Promise<RecordDetailRow | undefined> {
  let query = db
    .selectFrom('record_details')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', detailId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function countCurrentDetails(
  db: DbOrTx,
  recordIds: readonly string[],
  kind: RecordDetailRow['kind'],
): Promise<number> {
  if (recordIds.length === 0) return 0;
  const row = await db
    .selectFrom('record_details')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('record_id', 'in', [...recordIds])
    .where('kind', '=', kind)
    .where('superseded_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks a version superseded (amended or removed) with who, when and the reason, sealed with the record's key. */
export async function supersedeDetail(
  db: DbOrTx,
  detailId: string,
  change: { by: string; reason: string; key: Buffer },
): Promise<void> {
  const reason = sealField(change.key, 'record_details', 'change_reason', detailId, change.reason);
  await db
    .updateTable('record_details')
    .set({ superseded_at: new Date(), superseded_by: change.by, change_reason: reason })
    .where('id', '=', detailId)
    .execute();
}

/** A superseded value is no longer searchable: its blind indexes go (ADR 14). */
export async function deleteDetailIndexes(db: DbOrTx, detailId: string): Promise<void> {
  await db
    .deleteFrom('blind_indexes')
    .where('record_type', '=', recordDetailIndexType)
    .where('record_id', '=', detailId)
    .execute();
}

/** Case departments, counts and latest contact of these records, without personal data. */
export async function caseFactsOfRecords(
  db: DbOrTx,
  recordIds: readonly string[],
): Promise<{ record_id: string; department_id: string; contacted_at: Date }[]> {
  if (recordIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select(['record_id', 'department_id', 'contacted_at'])
    .where('record_id', 'in', [...recordIds])
    .execute();
  return rows.map((row) => ({
    record_id: row.record_id as string,
    department_id: row.department_id,
    contacted_at: row.contacted_at,
  }));
}

/** Puts a case on a record, with a `record` entry on the case saying so (who, which record). */
export async function linkCaseToRecord(
  db: DbOrTx,
  link: { organisationId: string; caseId: string; recordId: string; staffId: string },
): Promise<void> {
  await db.updateTable('cases').set({ record_id: link.recordId }).where('id', '=', link.caseId).execute();
  await db
    .insertInto('case_entries')
    .values({
      id: randomUUID(),
      organisation_id: link.organisationId,
      case_id: link.caseId,
      kind: 'record',
      body: null,
      detail: link.recordId,
      author_staff_id: link.staffId,
    })
    .execute();
}

/** Points a record at the record it was merged into, or (null) clears that: a merge moves no data. */
export async function setMergedInto(
  db: DbOrTx,
  recordId: string,
  merge: { into: string; by: string } | null,
): Promise<void> {
  await db
    .updateTable('customer_records')
    .set(
      merge
        ? { merged_into_id: merge.into, merged_at: new Date(), merged_by: merge.by }
        : { merged_into_id: null, merged_at: null, merged_by: null },
    )
    .where('id', '=', recordId)
    .execute();
}

/** A new customer record with its own data subject (a fresh data key). */
export async function insertCustomerRecord(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  createdBy: string,
): Promise<{ recordId: string; subject: { id: string; key: Buffer } }> {
  const subject = await createDataSubject(db, keyring, organisationId);
  const recordId = randomUUID();
  await db
    .insertInto('customer_records')
    .values({ id: recordId, organisation_id: organisationId, data_subject_id: subject.id, created_by: createdBy })
    .execute();
  return { recordId, subject };
}

/** The data key of each record (null: erased). */
export function recordKeys(ctx: { keyring: Keyring }, heads: readonly RecordHeadRow[]): Map<string, Buffer | null> {
  return new Map(heads.map((head) => [head.id, subjectKey(ctx.keyring, head)]));
}

export type RecordHead = { id: string; data_subject_id: string };

/** The record itself or, when it was merged, the record it was merged into (followed to the end). */
export async function currentRecord(db: DbOrTx, organisationId: string, recordId: string): Promise<RecordHead | null> {
  const result = await sql<RecordHead>`
    WITH RECURSIVE chain AS (
      SELECT id, data_subject_id, merged_into_id, personal_data_deleted_at, 0 AS depth FROM customer_records
      WHERE id = ${recordId} AND organisation_id = ${organisationId}
      UNION ALL
      SELECT r.id, r.data_subject_id, r.merged_into_id, r.personal_data_deleted_at, chain.depth + 1 FROM customer_records r
      JOIN chain ON r.id = chain.merged_into_id WHERE chain.depth < 50
    )
    SELECT id, data_subject_id FROM chain WHERE merged_into_id IS NULL AND personal_data_deleted_at IS NULL`.execute(
    db,
  );
  return result.rows[0] ?? null;
}

/** Records (at most `limit`) with a current email detail of this normalised address, by its blind index. */
export async function recordIdsWithEmail(
  db: DbOrTx,
  indexKey: Buffer,
  organisationId: string,
  normalisedEmail: string,
  limit = 10,
): Promise<string[]> {
  const rows = await db
    .selectFrom('blind_indexes as b')
    .innerJoin('record_details as d', 'd.id', 'b.record_id')
    .select('d.record_id')
    .distinct()
    .where('b.organisation_id', '=', organisationId)
    .where('b.record_type', '=', recordDetailIndexType)
    .where('b.kind', '=', 'email')
    .where('b.digest', '=', blindIndex(indexKey, 'email', normalisedEmail))
    .where('d.superseded_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((row) => row.record_id);
}

/** The record's data key: undefined or null once erased. */
export async function recordKey(
  db: DbOrTx,
  keyring: Keyring,
  head: { data_subject_id: string },
): Promise<Buffer | null | undefined> {
  return (await loadSubjectKeys(db, keyring, [head.data_subject_id])).get(head.data_subject_id);
}
