import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { insertRecordDetail } from './record-details.repository.ts';
import { insertCustomerRecord } from './records.repository.ts';
import { normaliseRecordDetail, type RecordDetailValue } from './record-details.rules.ts';

export type CreatedRecord = { recordId: string; dataSubjectId: string; dataKey: Buffer };

/**
 * Creates a customer record with its own data subject and the given values, in the caller's
 * transaction. Values that are not plausible (an email without @, a postcode that is not one)
 * are left out rather than stored unnormalised; callers validate what people typed first.
 */
export async function createRecord(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'indexKey' | 'organisation'>,
  input: { createdBy: string; details: readonly RecordDetailValue[] },
): Promise<CreatedRecord> {
  const { recordId, subject } = await insertCustomerRecord(tx, ctx.keyring, ctx.organisation.id, input.createdBy);
  for (const value of input.details) {
    const normalised = normaliseRecordDetail(value);
    if (!normalised) continue;
    await insertRecordDetail(tx, ctx.indexKey, subject.key, {
      organisationId: ctx.organisation.id,
      recordId,
      dataSubjectId: subject.id,
      value: normalised,
      createdBy: input.createdBy,
    });
  }
  return { recordId, dataSubjectId: subject.id, dataKey: subject.key };
}
