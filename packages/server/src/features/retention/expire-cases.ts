import { recordAudit } from '../audit/record-audit.ts';
import { clearDueCases, countDueCases, type ChannelScope } from './channels.repository.ts';
import { inBatches, retentionEntry, type ChannelOutcome, type ChannelStep } from './retention-batches.ts';
import { expiredBefore, expiresAt, ruleFor } from './retention.rules.ts';

/** What clearing a case removes, as the audit trail names it (read-case.ts reads the same). */
export const caseRetentionFields = ['summary', 'case_entries.body'] as const;
/** And, for a case with disclosures to third parties (ADR 30), their sealed contact and texts. */
const disclosureRetentionFields = ['disclosures.recipient_contact', 'disclosures.what_shared', 'disclosures.why'];

/**
 * Cases (ADR 11, 14) are `contact-summaries` data: their summary, the bodies of their notes and
 * requests and the sealed texts of their disclosures (ADR 30) go one period (a full calendar month
 * by default) after the contact ended, which for a case is when it was closed. Open cases never
 * expire: staff are still working on them (a chat's case closes when the chat ends). A hold on the
 * case, its chat, its resident, or its record's resident keeps it. One audit entry per case; one
 * destruction-log row, counted in cases.
 */
export async function expireCases(step: ChannelStep): Promise<ChannelOutcome> {
  const { settings, now } = step;
  const rule = ruleFor('contact-summaries', settings);
  const scope: ChannelScope = {
    organisationId: step.organisationId,
    cutoff: expiredBefore(now, settings['contact-summaries']),
    now,
  };
  const outcome: ChannelOutcome = { category: 'contact-summaries', rule, unit: 'cases', count: 0, oldestExpiry: null };
  if (step.dryRun) {
    const due = await countDueCases(step.db, scope);
    return {
      ...outcome,
      count: due.count,
      oldestExpiry: due.oldest ? expiresAt(due.oldest, settings['contact-summaries']) : null,
    };
  }
  const reason = `${rule} (run ${step.jobId})`;
  const { cases } = await inBatches(step, { cases: 0 }, async (tx) => {
    const cleared = await clearDueCases(tx, scope, step.batchSize);
    await recordAudit(
      tx,
      cleared.cases.map((row) =>
        retentionEntry(
          step,
          {
            recordType: 'case',
            id: row.id,
            dataSubjectId: row.data_subject_id,
            caseReference: row.case_reference,
            fields: cleared.disclosed.has(row.id)
              ? [...caseRetentionFields, ...disclosureRetentionFields]
              : caseRetentionFields,
          },
          reason,
        ),
      ),
    );
    return { taken: cleared.cases.length, counts: { cases: cleared.cases.length } };
  });
  return { ...outcome, count: cases };
}
