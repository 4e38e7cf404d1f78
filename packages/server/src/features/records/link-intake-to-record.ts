import { sql } from 'kysely';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { blindIndex } from '../crypto/blind-index.ts';
import { normaliseEmail } from '../crypto/blind-index.rules.ts';
import { loadSubjectKeys } from '../crypto/subject-keys.ts';
import { createRecord } from './create-record.ts';
import { recordDetailIndexType } from './record-details.repository.ts';
import type { RecordDetailValue } from './record-details.rules.ts';

export type IntakeRecord = { recordId: string; dataSubjectId: string; dataKey: Buffer; created: boolean };

/**
 * The record a contact arriving on a channel (form, email, social media) belongs to, in the
 * caller's transaction (ADR 14): the record of a case the resident quoted; else the one record
 * holding exactly this email address; else a new record with the details given. Never a guess:
 * two records with the same address means a new one, for staff to merge.
 */
export async function linkIntakeToRecord(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'indexKey' | 'organisation'>,
  intake: {
    quotedRecordId?: string | null;
    email?: string | null;
    details: readonly RecordDetailValue[];
    createdBy: string;
  },
): Promise<IntakeRecord> {
  const existing = intake.quotedRecordId
    ? await currentRecord(tx, ctx.organisation.id, intake.quotedRecordId)
    : await onlyRecordWithEmail(tx, ctx, intake.email ?? null);
  if (existing) {
    const key = (await loadSubjectKeys(tx, ctx.keyring, [existing.data_subject_id])).get(existing.data_subject_id);
    if (key) return { recordId: existing.id, dataSubjectId: existing.data_subject_id, dataKey: key, created: false };
  }
  const created = await createRecord(tx, ctx, { createdBy: intake.createdBy, details: intake.details });
  return { ...created, created: true };
}

type RecordHead = { id: string; data_subject_id: string };

/** The record itself or, when it was merged, the record it was merged into (followed to the end). */
export async function currentRecord(tx: Tx, organisationId: string, recordId: string): Promise<RecordHead | null> {
  const result = await sql<RecordHead>`
    WITH RECURSIVE chain AS (
      SELECT id, data_subject_id, merged_into_id, personal_data_deleted_at, 0 AS depth FROM customer_records
      WHERE id = ${recordId} AND organisation_id = ${organisationId}
      UNION ALL
      SELECT r.id, r.data_subject_id, r.merged_into_id, r.personal_data_deleted_at, chain.depth + 1 FROM customer_records r
      JOIN chain ON r.id = chain.merged_into_id WHERE chain.depth < 50
    )
    SELECT id, data_subject_id FROM chain WHERE merged_into_id IS NULL AND personal_data_deleted_at IS NULL`.execute(
    tx,
  );
  return result.rows[0] ?? null;
}

async function onlyRecordWithEmail(
  tx: Tx,
  ctx: Pick<ServiceContext, 'indexKey' | 'organisation'>,
  email: string | null,
): Promise<RecordHead | null> {
  const normalised = email ? normaliseEmail(email) : null;
  if (!normalised) return null;
  const rows = await tx
    .selectFrom('blind_indexes as b')
    .innerJoin('record_details as d', 'd.id', 'b.record_id')
    .select('d.record_id')
    .distinct()
    .where('b.organisation_id', '=', ctx.organisation.id)
    .where('b.record_type', '=', recordDetailIndexType)
    .where('b.kind', '=', 'email')
    .where('b.digest', '=', blindIndex(ctx.indexKey, 'email', normalised))
    .where('d.superseded_at', 'is', null)
    .limit(10)
    .execute();
  const heads = new Map<string, RecordHead>();
  for (const row of rows) {
    const head = await currentRecord(tx, ctx.organisation.id, row.record_id);
    if (head) heads.set(head.id, head);
  }
  return heads.size === 1 ? [...heads.values()][0]! : null;
}
