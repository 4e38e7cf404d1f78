import { sql } from 'kysely';
import { prepared, type DbOrTx } from '../../db/client.ts';
import type { MessageRow } from '../../db/schema.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { subjectKey } from '../crypto/subject-keys.ts';
import { openMessage, sealMessageBody, type MessageRecord } from './conversation-records.repository.ts';

/** Locks the conversations in id order, so concurrent batches can never deadlock; each with its resident's key. */
export async function lockConversationsForBatch(db: DbOrTx, keyring: Keyring, ids: readonly string[]) {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
    .select([
      'c.id',
      'c.organisation_id',
      'c.status',
      'c.assigned_staff_id',
      'c.last_seq',
      'c.data_subject_id',
      'ds.kek_id',
      'ds.wrapped_key',
    ])
    .where('c.id', 'in', [...ids])
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
  return rows.map((row) => ({ ...row, key: subjectKey(keyring, row) }));
}

/** Messages already stored under these client ids (retries), opened with their conversation's key. */
export async function findMessagesByClientIds(
  db: DbOrTx,
  keys: ReadonlyMap<string, Buffer | null>,
  pairs: ReadonlyArray<{ conversationId: string; clientMessageId: string }>,
): Promise<MessageRecord[]> {
  const result = await sql<MessageRow>`
    SELECT m.* FROM messages m
    JOIN unnest(${pairs.map((p) => p.conversationId)}::uuid[], ${pairs.map((p) => p.clientMessageId)}::uuid[]) AS wanted(conversation_id, client_message_id)
      ON m.conversation_id = wanted.conversation_id AND m.client_message_id = wanted.client_message_id`.execute(db);
  return result.rows.map((row) => openMessage(keys.get(row.conversation_id) ?? null, row));
}

export type NewBatchMessage = Omit<MessageRow, 'created_at' | 'consent_evidence'>;
/** A send as a row to insert, its body sealed under the resident's key for its place (conversation and seq). */
export function sealedMessageRow(message: Omit<NewBatchMessage, 'body'>, body: string, key: Buffer): NewBatchMessage {
  return { ...message, body: sealMessageBody(key, message.conversation_id, message.seq, body) };
}

/** What the database adds to an inserted message: the caller holds the rest (and the plain body). */
export type InsertedMessage = Pick<MessageRow, 'conversation_id' | 'seq' | 'created_at' | 'consent_evidence'>;

/** The messages as one row set (`unnest` of one array per column), for an INSERT … SELECT. */
function messageRows(messages: readonly NewBatchMessage[]) {
  const column = <K extends keyof NewBatchMessage>(name: K) => messages.map((m) => m[name]);
  return sql`unnest(
      ${column('organisation_id')}::uuid[], ${column('conversation_id')}::uuid[], ${column('seq')}::int[],
      ${column('client_message_id')}::uuid[], ${column('sender')}::text[], ${column('sender_staff_id')}::uuid[],
      ${column('sender_name')}::text[], ${column('body')}::bytea[])
    AS m(organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)`;
}

/**
 * The contact events of the messages in the CTE `inserted`, in the same statement (ADR 36): one
 * `chat-message` per message from the resident or an agent (a count: no text), and a
 * `chat-first-response` for an agent's first message in the chat, with the milliseconds since
 * the chat was accepted. The department is the chat's case's. The statement's snapshot does not
 * see its own inserts, so "first" is the lowest agent seq of the batch with none stored before it.
 */
const messageEvents = sql`counted AS (
      INSERT INTO contact_events (organisation_id, kind, channel, contact_id, department_id, topic_id, staff_id, value)
      SELECT i.organisation_id, 'chat-message', 'chat', i.conversation_id, k.department_id, c.topic_id, i.sender_staff_id, NULL
      FROM inserted i JOIN conversations c ON c.id = i.conversation_id LEFT JOIN cases k ON k.conversation_id = i.conversation_id
      WHERE i.sender <> 'system'
    ), answered AS (
      INSERT INTO contact_events (organisation_id, kind, channel, contact_id, department_id, topic_id, staff_id, value)
      SELECT DISTINCT ON (i.conversation_id) i.organisation_id, 'chat-first-response', 'chat', i.conversation_id,
        k.department_id, c.topic_id, i.sender_staff_id,
        GREATEST(0, round(extract(epoch FROM i.created_at - coalesce(c.accepted_at, c.created_at)) * 1000))::bigint
      FROM inserted i JOIN conversations c ON c.id = i.conversation_id LEFT JOIN cases k ON k.conversation_id = i.conversation_id
      WHERE i.sender = 'agent'
        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = i.conversation_id AND m.sender = 'agent')
      ORDER BY i.conversation_id, i.seq
    )`;

/**
 * Inserts the batch's messages and moves each conversation's last_seq on, in one statement.
 * A client id already stored is skipped (it is missing from the result): the caller rolls back.
 */
export async function insertMessagesAndAdvance(
  db: DbOrTx,
  messages: readonly NewBatchMessage[],
  lastSeqs: ReadonlyMap<string, number>,
): Promise<InsertedMessage[]> {
  const result = await sql<InsertedMessage>`
    WITH advanced AS (
      UPDATE conversations c SET last_seq = v.last_seq
      FROM unnest(${[...lastSeqs.keys()]}::uuid[], ${[...lastSeqs.values()]}::int[]) AS v(id, last_seq)
      WHERE c.id = v.id
    ), inserted AS (
      INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)
      SELECT * FROM ${messageRows(messages)}
      ON CONFLICT (conversation_id, client_message_id) DO NOTHING
      RETURNING organisation_id, conversation_id, seq, sender, sender_staff_id, created_at, consent_evidence
    ), ${messageEvents}
    SELECT conversation_id, seq, created_at, consent_evidence FROM inserted`.execute(db);
  return result.rows;
}

/** A conversation's row as the writer expects to find it, and the last_seq it moves it to. */
export type ExpectedConversation = {
  id: string;
  organisationId: string;
  status: string;
  assignedStaffId: string | null;
  fromSeq: number;
  toSeq: number;
};

/**
 * The whole write of a batch planned without reading the rows first, as one statement (so one
 * round trip, in its own implicit transaction): lock, in id order, the conversations whose row
 * is still as expected and whose resident's key still exists; move their last_seq on; insert
 * their messages. A conversation found changed is left untouched and its messages are missing
 * from the result. A client id already stored fails the whole statement (unique violation,
 * nothing written): the caller then takes the locked path, which looks for retries.
 */
export async function insertMessagesIfUnchanged(
  db: DbOrTx,
  messages: readonly NewBatchMessage[],
  expected: readonly ExpectedConversation[],
): Promise<InsertedMessage[]> {
  const column = <K extends keyof ExpectedConversation>(name: K) => expected.map((e) => e[name]);
  const result = await sql<InsertedMessage>`${prepared('append-if-unchanged')}
    WITH expected AS (
      SELECT * FROM unnest(${column('id')}::uuid[], ${column('organisationId')}::uuid[], ${column('status')}::text[],
        ${column('assignedStaffId')}::uuid[], ${column('fromSeq')}::int[], ${column('toSeq')}::int[])
        AS e(id, organisation_id, status, assigned_staff_id, from_seq, to_seq)
    ), locked AS MATERIALIZED (
      SELECT c.id, e.to_seq FROM conversations c JOIN expected e ON e.id = c.id
      WHERE c.organisation_id = e.organisation_id AND c.status = e.status
        AND c.assigned_staff_id IS NOT DISTINCT FROM e.assigned_staff_id AND c.last_seq = e.from_seq
        AND EXISTS (SELECT 1 FROM data_subjects ds WHERE ds.id = c.data_subject_id AND ds.wrapped_key IS NOT NULL)
      ORDER BY c.id
      FOR UPDATE OF c
    ), advanced AS (
      UPDATE conversations c SET last_seq = l.to_seq FROM locked l WHERE c.id = l.id RETURNING c.id
    ), inserted AS (
      INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)
      SELECT m.* FROM ${messageRows(messages)}
      WHERE m.conversation_id IN (SELECT id FROM advanced)
      RETURNING organisation_id, conversation_id, seq, sender, sender_staff_id, created_at, consent_evidence
    ), ${messageEvents}
    SELECT conversation_id, seq, created_at, consent_evidence FROM inserted`.execute(db);
  return result.rows;
}
