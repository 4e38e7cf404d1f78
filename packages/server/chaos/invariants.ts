import type pg from 'pg';
import type { ChatClient } from './chat-clients.ts';

/** What every chaos run must end with, read from the database itself. */
export type Outcome = {
  acknowledged: number;
  /** Acknowledged messages that are not in the database. */
  lost: number;
  /** Client ids stored more than once. */
  duplicated: number;
  /** A sender's messages stored in another order than they were sent. */
  outOfOrder: number;
  /** Conversations whose sequence numbers are not 1…n without a gap. */
  gaps: number;
  /** Clients that do not hold exactly what the database holds for their chat. */
  diverged: number;
};

export async function checkInvariants(db: pg.Pool, clients: ChatClient[]): Promise<Outcome> {
  const ids = [...new Set(clients.map((c) => c.conversationId))];
  const { rows } = await db.query<{ conversation_id: string; seq: number; client_message_id: string }>(
    'SELECT conversation_id, seq, client_message_id FROM messages WHERE conversation_id = ANY($1) ORDER BY conversation_id, seq',
    [ids],
  );
  const stored = new Map<string, Map<string, number[]>>();
  const seqs = new Map<string, number[]>();
  for (const row of rows) {
    const byClientId = stored.get(row.conversation_id) ?? new Map<string, number[]>();
    stored.set(
      row.conversation_id,
      byClientId.set(row.client_message_id, [...(byClientId.get(row.client_message_id) ?? []), row.seq]),
    );
    seqs.set(row.conversation_id, [...(seqs.get(row.conversation_id) ?? []), row.seq]);
  }
  let acknowledged = 0;
  let lost = 0;
  let outOfOrder = 0;
  let diverged = 0;
  for (const client of clients) {
    const byClientId = stored.get(client.conversationId) ?? new Map<string, number[]>();
    let previous = 0;
    for (const id of client.acknowledged) {
      acknowledged++;
      const seq = byClientId.get(id)?.[0];
      if (seq === undefined) {
        lost++;
        continue;
      }
      if (seq < previous) outOfOrder++;
      previous = seq;
    }
    const expected = seqs.get(client.conversationId) ?? [];
    if (client.seen.size !== expected.length || expected.some((seq) => !client.seen.has(seq))) diverged++;
  }
  const duplicated = [...stored.values()].reduce(
    (sum, byClientId) => sum + [...byClientId.values()].filter((s) => s.length > 1).length,
    0,
  );
  const gaps = [...seqs.values()].filter((list) => list.some((seq, i) => seq !== i + 1)).length;
  return { acknowledged, lost, duplicated, outOfOrder, gaps, diverged };
}
