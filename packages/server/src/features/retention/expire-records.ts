import { recordAudit } from '../audit/record-audit.ts';
import { deleteRecordGroups, listDueRecordGroups, type ChannelScope } from './channels.repository.ts';
import { inBatches, retentionEntry, type ChannelOutcome, type ChannelStep } from './retention-batches.ts';
import { expiredBefore, expiresAt, ruleFor } from './retention.rules.ts';

/** What deleting a record's details removes, as the audit trail names it. */
export const recordRetentionFields = ['record_details.value', 'record_details.change_reason', 'blind_indexes'] as const;

/**
 * Customer records (ADR 11, 14), category `customer-records`: a record's own details (every
 * version, with their blind indexes) go when the period (24 months by default) has passed after
 * its last contact ended (a case closed), or after its creation if that is later or it never had
 * a contact; only once none of its cases is open, nothing of its contacts still holds personal
 * data, and no hold covers it or any of its cases. A record and the records merged into it go
 * together. The record row stays, marked `personal_data_deleted_at`, with its cases; its data
 * subject's key is left for erasure. Runs after the other steps, so a record whose last contact
 * expires in the same run can go in that run (a dry run counts it from the next). One audit entry
 * per record; one destruction-log row, counted in records.
 */
export async function expireRecords(step: ChannelStep): Promise<ChannelOutcome> {
  const { settings, now } = step;
  const period = settings['customer-records'];
  const rule = ruleFor('customer-records', settings);
  const scope: ChannelScope = { organisationId: step.organisationId, cutoff: expiredBefore(now, period), now };
  const outcome: ChannelOutcome = { category: 'customer-records', rule, unit: 'records', count: 0, oldestExpiry: null };
  if (step.dryRun) {
    const due = await listDueRecordGroups(step.db, scope, null);
    const oldest = due[0]?.contact_at;
    return { ...outcome, count: due.length, oldestExpiry: oldest ? expiresAt(oldest, period) : null };
  }
  const reason = `${rule} (run ${step.jobId})`;
  const { records } = await inBatches(step, { records: 0 }, async (tx) => {
    const heads = await listDueRecordGroups(tx, scope, step.batchSize);
    const deleted = await deleteRecordGroups(
      tx,
      heads.map((group) => group.head),
      now,
    );
    await recordAudit(
      tx,
      deleted.map((row) =>
        retentionEntry(
          step,
          {
            recordType: 'customer-record',
            id: row.id,
            dataSubjectId: row.data_subject_id,
            caseReference: null,
            fields: recordRetentionFields,
          },
          reason,
        ),
      ),
    );
    // Another batch while this one took groups; none when every group it chose was locked by live traffic.
    return { taken: deleted.length === 0 ? 0 : heads.length, counts: { records: deleted.length } };
  });
  return { ...outcome, count: records };
}
