import type { Db } from '../../db/client.ts';
import { recordAudit, type AuditEntry } from './record-audit.ts';

type Waiting = { entries: readonly AuditEntry[]; resolve: () => void; reject: (error: unknown) => void };

/** At most this many entries in one transaction, so that one batch never holds the chain for long. */
const maxEntriesPerBatch = 500;

/**
 * Records staff's reads in the audit trail, many reads to one transaction (group commit, as the
 * message appender does for messages). Each organisation's trail is one hash chain, written under
 * a lock: a transaction per read made every read wait its turn for that lock while holding a pool
 * connection, so when fifty advisers reconnected at once and each caught up twenty chats, a
 * thousand reads queued for the chain and the chat's messages queued behind them for minutes.
 *
 * `record` resolves once the entries are committed, and callers show nothing read before that: no
 * read is seen without its entry in the trail. If a batch fails, each read in it is written alone,
 * so only a read whose own entry cannot be written fails.
 */
export class ReadAuditBatcher {
  readonly #db: Db;
  #queue: Waiting[] = [];
  #writing = false;

  constructor(db: Db) {
    this.#db = db;
  }

  record(entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
    if (list.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#queue.push({ entries: list, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#queue.length > 0) {
      const batch = takeBatch(this.#queue);
      try {
        await this.#write(batch.flatMap((w) => w.entries));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // One read's entries may be what failed: each read is tried alone, so only that one fails.
        else for (const waiting of batch) await this.#write(waiting.entries).then(waiting.resolve, waiting.reject);
      }
    }
    this.#writing = false;
  }

  #write(entries: readonly AuditEntry[]): Promise<void> {
    return this.#db.transaction().execute((tx) => recordAudit(tx, entries));
  }
}

/** Takes from the front of the queue up to the batch limit (always at least one read). */
function takeBatch(queue: Waiting[]): Waiting[] {
  let count = 0;
  let entries = 0;
  while (count < queue.length && (count === 0 || entries + queue[count]!.entries.length <= maxEntriesPerBatch)) {
    entries += queue[count]!.entries.length;
    count++;
  }
  return queue.splice(0, count);
}
