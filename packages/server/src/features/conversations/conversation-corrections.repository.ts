import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { openField, sealField } from '../crypto/subject-keys.ts';

/**
 * Keeps what a correction of a chat's details replaced (ADR 29), sealed under the chat's subject
 * key with the typed reason; retention deletes these rows with the chat's personal data.
 */
export async function insertConversationCorrection(
  db: DbOrTx,
  key: Buffer,
  correction: {
    organisationId: string;
    conversationId: string;
    dataSubjectId: string;
    correctedBy: string;
    fields: readonly string[];
    previousName: string | null;
    previousEmail: string | null;
    reason: string;
  },
): Promise<void> {
  const id = randomUUID();
  const seal = (field: string, value: string | null) => sealField(key, 'conversation_corrections', field, id, value);
  await db
    .insertInto('conversation_corrections')
    .values({
      id,
      organisation_id: correction.organisationId,
      conversation_id: correction.conversationId,
      data_subject_id: correction.dataSubjectId,
      corrected_by: correction.correctedBy,
      fields: [...correction.fields],
      previous_name: seal('previous_name', correction.previousName),
      previous_email: seal('previous_email', correction.previousEmail),
      reason: sealField(key, 'conversation_corrections', 'reason', id, correction.reason),
    })
    .execute();
}

export type ConversationCorrection = {
  at: Date;
  byName: string | null;
  fields: string[];
  previousName: string | null;
  previousEmail: string | null;
  reason: string;
};

/** A chat's corrections, newest first, opened with its key (`[erased]` once the key is gone). */
export async function listConversationCorrections(
  db: DbOrTx,
  key: Buffer | null,
  conversationId: string,
): Promise<ConversationCorrection[]> {
  const rows = await db
    .selectFrom('conversation_corrections as c')
    .leftJoin('staff as s', 's.id', 'c.corrected_by')
    .select(['c.id', 'c.corrected_at', 'c.fields', 'c.previous_name', 'c.previous_email', 'c.reason'])
    .select(['s.first_name', 's.last_name'])
    .where('c.conversation_id', '=', conversationId)
    .orderBy('c.corrected_at', 'desc')
    .execute();
  const open = (field: string, id: string, value: Buffer | null) =>
    openField(key, 'conversation_corrections', field, id, value);
  return rows.map((row) => ({
    at: row.corrected_at,
    byName: row.first_name ? `${row.first_name} ${row.last_name ?? ''}`.trim() : null,
    fields: row.fields,
    previousName: open('previous_name', row.id, row.previous_name),
    previousEmail: open('previous_email', row.id, row.previous_email),
    reason: open('reason', row.id, row.reason) ?? '',
  }));
}
