import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { CaseChannel } from '../../db/schema.ts';

/** A case as a candidate shows it: no personal data, only what tells contacts apart. */
export type CandidateCaseRow = {
  id: string;
  case_reference: string;
  channel: CaseChannel;
  contacted_at: Date;
  department_id: string;
  record_id: string | null;
  data_subject_id: string;
  organisation_id: string;
};

const caseColumns = [
  'id',
  'case_reference',
  'channel',
  'contacted_at',
  'department_id',
  'record_id',
  'data_subject_id',
  'organisation_id',
] as const;

/** Cases of the organisation by id. */
export async function casesByIds(
  db: DbOrTx,
  organisationId: string,
  ids: readonly string[],
): Promise<CandidateCaseRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(caseColumns)
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The cases of these chats. */
export async function casesOfConversations(
  db: DbOrTx,
  organisationId: string,
  conversationIds: readonly string[],
): Promise<CandidateCaseRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(caseColumns)
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', 'in', [...conversationIds])
    .execute();
}

export async function caseWithReference(
  db: DbOrTx,
  organisationId: string,
  caseReference: string,
): Promise<CandidateCaseRow | undefined> {
  return db
    .selectFrom('cases')
    .select(caseColumns)
    .where('organisation_id', '=', organisationId)
    .where('case_reference', '=', caseReference)
    .executeTakeFirst();
}

/** Every case on these current records or on any record merged into them, with the current record as `root`. */
export async function casesOfRecords(
  db: DbOrTx,
  organisationId: string,
  rootIds: readonly string[],
  limit: number,
): Promise<(CandidateCaseRow & { root: string })[]> {
  if (rootIds.length === 0) return [];
  const result = await sql<CandidateCaseRow & { root: string }>`
    WITH RECURSIVE g AS (
      SELECT id AS root, id, 0 AS depth FROM customer_records
      WHERE id = ANY(${[...rootIds]}::uuid[]) AND organisation_id = ${organisationId}
      UNION ALL
      SELECT g.root, r.id, g.depth + 1 FROM customer_records r JOIN g ON r.merged_into_id = g.id WHERE g.depth < 50
    )
    SELECT g.root, c.id, c.case_reference, c.channel, c.contacted_at, c.department_id, c.record_id,
      c.data_subject_id, c.organisation_id
    FROM g JOIN cases c ON c.record_id = g.id AND c.organisation_id = ${organisationId}
    ORDER BY c.contacted_at DESC, c.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Whether the organisation has this customer record. */
export async function recordExists(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_records')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
