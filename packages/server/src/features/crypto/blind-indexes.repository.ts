import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { blindIndex } from './blind-index.ts';
import type { IndexTerm } from './blind-index.rules.ts';

export type IndexedRecord = { organisationId: string; dataSubjectId: string; recordType: string; recordId: string };

/** Stores a record's blind indexes (digests only), in the caller's transaction. */
export async function insertBlindIndexes(
  db: DbOrTx,
  key: Buffer,
  record: IndexedRecord,
  terms: readonly IndexTerm[],
): Promise<void> {
  if (terms.length === 0) return;
  await db
    .insertInto('blind_indexes')
    .values(
      terms.map((term) => ({
        organisation_id: record.organisationId,
        data_subject_id: record.dataSubjectId,
        record_type: record.recordType,
        record_id: record.recordId,
        kind: term.kind,
        digest: blindIndex(key, term.kind, term.value),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The ids of the organisation's records of one type indexed under every one of `terms`. */
export async function findRecordIdsByIndex(
  db: DbOrTx,
  key: Buffer,
  organisationId: string,
  recordType: string,
  terms: readonly IndexTerm[],
  limit: number,
): Promise<string[]> {
  if (terms.length === 0) return [];
  const kinds = terms.map((t) => t.kind);
  const digests = terms.map((t) => blindIndex(key, t.kind, t.value));
  const result = await sql<{ record_id: string }>`
    SELECT b.record_id FROM blind_indexes b
    JOIN unnest(${kinds}::text[], ${digests}::bytea[]) AS t(kind, digest) ON t.kind = b.kind AND t.digest = b.digest
    WHERE b.organisation_id = ${organisationId} AND b.record_type = ${recordType}
    GROUP BY b.record_id
    HAVING count(DISTINCT (b.kind, b.digest)) = ${terms.length}
    LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => row.record_id);
}

/** Deletes a record's blind indexes of these kinds (a corrected value is no longer found), in the caller's tx. */
export async function deleteBlindIndexes(
  db: DbOrTx,
  record: Pick<IndexedRecord, 'organisationId' | 'recordType' | 'recordId'>,
  kinds: readonly IndexTerm['kind'][],
): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .deleteFrom('blind_indexes')
    .where('organisation_id', '=', record.organisationId)
    .where('record_type', '=', record.recordType)
    .where('record_id', '=', record.recordId)
    .where('kind', 'in', [...kinds])
    .execute();
}
