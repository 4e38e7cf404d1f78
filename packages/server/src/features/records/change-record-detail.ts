import type {
  AddRecordDetailBody,
  AmendRecordDetailBody,
  CustomerRecordView,
  RemoveRecordDetailBody,
} from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import type { RecordDetailRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import { recordAudit, staffActor, type AuditEntry } from '../audit/record-audit.ts';
import { checkedDetails } from './create-customer-record.ts';
import { insertRecordDetail } from './record-details.repository.ts';
import { buildRecordView } from './record-view.ts';
import { openableRecord, viewerOf } from './record-summaries.ts';
import {
  countCurrentDetails,
  deleteDetailIndexes,
  findDetailRow,
  findRecordHeads,
  recordGroups,
  supersedeDetail,
  type RecordHeadRow,
  recordKeys,
} from './records.repository.ts';

type Change = { head: RecordHeadRow; key: Buffer; fields: string[]; reason: string };

/**
 * Adds, amends or removes one value of a record (ADR 14): an amendment inserts the new version
 * (replaces_id) and marks the old one superseded with who, when and the sealed reason; a removal
 * only marks it. The superseded value's blind indexes are deleted, so search finds current values
 * only. Audited as an update, with the read of the record shown afterwards.
 */
async function changeRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  change: (tx: Tx, rootId: string) => Promise<Change>,
): Promise<CustomerRecordView> {
  return ctx.db.transaction().execute(async (tx) => {
    const viewer = await viewerOf(tx, staff);
    const rootId = await openableRecord(tx, ctx, viewer, recordId);
    const done = await change(tx, rootId);
    const actor = staffActor(staff);
    const { view, entries } = await buildRecordView(tx, ctx, viewer, rootId, { actor, purpose: 'review-contact' });
    const update: AuditEntry = {
      organisationId: ctx.organisation.id,
      actor,
      action: 'update',
      purpose: 'review-contact',
      recordType: 'customer-record',
      recordId: done.head.id,
      dataSubjectId: done.head.data_subject_id,
      fields: done.fields,
      reason: done.reason, // what was done, never the typed reason (that is sealed with the value)
    };
    await recordAudit(tx, [update, ...entries]);
    return view;
  });
}

/** A record's head and data key, locked; a record whose data was erased cannot change. */
async function lockedHead(
  tx: Tx,
  ctx: ServiceContext,
  recordId: string,
): Promise<{ head: RecordHeadRow; key: Buffer }> {
  const [head] = await findRecordHeads(tx, ctx.organisation.id, [recordId], true);
  const key = head ? recordKeys(ctx, [head]).get(head.id) : null;
  if (!head || !key)
    throw new AppError('conflict', 'This record’s personal data has been deleted, so it cannot be changed');
  await refuseWhileRestricted(tx, ctx.organisation.id, [head.data_subject_id], 'its details cannot be changed');
  return { head, key };
}

/** The current value `detailId` of the record `rootId` (or of one merged into it), locked. */
async function currentDetail(tx: Tx, ctx: ServiceContext, rootId: string, detailId: string): Promise<RecordDetailRow> {
  const row = await findDetailRow(tx, ctx.organisation.id, detailId, true);
  const members = (await recordGroups(tx, ctx.organisation.id, [rootId])).get(rootId) ?? [];
  if (!row || !members.includes(row.record_id)) throw notFound('That detail');
  if (row.superseded_at)
    throw new AppError(
      'conflict',
      'That detail has already been changed or removed. Reload the record to see its current details',
    );
  return row;
}

export function addRecordDetail(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  body: AddRecordDetailBody,
): Promise<CustomerRecordView> {
  const [value] = checkedDetails([body.value]);
  return changeRecord(ctx, staff, recordId, async (tx, rootId) => {
    const { head, key } = await lockedHead(tx, ctx, rootId);
    await insertRecordDetail(tx, ctx.indexKey, key, {
      organisationId: ctx.organisation.id,
      recordId: rootId,
      dataSubjectId: head.data_subject_id,
      value: value!,
      createdBy: staff.id,
    });
    return { head, key, fields: [value!.kind], reason: `added ${value!.kind}` };
  });
}

export function amendRecordDetail(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  detailId: string,
  body: AmendRecordDetailBody,
): Promise<CustomerRecordView> {
  const [value] = checkedDetails([body.value]);
  return changeRecord(ctx, staff, recordId, async (tx, rootId) => {
    const old = await currentDetail(tx, ctx, rootId, detailId);
    if (old.kind !== value!.kind)
      throw new AppError('bad_request', `That detail is a ${old.kind}: amend it with a ${old.kind}`);
    const { head, key } = await lockedHead(tx, ctx, old.record_id);
    await supersedeDetail(tx, old.id, {
      by: staff.id,
      reason: body.reason,
      key,
    });
    await deleteDetailIndexes(tx, old.id);
    await insertRecordDetail(tx, ctx.indexKey, key, {
      organisationId: ctx.organisation.id,
      recordId: old.record_id,
      dataSubjectId: head.data_subject_id,
      value: value!,
      createdBy: staff.id,
      replacesId: old.id,
    });
    return { head, key, fields: [old.kind], reason: `amended ${old.kind}` };
  });
}

export function removeRecordDetail(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  detailId: string,
  body: RemoveRecordDetailBody,
): Promise<CustomerRecordView> {
  return changeRecord(ctx, staff, recordId, async (tx, rootId) => {
    const old = await currentDetail(tx, ctx, rootId, detailId);
    if (old.kind === 'name') {
      const members = (await recordGroups(tx, ctx.organisation.id, [rootId])).get(rootId) ?? [];
      if ((await countCurrentDetails(tx, members, 'name')) <= 1)
        throw new AppError('conflict', 'A record needs a name: amend this one instead of removing it');
    }
    const { head, key } = await lockedHead(tx, ctx, old.record_id);
    await supersedeDetail(tx, old.id, {
      by: staff.id,
      reason: body.reason,
      key,
    });
    await deleteDetailIndexes(tx, old.id);
    return { head, key, fields: [old.kind], reason: `removed ${old.kind}` };
  });
}
