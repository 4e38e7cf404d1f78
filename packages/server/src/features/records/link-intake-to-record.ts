import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { normaliseEmail } from '../crypto/blind-index.rules.ts';
import { restrictedSubjects } from '../access/processing-restrictions.repository.ts';
import { createRecord } from './create-record.ts';
import { currentRecord, recordIdsWithEmail, recordKey, type RecordHead } from './records.repository.ts';
import type { RecordDetailValue } from './record-details.rules.ts';

export type IntakeRecord = { recordId: string; dataSubjectId: string; dataKey: Buffer; created: boolean };

/**
 * The record a contact arriving on a channel (form, email, social media) belongs to, in the
 * caller's transaction (ADR 14): the record of a case the resident quoted; else the one record
 * holding exactly this email address; else a new record with the details given. Never a guess:
 * two records with the same address means a new one, for staff to merge. A record whose processing
 * is restricted (ADR 33) is never matched: the contact gets a record of its own.
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
  const restricted = existing
    ? (await restrictedSubjects(tx, ctx.organisation.id, [existing.data_subject_id])).size > 0
    : false;
  if (existing && !restricted) {
    const key = await recordKey(tx, ctx.keyring, existing);
    if (key) return { recordId: existing.id, dataSubjectId: existing.data_subject_id, dataKey: key, created: false };
  }
  const created = await createRecord(tx, ctx, { createdBy: intake.createdBy, details: intake.details });
  return { ...created, created: true };
}

async function onlyRecordWithEmail(
  tx: Tx,
  ctx: Pick<ServiceContext, 'indexKey' | 'organisation'>,
  email: string | null,
): Promise<RecordHead | null> {
  const normalised = email ? normaliseEmail(email) : null;
  if (!normalised) return null;
  const rows = await recordIdsWithEmail(tx, ctx.indexKey, ctx.organisation.id, normalised);
  const heads = new Map<string, RecordHead>();
  for (const recordId of rows) {
    const head = await currentRecord(tx, ctx.organisation.id, recordId);
    if (head) heads.set(head.id, head);
  }
  return heads.size === 1 ? [...heads.values()][0]! : null;
}
