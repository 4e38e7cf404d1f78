import { deleteExpiredEmails } from '../emails/delete-expired-emails.ts';
import { countDueEmails, type ChannelScope } from './channels.repository.ts';
import type { ChannelOutcome, ChannelStep } from './retention-batches.ts';
import { expiredBefore, expiresAt, ruleFor } from './retention.rules.ts';

/**
 * Emails on cases (ADR 17) are the `emails` category, counted from when each was received (or
 * written by staff): features/emails/delete-expired-emails.ts nulls their sealed columns and their
 * attachments', respects holds and audits each email. Two destruction-log rows under `emails`:
 * the emails, and their attachments.
 */
export async function expireEmails(step: ChannelStep): Promise<ChannelOutcome[]> {
  const { settings, now } = step;
  const rule = ruleFor('emails', settings);
  const scope: ChannelScope = { organisationId: step.organisationId, cutoff: expiredBefore(now, settings.emails), now };
  const emails: ChannelOutcome = { category: 'emails', rule, unit: 'emails', count: 0, oldestExpiry: null };
  const attachments: ChannelOutcome = { category: 'emails', rule, unit: 'attachments', count: 0, oldestExpiry: null };
  if (step.dryRun) {
    const due = await countDueEmails(step.db, scope);
    const oldestExpiry = due.oldest ? expiresAt(due.oldest, settings.emails) : null;
    return [
      { ...emails, count: due.count, oldestExpiry },
      { ...attachments, count: due.attachments, oldestExpiry: due.attachments > 0 ? oldestExpiry : null },
    ];
  }
  const deleted = await deleteExpiredEmails(step.db, {
    ...scope,
    reason: `${rule} (run ${step.jobId})`,
    batchSize: step.batchSize,
    pauseBetweenBatchesMs: step.pauseBetweenBatchesMs,
  });
  return [
    { ...emails, count: deleted.emails },
    { ...attachments, count: deleted.attachments },
  ];
}
