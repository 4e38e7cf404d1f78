import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';

/**
 * One batch of expired emails (see delete-expired-emails.ts): the sealed columns of up to
 * `batchSize` emails and their attachments become NULL, skipping held ones and rows locked by
 * live traffic. Returns the emails cleared, for the audit trail.
 */
export async function clearExpiredEmails(
  db: DbOrTx,
  scope: { organisationId: string; cutoff: Date; now: Date },
  batchSize: number,
): Promise<{ rows: Array<{ id: string; data_subject_id: string; case_reference: string }>; attachments: number }> {
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
    RETURNING emails.id, emails.data_subject_id, due.case_reference`.execute(db);
  const ids = deleted.rows.map((r) => r.id);
  if (ids.length === 0) return { rows: [], attachments: 0 };
  const attachments = await db
    .updateTable('email_attachments')
    .set({ filename: null, content: null, personal_data_deleted_at: scope.now })
    .where('email_id', 'in', ids)
    .where('personal_data_deleted_at', 'is', null)
    .executeTakeFirst();
  return { rows: deleted.rows, attachments: Number(attachments.numUpdatedRows) };
}

/** Clears the given emails and their attachments as retention does (erasure, ADR 35); one already cleared stays so. */
export async function clearEmails(db: DbOrTx, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('emails')
    .set({
      message_id: null,
      from_address: null,
      to_address: null,
      subject: null,
      body: null,
      refused_attachments: null,
      personal_data_deleted_at: sql<Date>`coalesce(personal_data_deleted_at, ${now})`,
    })
    .where('id', 'in', [...ids])
    .execute();
  await db
    .updateTable('email_attachments')
    .set({
      filename: null,
      content: null,
      personal_data_deleted_at: sql<Date>`coalesce(personal_data_deleted_at, ${now})`,
    })
    .where('email_id', 'in', [...ids])
    .execute();
}
