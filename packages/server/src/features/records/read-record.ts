import type { CustomerRecordView } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { buildRecordView } from './record-view.ts';
import { openableRecord, viewerOf } from './record-summaries.ts';

/**
 * Opens a customer record (a merged one opens the record it was merged into) with its history
 * and timeline, and audits the read in the same transaction: one entry per record shown, one per
 * case shown in full. A record this member of staff may not open is "not found".
 */
export async function readRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
): Promise<CustomerRecordView> {
  return ctx.db.transaction().execute(async (tx) => {
    const viewer = await viewerOf(tx, staff);
    const current = await openableRecord(tx, ctx, viewer, recordId);
    const { view, entries } = await buildRecordView(tx, ctx, viewer, current, {
      actor: staffActor(staff),
      purpose: 'review-contact',
    });
    await recordAudit(tx, entries);
    return view;
  });
}
