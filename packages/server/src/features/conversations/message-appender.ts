import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { MessageRecord } from './conversation-records.repository.ts';
import {
  planAppends,
  planOnRemembered,
  type AppendOutcome,
  type AppendRequest,
  type LockedConversation,
} from './message-batch.rules.ts';
import {
  findMessagesByClientIds,
  insertMessagesAndAdvance,
  insertMessagesIfUnchanged,
  lockConversationsForBatch,
  sealedMessageRow,
  type ExpectedConversation,
  type InsertedMessage,
  type NewBatchMessage,
} from './message-batch.repository.ts';

export type AppendInput = AppendRequest & { senderName: string | null; body: string };
type Pending = {
  input: AppendInput;
  resolve: (result: Appended) => void;
  reject: (error: unknown) => void;
};
/** A conversation as this process last wrote it, with its resident's data key. */
type Remembered = LockedConversation & { key: Buffer };

const maxBatch = 500;
class RetriesInBatch extends Error {}
/** Batches in flight at once: one can wait on its commit's disk flush while the next is written. */
const maxWriters = 2;
/** Conversations remembered at most (the least recently written are forgotten first). */
const maxRemembered = 10_000;
/** PostgreSQL errors after which the batch is written again the locked way. */
const retryLocked = new Set(['23505' /* unique_violation: a retried client id */, '40P01' /* deadlock_detected */]);

const place = (conversationId: string, seq: number) => `${conversationId}/${seq}`;
/** One send, whoever repeats it: the same message from the same sender to the same chat. */
const sendKey = (input: AppendRequest) =>
  `${input.conversationId}/${input.clientMessageId}/${input.sender}/${input.senderStaffId ?? ''}`;
type Appended = { row: MessageRecord; created: boolean };

/**
 * Group commit: messages that arrive while a transaction is running are written together in
 * the next one. Each sender still hears back only after the commit that stored its message,
 * but one commit (and its disk flush) serves many messages. With no other traffic a message is
 * written at once, alone.
 *
 * A batch of conversations this process has written to before costs one round trip: it is
 * planned on the state remembered from that write, and one statement stores it where the rows
 * are still as remembered. The rest (a conversation's first message here, one changed
 * elsewhere, a retry, a refusal) takes the locked path: BEGIN, lock and read the rows, INSERT,
 * COMMIT. Either way the numbers are checked against the locked row, so they stay gap-free.
 */
export class MessageAppender {
  readonly #db: Db;
  readonly #keyring: Keyring;
  #queue: Pending[] = [];
  #writers = 0;
  readonly #remembered = new Map<string, Remembered>();
  /** Sends not yet answered, by sendKey: a repeat joins the first rather than being written again. */
  readonly #unanswered = new Map<string, Promise<Appended>>();
  #joined = 0;

  constructor(db: Db, keyring: Keyring) {
    this.#db = db;
    this.#keyring = keyring;
  }

  /**
   * A client sends again when its acknowledgement is late (the widget after 10 s); when a node is
   * slow, as after taking back a failed node's clients, those repeats would queue behind the first
   * and make it slower still. A repeat of a send not yet answered is answered with the first's result.
   */
  append(input: AppendInput): Promise<Appended> {
    const key = sendKey(input);
    const first = this.#unanswered.get(key);
    if (first) {
      this.#joined++;
      return first.then(({ row }) => ({ row, created: false }));
    }
    const appended = new Promise<Appended>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (this.#writers < maxWriters) void this.#drain();
    });
    this.#unanswered.set(key, appended);
    const forget = () => this.#unanswered.delete(key);
    appended.then(forget, forget);
    return appended;
  }

  /** For the metrics: sends waiting to be written, and repeats answered by a write already under way. */
  stats(): { waiting: number; joined: number } {
    return { waiting: this.#queue.length, joined: this.#joined };
  }

  async #drain(): Promise<void> {
    this.#writers++;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, maxBatch);
        try {
          const left = await this.#writeRemembered(batch);
          if (left.length > 0) await this.#writeLocked(left);
        } catch (error) {
          // Settling twice does nothing: only the sends not yet answered hear of the failure.
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.#writers--;
    }
  }

  /**
   * Writes the messages of remembered conversations in one statement; returns the sends left
   * for the locked path. The planned numbers are remembered before the statement goes, so a
   * batch written meanwhile continues after them; a conversation the statement did not write
   * is forgotten (and the row check keeps any number planned after it from being stored).
   */
  async #writeRemembered(batch: Pending[]): Promise<Pending[]> {
    const inputs = batch.map((p) => p.input);
    const plan = planOnRemembered(inputs, this.#remembered);
    if (plan.writes.length === 0) return batch;
    const expected: ExpectedConversation[] = [];
    for (const [id, { from, to }] of plan.advances) {
      const conversation = this.#remembered.get(id)!;
      expected.push({
        id,
        organisationId: conversation.organisationId,
        status: conversation.status,
        assignedStaffId: conversation.assignedStaffId,
        fromSeq: from,
        toSeq: to,
      });
      this.#remember(id, { ...conversation, lastSeq: to });
    }
    const toInsert = plan.writes.flatMap(({ index, outcome }) => {
      const input = inputs[index]!;
      return outcome.kind === 'insert'
        ? [newMessage(input, outcome.seq, this.#remembered.get(input.conversationId)!.key)]
        : [];
    });
    let inserted: InsertedMessage[];
    try {
      inserted = await insertMessagesIfUnchanged(
        this.#db,
        toInsert.map((m) => m.row),
        expected,
      );
    } catch (error) {
      for (const { id } of expected) this.#remembered.delete(id);
      if (retryLocked.has(String((error as { code?: unknown }).code))) return batch;
      throw error;
    }
    const written = new Set(inserted.map((row) => row.conversation_id));
    for (const { id } of expected) if (!written.has(id)) this.#remembered.delete(id);
    const rows = storedRecords(inserted, toInsert);
    const left = plan.locked.map((index) => batch[index]!);
    for (const { index, outcome } of plan.writes) {
      const pending = batch[index]!;
      if (written.has(pending.input.conversationId)) settle(pending, outcome, rows);
      else left.push(pending);
    }
    return left;
  }

  /**
   * Retries are rare, so the first attempt does not look for stored client ids: it inserts
   * with ON CONFLICT DO NOTHING, and if any row was already there (a retry) it rolls back and
   * writes the batch again, this time reading the stored ones first. Every writer holds the
   * conversation's row lock, so the conflict check is exact.
   */
  async #writeLocked(batch: Pending[]): Promise<void> {
    try {
      await this.#writeOnce(batch, false);
    } catch (error) {
      if (!(error instanceof RetriesInBatch)) throw error;
      await this.#writeOnce(batch, true);
    }
  }

  async #writeOnce(batch: Pending[], lookForRetries: boolean): Promise<void> {
    const inputs = batch.map((p) => p.input);
    const { plan, rows, locked } = await this.#db.transaction().execute(async (tx) => {
      const locked = (
        await lockConversationsForBatch(tx, this.#keyring, [...new Set(inputs.map((i) => i.conversationId))])
      ).map((c) => ({
        id: c.id,
        state: {
          organisationId: c.organisation_id,
          status: c.status,
          assignedStaffId: c.assigned_staff_id,
          lastSeq: c.last_seq,
        },
        key: c.key,
      }));
      const conversations = new Map<string, LockedConversation>(locked.map((c) => [c.id, c.state]));
      const keys = new Map(locked.map((c) => [c.id, c.key]));
      const stored = lookForRetries ? await findMessagesByClientIds(tx, keys, inputs) : [];
      const plan = planAppends(
        inputs,
        conversations,
        stored.map((m) => ({
          conversationId: m.conversation_id,
          clientMessageId: m.client_message_id,
          seq: m.seq,
          sender: m.sender,
          senderStaffId: m.sender_staff_id,
        })),
      );
      const writes = plan.outcomes.flatMap((outcome, index) => (outcome.kind === 'insert' ? [{ index, outcome }] : []));
      const toInsert = writes.map(({ index, outcome }) => {
        const input = inputs[index]!;
        const key = keys.get(input.conversationId);
        if (!key) throw new AppError('conversation_ended', 'This chat has ended');
        return newMessage(input, outcome.seq, key);
      });
      const inserted =
        toInsert.length > 0
          ? await insertMessagesAndAdvance(
              tx,
              toInsert.map((m) => m.row),
              plan.lastSeqs,
            )
          : [];
      if (inserted.length < toInsert.length) throw new RetriesInBatch();
      const rows = storedRecords(inserted, toInsert);
      for (const row of stored) rows.set(place(row.conversation_id, row.seq), row);
      return { plan, rows, locked };
    });
    // Committed: the next batches to these conversations can skip the lock query.
    for (const { id, state, key } of locked) {
      if (key) this.#remember(id, { ...state, lastSeq: plan.lastSeqs.get(id) ?? state.lastSeq, key });
    }
    batch.forEach((pending, index) => {
      const outcome = plan.outcomes[index];
      if (!outcome) return pending.reject(new Error('no outcome for a batched message'));
      if (outcome.kind === 'refused') return pending.reject(new AppError(outcome.error.code, outcome.error.message));
      settle(pending, outcome, rows);
    });
  }

  /** Keeps a conversation's state for its next batch, as the most recently written. */
  #remember(id: string, conversation: Remembered): void {
    this.#remembered.delete(id);
    if (this.#remembered.size >= maxRemembered) this.#remembered.delete(this.#remembered.keys().next().value ?? '');
    this.#remembered.set(id, conversation);
  }
}

/**
 * A send numbered `seq`, as a row to insert (its body sealed under the resident's key, for that place) and in plain
 * text.
 */
function newMessage(input: AppendInput, seq: number, key: Buffer): { row: NewBatchMessage; plain: string } {
  return {
    row: sealedMessageRow(
      {
        organisation_id: input.organisationId,
        conversation_id: input.conversationId,
        seq,
        client_message_id: input.clientMessageId,
        sender: input.sender,
        sender_staff_id: input.senderStaffId,
        sender_name: input.senderName,
      },
      input.body,
      key,
    ),
    plain: input.body,
  };
}

/** The stored messages by place, as sent (with the plain body: no need to decrypt) plus what the database added. */
function storedRecords(
  inserted: readonly InsertedMessage[],
  sent: ReadonlyArray<{ row: NewBatchMessage; plain: string }>,
): Map<string, MessageRecord> {
  const byPlace = new Map(sent.map((s) => [place(s.row.conversation_id, s.row.seq), s]));
  const records = new Map<string, MessageRecord>();
  for (const stored of inserted) {
    const key = place(stored.conversation_id, stored.seq);
    const message = byPlace.get(key);
    if (message) records.set(key, { ...message.row, ...stored, body: message.plain });
  }
  return records;
}

function settle(pending: Pending, outcome: AppendOutcome, rows: ReadonlyMap<string, MessageRecord>): void {
  if (outcome.kind === 'refused') return pending.reject(new AppError(outcome.error.code, outcome.error.message));
  const row = rows.get(place(pending.input.conversationId, outcome.seq));
  if (!row) return pending.reject(new Error('a batched message was not stored'));
  pending.resolve({ row, created: outcome.kind === 'insert' });
}
