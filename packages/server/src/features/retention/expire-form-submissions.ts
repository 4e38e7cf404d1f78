import type { RetentionCategory } from '@ward/protocol';
import { recordAudit } from '../audit/record-audit.ts';
import {
  clearDueSubmissions,
  countDueSubmissions,
  type ChannelScope,
  type FormSelection,
} from './channels.repository.ts';
import { inBatches, retentionEntry, type ChannelOutcome, type ChannelStep } from './retention-batches.ts';
import { expiredBefore, expiresAt, ruleFor } from './retention.rules.ts';

/** What deleting a submission removes, as the audit trail names it. */
export const submissionRetentionFields = ['answers', 'confirmation_email'] as const;

/**
 * The forms of each retention category: each form definition names its category (ADR 16);
 * submissions of a form no longer defined count as `contact-summaries`, the definitions' default.
 */
export function formsByCategory(
  forms: ChannelStep['forms'],
): Array<{ category: RetentionCategory; selection: FormSelection }> {
  const categories = [...new Set<RetentionCategory>(['contact-summaries', ...forms.map((form) => form.retention)])];
  return categories.map((category) => {
    const ids = forms.filter((form) => form.retention === category).map((form) => form.id);
    return {
      category,
      selection:
        category === 'contact-summaries'
          ? { notFormIds: forms.filter((form) => form.retention !== category).map((form) => form.id) }
          : { formIds: ids },
    };
  });
}

/**
 * Form submissions (ADR 16): the answers and the confirmation address go when the period of the
 * form's retention category has passed after the contact ended (its case closed, as for cases:
 * the answers are the request staff work on, so an open case keeps them). A hold on the case, its
 * resident, its record's resident, or the subject the answers are sealed under keeps them. One
 * audit entry per submission; one destruction-log row per category, counted in form submissions.
 */
export async function expireFormSubmissions(step: ChannelStep): Promise<ChannelOutcome[]> {
  const outcomes: ChannelOutcome[] = [];
  for (const { category, selection } of formsByCategory(step.forms)) {
    const period = step.settings[category];
    const rule = ruleFor(category, step.settings);
    const scope: ChannelScope = {
      organisationId: step.organisationId,
      cutoff: expiredBefore(step.now, period),
      now: step.now,
    };
    const outcome: ChannelOutcome = { category, rule, unit: 'form submissions', count: 0, oldestExpiry: null };
    if (step.dryRun) {
      const due = await countDueSubmissions(step.db, scope, selection);
      outcomes.push({ ...outcome, count: due.count, oldestExpiry: due.oldest ? expiresAt(due.oldest, period) : null });
      continue;
    }
    const reason = `${rule} (run ${step.jobId})`;
    const { submissions } = await inBatches(step, { submissions: 0 }, async (tx) => {
      const cleared = await clearDueSubmissions(tx, scope, selection, step.batchSize);
      await recordAudit(
        tx,
        cleared.map((row) =>
          retentionEntry(
            step,
            {
              recordType: 'form_submission',
              id: row.id,
              dataSubjectId: row.data_subject_id,
              caseReference: row.case_reference,
              fields: submissionRetentionFields,
            },
            reason,
          ),
        ),
      );
      return { taken: cleared.length, counts: { submissions: cleared.length } };
    });
    outcomes.push({ ...outcome, count: submissions });
  }
  return outcomes;
}
