import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { MessageRow } from '../../db/schema.ts';

/** Locks the conversations in id order, so concurrent batches can never deadlock. */
export async function lockConversationsForBatch(db: DbOrTx, ids: readonly string[]) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
    .select(['c.id', 'c.organisation_id', 'c.status', 'c.assigned_staff_id', 'c.last_seq', 'c.data_subject_id', 'ds.kek_id', 'ds.wrapped_key'])
    .where('c.id', 'in', [...ids])
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
}

export async function findMessagesByClientIds(db: DbOrTx, pairs: ReadonlyArray<{ conversationId: string; clientMessageId: string }>): Promise<MessageRow[]> {
  const result = await sql<MessageRow>`
    SELECT m.* FROM messages m
    JOIN unnest(${pairs.map((p) => p.conversationId)}::uuid[], ${pairs.map((p) => p.clientMessageId)}::uuid[]) AS wanted(conversation_id, client_message_id)
      ON m.conversation_id = wanted.conversation_id AND m.client_message_id = wanted.client_message_id`.execute(db);
  return result.rows;
}

export type NewBatchMessage = Omit<MessageRow, 'created_at' | 'consent_evidence'>;

/**
 * Inserts the batch's messages and moves each conversation's last_seq on, in one statement.
 * A client id already stored is skipped (it is missing from the result): the caller rolls back.
 */
export async function insertMessagesAndAdvance(db: DbOrTx, messages: readonly NewBatchMessage[], lastSeqs: ReadonlyMap<string, number>): Promise<MessageRow[]> {
  const column = <K extends keyof NewBatchMessage>(name: K) => messages.map((m) => m[name]);
  const result = await sql<MessageRow>`
    WITH advanced AS (
      UPDATE conversations c SET last_seq = v.last_seq
      FROM unnest(${[...lastSeqs.keys()]}::uuid[], ${[...lastSeqs.values()]}::int[]) AS v(id, last_seq)
      WHERE c.id = v.id
    )
    INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)
    SELECT * FROM unnest(
      ${column('organisation_id')}::uuid[], ${column('conversation_id')}::uuid[], ${column('seq')}::int[],
      ${column('client_message_id')}::uuid[], ${column('sender')}::text[], ${column('sender_staff_id')}::uuid[],
      ${column('sender_name')}::text[], ${column('body')}::bytea[])
    ON CONFLICT (conversation_id, client_message_id) DO NOTHING
    RETURNING *`.execute(db);
  return result.rows;
}
