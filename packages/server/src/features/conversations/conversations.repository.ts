import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { ConversationRow, ConversationsTable, MessageRow } from '../../db/schema.ts';
import type { Insertable } from 'kysely';

export type ConversationWithAgent = ConversationRow & { agent_first_name: string | null; agent_last_name: string | null };

function selectWithAgent(db: DbOrTx) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('staff as s', 's.id', 'c.assigned_staff_id')
    .selectAll('c')
    .select(['s.first_name as agent_first_name', 's.last_name as agent_last_name']);
}

export async function insertConversation(db: DbOrTx, row: Insertable<ConversationsTable>): Promise<ConversationRow> {
  return db.insertInto('conversations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findConversation(db: DbOrTx, organisationId: string, id: string): Promise<ConversationWithAgent | undefined> {
  return selectWithAgent(db).where('c.organisation_id', '=', organisationId).where('c.id', '=', id).executeTakeFirst();
}

export async function findConversationByReference(db: DbOrTx, organisationId: string, caseReference: string) {
  return selectWithAgent(db)
    .where('c.organisation_id', '=', organisationId)
    .where('c.case_reference', '=', caseReference)
    .executeTakeFirst();
}

export async function findConversationByVisitorToken(db: DbOrTx, tokenHash: Buffer) {
  return selectWithAgent(db).where('c.visitor_token_hash', '=', tokenHash).executeTakeFirst();
}

/** Locks the conversation row: every write to one conversation is serialised through it. */
export async function lockConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateConversation(
  db: DbOrTx,
  id: string,
  changes: Partial<Omit<Insertable<ConversationsTable>, 'id' | 'organisation_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

export async function listConversations(
  db: DbOrTx,
  organisationId: string,
  filter: { status?: ConversationRow['status']; assignedStaffId?: string; limit: number; oldestFirst?: boolean; awaitingSummary?: boolean },
): Promise<ConversationWithAgent[]> {
  let query = selectWithAgent(db).where('c.organisation_id', '=', organisationId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.awaitingSummary) query = query.where('c.summary', 'is', null);
  if (filter.assignedStaffId) query = query.where('c.assigned_staff_id', '=', filter.assignedStaffId);
  return query.orderBy('c.created_at', filter.oldestFirst ? 'asc' : 'desc').limit(filter.limit).execute();
}

/**
 * Appends a message with the next sequence number. Call with the conversation row locked, so
 * the increment and the insert are one gap-free step.
 */
export async function appendMessage(
  db: DbOrTx,
  message: Omit<MessageRow, 'seq' | 'created_at' | 'consent_evidence'>,
): Promise<MessageRow> {
  const result = await sql<MessageRow>`
    WITH next AS (
      UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ${message.conversation_id} RETURNING last_seq
    )
    INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)
    SELECT ${message.organisation_id}, ${message.conversation_id}, next.last_seq, ${message.client_message_id},
           ${message.sender}, ${message.sender_staff_id}, ${message.sender_name}, ${message.body}
    FROM next
    RETURNING *`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('conversation vanished while appending a message');
  return row;
}

export async function listMessagesAfter(db: DbOrTx, conversationId: string, afterSeq: number): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
}

export async function markMessageAsConsent(db: DbOrTx, conversationId: string, seq: number): Promise<MessageRow | undefined> {
  return db
    .updateTable('messages')
    .set({ consent_evidence: true })
    .where('conversation_id', '=', conversationId)
    .where('seq', '=', seq)
    .where('sender', '=', 'visitor')
    .returningAll()
    .executeTakeFirst();
}
