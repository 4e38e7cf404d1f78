import type { CreateRecordBody, CustomerRecordView, RecordDetailInput } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { createRecord } from './create-record.ts';
import { checkRecordDetail, type RecordDetailValue } from './record-details.rules.ts';
import { buildRecordView } from './record-view.ts';
import { viewerOf } from './record-summaries.ts';

/** Every value checked and normalised, or a 400 naming the first one that is not valid: nothing is stored. */
export function checkedDetails(inputs: readonly RecordDetailInput[]): RecordDetailValue[] {
  return inputs.map((input, index) => {
    const checked = checkRecordDetail(input);
    if (!checked.ok)
      throw new AppError(
        'bad_request',
        inputs.length > 1 ? `Detail ${index + 1}: ${checked.message}` : checked.message,
      );
    return checked.value;
  });
}

/** A member of staff creates a customer record (ADR 14); audited as a creation. */
export async function createCustomerRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: CreateRecordBody,
): Promise<CustomerRecordView> {
  const details = checkedDetails(body.details);
  return ctx.db.transaction().execute(async (tx) => {
    const created = await createRecord(tx, ctx, { createdBy: staff.id, details });
    const actor = staffActor(staff);
    const { view } = await buildRecordView(tx, ctx, await viewerOf(tx, staff), created.recordId, {
      actor,
      purpose: 'review-contact',
    });
    await recordAudit(tx, {
      organisationId: ctx.organisation.id,
      actor,
      action: 'create',
      purpose: 'review-contact',
      recordType: 'customer-record',
      recordId: created.recordId,
      dataSubjectId: created.dataSubjectId,
      fields: [...new Set(details.map((d) => d.kind))].sort(),
    });
    return view;
  });
}
