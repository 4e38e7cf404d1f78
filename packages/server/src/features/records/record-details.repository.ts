import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { insertBlindIndexes } from '../crypto/blind-indexes.repository.ts';
import { openField, sealField } from '../crypto/subject-keys.ts';
import { recordDetailIndexTerms, type RecordDetailValue } from './record-details.rules.ts';

/** Blind indexes of record details use this record type; the record id is the detail's id. */
export const recordDetailIndexType = 'record-detail';

export type NewRecordDetail = {
  organisationId: string;
  recordId: string;
  dataSubjectId: string;
  value: RecordDetailValue;
  /** A staff id, or `system:<channel>`. */
  createdBy: string;
  replacesId?: string | null;
};

/** Stores one value of a record, sealed under the record's data key, with its blind indexes. */
export async function insertRecordDetail(
  db: DbOrTx,
  indexKey: Buffer,
  dataKey: Buffer,
  detail: NewRecordDetail,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('record_details')
    .values({
      id,
      organisation_id: detail.organisationId,
      record_id: detail.recordId,
      kind: detail.value.kind,
      value: sealField(dataKey, 'record_details', 'value', id, JSON.stringify(detail.value)),
      replaces_id: detail.replacesId ?? null,
      created_by: detail.createdBy,
    })
    .execute();
  await insertBlindIndexes(
    db,
    indexKey,
    {
      organisationId: detail.organisationId,
      dataSubjectId: detail.dataSubjectId,
      recordType: recordDetailIndexType,
      recordId: id,
    },
    recordDetailIndexTerms(detail.value),
  );
  return id;
}

/** A stored value opened with the record's data key (null key: erased). */
export function openRecordDetail(dataKey: Buffer | null, row: { id: string; value: Buffer }): RecordDetailValue | null {
  const json = openField(dataKey, 'record_details', 'value', row.id, row.value);
  return dataKey ? (JSON.parse(json) as RecordDetailValue) : null;
}

/** A record's current values of one kind, opened with its data key. */
export async function currentDetailsOfKind(
  db: DbOrTx,
  dataKey: Buffer | null,
  recordId: string,
  kind: RecordDetailValue['kind'],
): Promise<Array<RecordDetailValue | null>> {
  const rows = await db
    .selectFrom('record_details')
    .select(['id', 'value'])
    .where('record_id', '=', recordId)
    .where('kind', '=', kind)
    .where('superseded_at', 'is', null)
    .execute();
  return rows.map((row) => openRecordDetail(dataKey, row));
}

/** Why a version was amended or removed, opened with the record's key. */
export function openChangeReason(
  dataKey: Buffer | null,
  row: { id: string; change_reason: Buffer | null },
): string | null {
  return openField(dataKey, 'record_details', 'change_reason', row.id, row.change_reason);
}
