import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { subjectKey } from '../crypto/subject-keys.ts';
import { openMessage, sealMessageBody, type MessageRecord } from './conversation-records.ts';
import { planAppends, type AppendRequest, type LockedConversation } from './message-batch.rules.ts';
import { findMessagesByClientIds, insertMessagesAndAdvance, lockConversationsForBatch } from './message-batch.repository.ts';

export type AppendInput = AppendRequest & { senderName: string | null; body: string };
type Pending = { input: AppendInput; resolve: (result: { row: MessageRecord; created: boolean }) => void; reject: (error: unknown) => void };

const maxBatch = 500;
class RetriesInBatch extends Error {}
/** Batches in flight at once: one can wait on its commit's disk flush while the next is written. */
const maxWriters = 2;

/**
 * Group commit: messages that arrive while a transaction is running are written together in
 * the next one. Each sender still hears back only after the commit that stored its message,
 * but one commit (and its disk flush) serves many messages. With no other traffic a message is
 * written at once, alone.
 */
export class MessageAppender {
  readonly #db: Db;
  readonly #keyring: Keyring;
  #queue: Pending[] = [];
  #writers = 0;

  constructor(db: Db, keyring: Keyring) {
    this.#db = db;
    this.#keyring = keyring;
  }

  append(input: AppendInput): Promise<{ row: MessageRecord; created: boolean }> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (this.#writers < maxWriters) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writers++;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, maxBatch);
        try {
          await this.#write(batch);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.#writers--;
    }
  }

  /**
   * Retries are rare, so the first attempt does not look for stored client ids: it inserts
   * with ON CONFLICT DO NOTHING, and if any row was already there (a retry) it rolls back and
   * writes the batch again, this time reading the stored ones first. Every writer holds the
   * conversation's row lock, so the conflict check is exact.
   */
  async #write(batch: Pending[]): Promise<void> {
    try {
      await this.#writeOnce(batch, false);
    } catch (error) {
      if (!(error instanceof RetriesInBatch)) throw error;
      await this.#writeOnce(batch, true);
    }
  }

  async #writeOnce(batch: Pending[], lookForRetries: boolean): Promise<void> {
    const inputs = batch.map((p) => p.input);
    const { outcomes, rows } = await this.#db.transaction().execute(async (tx) => {
      const locked = await lockConversationsForBatch(tx, [...new Set(inputs.map((i) => i.conversationId))]);
      const conversations = new Map<string, LockedConversation>(
        locked.map((c) => [c.id, { organisationId: c.organisation_id, status: c.status, assignedStaffId: c.assigned_staff_id, lastSeq: c.last_seq }]),
      );
      const keys = new Map(locked.map((c) => [c.id, subjectKey(this.#keyring, c)]));
      const storedRows = lookForRetries ? await findMessagesByClientIds(tx, inputs) : [];
      const stored = storedRows.map((row) => openMessage(keys.get(row.conversation_id) ?? null, row));
      const plan = planAppends(
        inputs,
        conversations,
        stored.map((m) => ({ conversationId: m.conversation_id, clientMessageId: m.client_message_id, seq: m.seq, sender: m.sender, senderStaffId: m.sender_staff_id })),
      );
      const planned = inputs.flatMap((input, index) => {
        const outcome = plan.outcomes[index];
        const key = keys.get(input.conversationId);
        if (outcome?.kind === 'insert' && !key) throw new AppError('conversation_ended', 'This chat has ended');
        return outcome?.kind === 'insert' && key
          ? [{ plain: input.body, row: {
              organisation_id: input.organisationId,
              conversation_id: input.conversationId,
              seq: outcome.seq,
              client_message_id: input.clientMessageId,
              sender: input.sender,
              sender_staff_id: input.senderStaffId,
              sender_name: input.senderName,
              body: sealMessageBody(key, input.conversationId, outcome.seq, input.body),
            } }]
          : [];
      });
      const toInsert = planned.map((p) => p.row);
      const plainBodies = new Map(planned.map((p) => [`${p.row.conversation_id}/${p.row.seq}`, p.plain]));
      const inserted = toInsert.length > 0 ? await insertMessagesAndAdvance(tx, toInsert, plan.lastSeqs) : [];
      if (inserted.length < toInsert.length) throw new RetriesInBatch();
      const insertedRecords = inserted.map((row) => ({ ...row, body: plainBodies.get(`${row.conversation_id}/${row.seq}`) ?? '' }));
      return { outcomes: plan.outcomes, rows: [...stored, ...insertedRecords] };
    });
    const bySeq = new Map(rows.map((row) => [`${row.conversation_id}/${row.seq}`, row]));
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (!outcome) return pending.reject(new Error('no outcome for a batched message'));
      if (outcome.kind === 'refused') return pending.reject(new AppError(outcome.error.code, outcome.error.message));
      const row = bySeq.get(`${pending.input.conversationId}/${outcome.seq}`);
      if (!row) return pending.reject(new Error('a batched message was not stored'));
      pending.resolve({ row, created: outcome.kind === 'insert' });
    });
  }

}
