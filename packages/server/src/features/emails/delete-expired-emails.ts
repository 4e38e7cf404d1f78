import { setTimeout } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { emailFields } from './emails.repository.ts';

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
      const deleted = await sql<{ id: string; data_subject_id: string; case_reference: string }>`
        WITH held AS (
          SELECT coalesce(h.data_subject_id, c.data_subject_id) AS id, h.case_id
          FROM retention_holds h LEFT JOIN conversations c ON c.id = h.conversation_id
          WHERE h.organisation_id = ${scope.organisationId} AND h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > ${scope.now})
        ), due AS (
          SELECT e.id, k.case_reference FROM emails e JOIN cases k ON k.id = e.case_id
          WHERE e.organisation_id = ${scope.organisationId}
            AND e.personal_data_deleted_at IS NULL
            AND coalesce(e.received_at, e.created_at) < ${scope.cutoff}
            AND NOT EXISTS (SELECT 1 FROM held WHERE held.id = e.data_subject_id OR held.id = k.data_subject_id OR held.case_id = e.case_id)
          ORDER BY coalesce(e.received_at, e.created_at)
          LIMIT ${batchSize}
          FOR UPDATE OF e SKIP LOCKED
        )
        UPDATE emails SET message_id = NULL, from_address = NULL, to_address = NULL, subject = NULL, body = NULL,
          refused_attachments = NULL, personal_data_deleted_at = ${scope.now}
        FROM due WHERE emails.id = due.id
        RETURNING emails.id, emails.data_subject_id, due.case_reference`.execute(tx);
      const ids = deleted.rows.map((r) => r.id);
      if (ids.length === 0) return { emails: 0, attachments: 0 };
      const attachments = await tx
        .updateTable('email_attachments')
        .set({ filename: null, content: null, personal_data_deleted_at: scope.now })
        .where('email_id', 'in', ids)
        .where('personal_data_deleted_at', 'is', null)
        .executeTakeFirst();
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
      return { emails: ids.length, attachments: Number(attachments.numUpdatedRows) };
    });
    totals.emails += done.emails;
    totals.attachments += done.attachments;
    if (done.emails < batchSize) return totals;
    if ((scope.pauseBetweenBatchesMs ?? 15) > 0) await setTimeout(scope.pauseBetweenBatchesMs ?? 15);
  }
}
