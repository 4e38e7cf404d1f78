import type { CustomerRecordView, MergeRecordBody, UnmergeRecordBody } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, type AuditEntry } from '../audit/record-audit.ts';
import { buildRecordView } from './record-view.ts';
import { openableRecord, viewerOf, visibleRecordIds } from './record-summaries.ts';
import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import { findRecordHeads, setMergedInto } from './records.repository.ts';

/**
 * Merges a duplicate into another record (ADR 14). Nothing moves: the duplicate points at the
 * survivor, whose reading then gathers the duplicate's details, history and cases, and whose
 * search hits include the duplicate's. Both records must be current and openable by the member
 * of staff. Audited on both records with the typed reason; answers with the survivor.
 */
export async function mergeRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  duplicateId: string,
  body: MergeRecordBody,
): Promise<CustomerRecordView> {
  if (duplicateId === body.intoRecordId) throw new AppError('bad_request', 'Choose a different record to merge into');
  const organisationId = ctx.organisation.id;
  return ctx.db.transaction().execute(async (tx) => {
    // locked in id order
    const heads = await findRecordHeads(tx, organisationId, [duplicateId, body.intoRecordId], true);
    const duplicate = heads.find((h) => h.id === duplicateId);
    const survivor = heads.find((h) => h.id === body.intoRecordId);
    const viewer = await viewerOf(tx, staff);
    const visible = await visibleRecordIds(
      tx,
      organisationId,
      viewer,
      heads.map((h) => h.id),
    );
    if (!duplicate || !visible.includes(duplicate.id)) throw notFound('The customer record');
    if (!survivor || !visible.includes(survivor.id)) throw notFound('The record to merge into');
    for (const head of [duplicate, survivor]) {
      if (head.merged_into_id)
        throw new AppError(
          'conflict',
          'One of these records has already been merged into another. Reload and try again',
        );
      if (head.personal_data_deleted_at)
        throw new AppError('conflict', 'One of these records has had its personal data deleted');
    }
    const subjects = [duplicate.data_subject_id, survivor.data_subject_id];
    await refuseWhileRestricted(tx, organisationId, subjects, 'it cannot be merged');
    await setMergedInto(tx, duplicate.id, { into: survivor.id, by: staff.id });
    const actor = staffActor(staff);
    const { view, entries } = await buildRecordView(tx, ctx, viewer, survivor.id, { actor, purpose: 'review-contact' });
    const merged = (recordId: string, dataSubjectId: string, what: string): AuditEntry => ({
      organisationId,
      actor,
      action: 'update',
      purpose: 'review-contact',
      recordType: 'customer-record',
      recordId,
      dataSubjectId,
      fields: ['merged_into_id'],
      reason: `${what}: ${body.reason}`,
    });
    await recordAudit(tx, [
      merged(duplicate.id, duplicate.data_subject_id, `merged into ${survivor.id}`),
      merged(survivor.id, survivor.data_subject_id, `${duplicate.id} merged into this record`),
      ...entries,
    ]);
    return view;
  });
}

/** Undoes a merge: the record stands on its own again, with everything it had. Audited with the typed reason. */
export async function unmergeRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  body: UnmergeRecordBody,
): Promise<CustomerRecordView> {
  const organisationId = ctx.organisation.id;
  return ctx.db.transaction().execute(async (tx) => {
    const viewer = await viewerOf(tx, staff);
    const [head] = await findRecordHeads(tx, organisationId, [recordId], true);
    if (!head) throw notFound('The customer record');
    // Someone who may not open the record learns nothing of it, not even whether it was merged.
    await openableRecord(tx, ctx, viewer, recordId);
    if (!head.merged_into_id) throw new AppError('conflict', 'This record is not merged into another');
    // who may open the merged whole may split it
    const survivor = await openableRecord(tx, ctx, viewer, head.merged_into_id);
    await refuseWhileRestricted(tx, organisationId, [head.data_subject_id], 'it cannot be split');
    await setMergedInto(tx, head.id, null);
    const actor = staffActor(staff);
    const { view, entries } = await buildRecordView(tx, ctx, viewer, head.id, { actor, purpose: 'review-contact' });
    const [survivorHead] = await findRecordHeads(tx, organisationId, [survivor]);
    const entry = (id: string, subject: string, what: string): AuditEntry => ({
      organisationId,
      actor,
      action: 'update',
      purpose: 'review-contact',
      recordType: 'customer-record',
      recordId: id,
      dataSubjectId: subject,
      fields: ['merged_into_id'],
      reason: `${what}: ${body.reason}`,
    });
    await recordAudit(tx, [
      entry(head.id, head.data_subject_id, `merge into ${head.merged_into_id} undone`),
      ...(survivorHead ? [entry(survivorHead.id, survivorHead.data_subject_id, `merge of ${head.id} undone`)] : []),
      ...entries,
    ]);
    return view;
  });
}
