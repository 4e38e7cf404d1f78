import { sql, type Insertable } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { ConversationRow, ConversationsTable, MessageRow } from '../../db/schema.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { createDataSubject, subjectKey } from '../crypto/subject-keys.ts';
import {
  openConversation,
  openMessage,
  sealConversationFields,
  sealMessageBody,
  splitConversationSecrets,
  type ConversationRecord,
  type ConversationSecrets,
  type MessageRecord,
  type StoredConversation,
} from './conversation-records.repository.ts';

export type { ConversationRecord, MessageRecord };

function selectStored(db: DbOrTx) {
  return (
    db
      .selectFrom('conversations as c')
      .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
      .leftJoin('staff as s', 's.id', 'c.assigned_staff_id')
      // A chat is a case (ADR 14): its department, which the access rules decide by, is its case's.
      .leftJoin('cases as cs', 'cs.conversation_id', 'c.id')
      .selectAll('c')
      .select([
        's.first_name as agent_first_name',
        's.last_name as agent_last_name',
        'cs.department_id as department_id',
        'ds.kek_id',
        'ds.wrapped_key',
      ])
  );
}

/** What a list may show (access.rules.ts `conversationListScope`), applied in SQL so limits count only that. */
export type ConversationListScope = {
  staffId: string;
  departments: readonly string[] | null;
  othersLiveChats: boolean;
};

type NewConversation = Omit<Insertable<ConversationsTable>, keyof ConversationSecrets> &
  Required<Pick<ConversationSecrets, 'visitor_name'>> &
  ConversationSecrets;

/** Inserts a conversation, encrypting its personal data under the subject's key. */
export async function insertConversation(
  db: DbOrTx,
  key: Buffer,
  row: NewConversation & { id: string },
): Promise<void> {
  const { secrets, plain } = splitConversationSecrets(row);
  const sealed = sealConversationFields(key, row.id, secrets);
  await db
    .insertInto('conversations')
    .values({ ...plain, ...sealed, visitor_name: sealed.visitor_name ?? Buffer.alloc(0) })
    .execute();
}

const opened = (keyring: Keyring) => (row: StoredConversation | undefined) =>
  row ? openConversation(keyring, row) : undefined;

export async function findConversation(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  id: string,
): Promise<ConversationRecord | undefined> {
  return opened(keyring)(
    await selectStored(db).where('c.organisation_id', '=', organisationId).where('c.id', '=', id).executeTakeFirst(),
  );
}

export async function findConversationByReference(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  caseReference: string,
) {
  return opened(keyring)(
    await selectStored(db)
      .where('c.organisation_id', '=', organisationId)
      .where('c.case_reference', '=', caseReference)
      .executeTakeFirst(),
  );
}

/** What a visitor token's check needs, and nothing personal: no joins and nothing to decrypt. */
export async function findVisitorTokenHolder(db: DbOrTx, tokenHash: Buffer) {
  return db
    .selectFrom('conversations')
    .select(['id', 'organisation_id', 'status', 'ended_at', 'topic_id'])
    .where('visitor_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Who handles a chat, for deciding whether a socket joins its room (nothing personal, not audited). */
export async function findConversationAssignee(db: DbOrTx, organisationId: string, id: string) {
  const row = await db
    .selectFrom('conversations')
    .select('assigned_staff_id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.assigned_staff_id ?? null;
}

/** Locks the conversation row: every write to one conversation is serialised through it. */
export async function lockConversation(
  db: DbOrTx,
  keyring: Keyring,
  id: string,
): Promise<ConversationRecord | undefined> {
  return opened(keyring)(await selectStored(db).where('c.id', '=', id).forUpdate('c').executeTakeFirst());
}

/** Updates a conversation; personal-data fields are encrypted with `key` (required for them). */
export async function updateConversation(
  db: DbOrTx,
  conversation: { id: string; data_key: Buffer | null },
  changes: Partial<
    Omit<Insertable<ConversationsTable>, 'id' | 'organisation_id' | 'created_at' | keyof ConversationSecrets>
  > &
    ConversationSecrets,
): Promise<void> {
  const { secrets, plain } = splitConversationSecrets(changes);
  const hasSecrets = Object.values(secrets).some((v) => v !== undefined);
  if (hasSecrets && !conversation.data_key) throw new Error('this resident’s data has been erased');
  const sealed =
    hasSecrets && conversation.data_key ? sealConversationFields(conversation.data_key, conversation.id, secrets) : {};
  await db
    .updateTable('conversations')
    .set({ ...plain, ...sealed })
    .where('id', '=', conversation.id)
    .execute();
}

export async function listConversations(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  filter: {
    status?: ConversationRow['status'];
    assignedStaffId?: string;
    limit: number;
    oldestFirst?: boolean;
    awaitingSummary?: boolean;
    visibleTo?: ConversationListScope;
  },
): Promise<ConversationRecord[]> {
  let query = selectStored(db).where('c.organisation_id', '=', organisationId);
  const scope = filter.visibleTo;
  if (scope && (scope.departments || !scope.othersLiveChats)) {
    const { departments, othersLiveChats, staffId } = scope;
    query = query.where((eb) => {
      const inScope = [];
      if (departments) inScope.push(eb('cs.department_id', 'in', departments.length > 0 ? [...departments] : ['']));
      if (!othersLiveChats) inScope.push(eb('c.status', '!=', 'active'));
      return eb.or([eb('c.assigned_staff_id', '=', staffId), eb.and(inScope)]);
    });
  }
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.awaitingSummary) query = query.where('c.summary', 'is', null);
  if (filter.assignedStaffId) query = query.where('c.assigned_staff_id', '=', filter.assignedStaffId);
  const rows = await query
    .orderBy('c.created_at', filter.oldestFirst ? 'asc' : 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => openConversation(keyring, row));
}

/**
 * The waiting queue as staff see it, of some departments or all (null): no personal data, so
 * nothing is read that would need opening.
 */
export async function listWaiting(
  db: DbOrTx,
  organisationId: string,
  departments: readonly string[] | null,
  limit: number,
): Promise<
  Array<
    Pick<ConversationRow, 'id' | 'case_reference' | 'topic_label' | 'language' | 'created_at'> & {
      department_id: string;
    }
  >
> {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('cases as cs', 'cs.conversation_id', 'c.id')
    .select(['c.id', 'c.case_reference', 'c.topic_label', 'c.language', 'c.created_at', 'cs.department_id'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.status', '=', 'waiting');
  if (departments) query = query.where('cs.department_id', 'in', departments.length > 0 ? [...departments] : ['']);
  return query.orderBy('c.created_at', 'asc').limit(limit).execute();
}

/** The organisation's conversations with these ids, newest first. */
export async function listConversationsByIds(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  ids: readonly string[],
): Promise<ConversationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectStored(db)
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', 'in', ids)
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((row) => openConversation(keyring, row));
}

/**
 * Appends a message with the next sequence number. Call with the conversation row locked, so
 * the increment and the insert are one gap-free step.
 */
export async function appendMessage(
  db: DbOrTx,
  conversation: { id: string; organisation_id: string; last_seq: number; data_key: Buffer | null },
  message: Pick<MessageRecord, 'client_message_id' | 'sender' | 'sender_staff_id' | 'sender_name' | 'body'>,
): Promise<MessageRecord> {
  if (!conversation.data_key) throw new Error('this resident’s data has been erased');
  const seq = conversation.last_seq + 1;
  const body = sealMessageBody(conversation.data_key, conversation.id, seq, message.body);
  const result = await sql<MessageRow>`
    WITH next AS (
      UPDATE conversations SET last_seq = ${seq} WHERE id = ${conversation.id} AND last_seq = ${conversation.last_seq} RETURNING last_seq
    )
    INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, sender_staff_id, sender_name, body)
    SELECT ${conversation.organisation_id}, ${conversation.id}, next.last_seq, ${message.client_message_id},
           ${message.sender}, ${message.sender_staff_id}, ${message.sender_name}, ${body}
    FROM next
    RETURNING *`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the conversation changed while appending a message (was it locked?)');
  return { ...row, body: message.body };
}

export async function listMessagesAfter(
  db: DbOrTx,
  conversation: { id: string; data_key: Buffer | null },
  afterSeq: number,
): Promise<MessageRecord[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversation.id)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
  return rows.map((row) => openMessage(conversation.data_key, row));
}

export async function markMessageAsConsent(
  db: DbOrTx,
  conversation: { id: string; data_key: Buffer | null },
  seq: number,
): Promise<MessageRecord | undefined> {
  const row = await db
    .updateTable('messages')
    .set({ consent_evidence: true })
    .where('conversation_id', '=', conversation.id)
    .where('seq', '=', seq)
    .where('sender', '=', 'visitor')
    .returningAll()
    .executeTakeFirst();
  return row ? openMessage(conversation.data_key, row) : undefined;
}

/** How many chats wait and how many are being handled now (for /metrics; no personal data). */
export async function countLiveConversations(
  db: DbOrTx,
  organisationId: string,
): Promise<{ waiting: number; active: number }> {
  const rows = await db
    .selectFrom('conversations')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['waiting', 'active'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return { waiting: count('waiting'), active: count('active') };
}

/** A new data subject for a chat's resident: a fresh data key, wrapped by the current KEK. */
export async function createConversationSubject(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
): Promise<{ id: string; key: Buffer }> {
  return createDataSubject(db, keyring, organisationId);
}

/**
 * Seals the browser and operating system that versions before migration 0021 stored in plain text
 * (ADR 29), for up to `limit` chats, and clears the plaintext: in the caller's transaction. A chat
 * whose personal data was deleted or whose key was destroyed keeps nothing of them. Returns how
 * many chats it changed (0 when none is left).
 */
export async function sealPlaintextAutomaticInformation(db: DbOrTx, keyring: Keyring, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
    .select([
      'c.id',
      'c.data_subject_id',
      'c.personal_data_deleted_at',
      'c.plaintext_browser',
      'c.plaintext_operating_system',
      'ds.kek_id',
      'ds.wrapped_key',
    ])
    .where((eb) =>
      eb.or([eb('c.plaintext_browser', 'is not', null), eb('c.plaintext_operating_system', 'is not', null)]),
    )
    .limit(limit)
    .forUpdate('c')
    .skipLocked()
    .execute();
  for (const row of rows) {
    const key = row.personal_data_deleted_at ? null : subjectKey(keyring, row);
    const sealed = key
      ? sealConversationFields(key, row.id, {
          browser: row.plaintext_browser,
          operating_system: row.plaintext_operating_system,
        })
      : {};
    await db
      .updateTable('conversations')
      .set({ ...sealed, plaintext_browser: null, plaintext_operating_system: null })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
