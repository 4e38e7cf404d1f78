import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { ConversationRow, MessageRow } from '../../db/schema.ts';

/** Locks the conversations in id order, so concurrent batches can never deadlock. */
export async function lockConversationsForBatch(db: DbOrTx, ids: readonly string[]) {
  return db
    .selectFrom('conversations')
    .select(['id', 'organisation_id', 'status', 'assigned_staff_id', 'last_seq'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute() as Promise<Array<Pick<ConversationRow, 'id' | 'organisation_id' | 'status' | 'assigned_staff_id' | 'last_seq'>>>;
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
      ${column('sender_name')}::text[], ${column('body')}::text[])
    ON CONFLICT (conversation_id, client_message_id) DO NOTHING
    RETURNING *`.execute(db);
  return result.rows;
}
