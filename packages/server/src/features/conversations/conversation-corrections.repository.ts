import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { sealField } from '../crypto/subject-keys.ts';

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
