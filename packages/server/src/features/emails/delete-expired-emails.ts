import { setTimeout } from 'node:timers/promises';
import type { Db } from '../../db/client.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { emailFields } from './emails.repository.ts';
import { clearExpiredEmails } from './expired-emails.repository.ts';

export type ExpiredEmailsScope = {
  organisationId: string;
  /** Emails whose contact (received, or written by staff) is before this instant are deleted. */
  cutoff: Date;
  /** For holds: one active at this instant keeps what it covers. */
  now: Date;
  /** The rule applied, for the audit trail (e.g. "emails: 1 month (run …)"). */
  reason: string;
  batchSize?: number;
  pauseBetweenBatchesMs?: number;
};

/**
 * Deletes the personal data of expired emails and their attachments (ADR 11, category `emails`):
 * the sealed columns become NULL and `personal_data_deleted_at` is set; the row (case, direction,
 * times, detected types and sizes) stays for the case's history. An email is kept while an
 * active legal hold covers its data subject or its case's (directly, or through one of their
 * conversations), or its case itself (migration 0010). Batches are short transactions that skip
 * rows locked by live traffic, each with one audit entry per email; stoppable and re-runnable.
 * The Message-ID's keyed digest is kept so a late retry of an old email is still recognised
 * rather than stored again.
 */
export async function deleteExpiredEmails(
  db: Db,
  scope: ExpiredEmailsScope,
): Promise<{ emails: number; attachments: number }> {
  const batchSize = scope.batchSize ?? 500;
  const totals = { emails: 0, attachments: 0 };
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const deleted = await clearExpiredEmails(tx, scope, batchSize);
      if (deleted.rows.length === 0) return { emails: 0, attachments: 0 };
      await recordAudit(
        tx,
        deleted.rows.map((row) => ({
          organisationId: scope.organisationId,
          actor: systemActor,
          action: 'delete' as const,
          purpose: 'retention' as const,
          reason: scope.reason,
          recordType: 'email',
          recordId: row.id,
          dataSubjectId: row.data_subject_id,
          caseReference: row.case_reference,
          fields: [...emailFields, 'email_attachments.filename', 'email_attachments.content'],
        })),
      );
      return { emails: deleted.rows.length, attachments: deleted.attachments };
    });
    totals.emails += done.emails;
    totals.attachments += done.attachments;
    if (done.emails < batchSize) return totals;
    if ((scope.pauseBetweenBatchesMs ?? 15) > 0) await setTimeout(scope.pauseBetweenBatchesMs ?? 15);
  }
}
