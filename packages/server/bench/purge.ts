/**
 * Retention purge under load: Ward with BENCH_PURGE_MESSAGES expired messages in its database,
 * the chat load once without a purge and once while the real retention run (in the Ward server
 * process, as the hourly job runs) deletes them.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { newDataKey } from '../src/features/crypto/keyring.ts';
import { sealText } from '../src/features/crypto/envelope.ts';
import { mapLimited } from './concurrency.ts';
import { cpuMeter } from './cpu.ts';
import { runLoad } from './load.ts';
import type { BenchOptions } from './options.ts';
import { measureOpen, type ScenarioResult } from './scenario.ts';
import { startChat } from './ward-setup.ts';
import { withWard } from './ward.ts';

export type PurgeResult = {
  expired: number;
  conversations: number;
  insertSeconds: number;
  /** The chat load without a purge, then while the purge ran. */
  without: ScenarioResult;
  during: ScenarioResult;
  deleted: number;
  purgeSeconds: number;
  /** The retention run's clock. */
  clock: string;
  /** Expired messages still there afterwards (should be 0). */
  left: number;
};

/** Messages per old conversation, about: long-ish chats, so a 1,000-row batch touches a few conversations. */
const messagesPerConversation = 100;
const maxOldConversations = 500;
const purgeTimeoutMs = 30 * 60_000;

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

export function benchPurge(options: BenchOptions): Promise<PurgeResult> {
  return withWard(options, async ({ server, database, pairs, url, organisation, topic }) => {
    // Old chats started through the widget as usual (each has its own data subject and key) …
    const expired = options.purgeMessages;
    const conversations = Math.min(maxOldConversations, Math.max(1, Math.ceil(expired / messagesPerConversation)));
    const old = await mapLimited(conversations, 10, (i) => startChat(url, organisation, topic, 100_000 + i));
    const ids = old.map((chat) => chat.conversationId);
    // … then ended 20 days ago: past no period yet on the real clock (so the hourly job leaves them),
    // and due for the run below, whose clock is set an hour past their transcripts' expiry.
    const endedAt = new Date(Date.now() - 20 * 24 * 3_600_000);
    // Copies of one sealed body (nobody reads them back), as in test/retention-purge.test.ts.
    const body = sealText(
      newDataKey(),
      'Hello, my green bin was not collected on Tuesday. Could someone look into it?',
      `messages.body:${randomUUID()}/1`,
    );
    const insertStarted = performance.now();
    await withClient(database.url, async (client) => {
      await client.query(
        `UPDATE conversations SET status = 'ended', created_at = $2, ended_at = $2 WHERE id = ANY($1::uuid[])`,
        [ids, endedAt],
      );
      // About 100,000 rows per statement: bounded transactions, progress on a slow disk.
      const chunk = Math.max(1, Math.floor(100_000 / Math.ceil(expired / conversations)));
      for (let from = 0; from < conversations; from += chunk) {
        if (options.signal.aborted) throw new Error('interrupted');
        const slice = ids.slice(from, from + chunk);
        // Spread `expired` over the conversations: the first `extra` get one more.
        const base = Math.floor(expired / conversations);
        const extra = expired % conversations;
        const counts = slice.map((_, j) => base + (from + j < extra ? 1 : 0));
        await client.query(
          `WITH sizes AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS s(id, n)),
           added AS (
             INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, body, created_at)
             SELECT c.organisation_id, c.id, g, gen_random_uuid(), CASE WHEN g % 2 = 0 THEN 'agent' ELSE 'visitor' END, $3, $4
             FROM conversations c JOIN sizes ON sizes.id = c.id, generate_series(1, sizes.n) AS g
             RETURNING conversation_id, seq
           )
           UPDATE conversations c SET last_seq = m.last FROM (SELECT conversation_id, max(seq) AS last FROM added GROUP BY 1) m WHERE c.id = m.conversation_id`,
          [slice, counts, body, endedAt],
        );
      }
      // As autovacuum would have done long before these expired: plans and visibility as in production.
      await client.query('VACUUM (ANALYZE) messages, conversations, audit_events');
    });
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    console.log(
      `  inserted ${expired.toLocaleString('en-GB')} expired messages in ${conversations} ended conversations in ${insertSeconds.toFixed(1)} s`,
    );

    console.log('  chat load without a purge…');
    const without = await measureOpen('Ward, no purge', server, pairs, options, [
      `${expired.toLocaleString('en-GB')} expired messages waiting`,
    ]);

    console.log('  chat load during the retention run…');
    // Warm-up as usual; the purge starts when the window opens and the window closes when it ends.
    const stopLoad = new AbortController();
    const meter = cpuMeter(server);
    let windowOpened = 0;
    let purge: Promise<{ deleted: number; seconds: number; clock: string }> | undefined;
    let purgeEnded = 0;
    const loadDone = runLoad(pairs, {
      warmupMs: options.warmupMs,
      durationMs: purgeTimeoutMs,
      alternate: options.alternate,
      messageTimeoutMs: options.messageTimeoutMs,
      signal: AbortSignal.any([options.signal, stopLoad.signal]),
      onWindowStart: () => {
        windowOpened = performance.now();
        meter.start();
        purge = server.purge(endedAt, `bench-${randomUUID()}`, purgeTimeoutMs).finally(() => {
          purgeEnded = performance.now();
          meter.end();
          stopLoad.abort();
        });
        purge.catch(() => stopLoad.abort());
      },
    });
    let load;
    try {
      load = await loadDone;
    } finally {
      stopLoad.abort();
    }
    if (!purge) throw new Error('the purge did not start (the load ended during its warm-up)');
    const purged = await purge;
    load.seconds = (purgeEnded - windowOpened) / 1000;
    const during: ScenarioResult = {
      name: 'Ward, during purge',
      pairs: pairs.length,
      load,
      cpu: await meter.figures(),
      notes: [`window = the retention run, ${load.seconds.toFixed(1)} s`],
    };

    const left = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM messages WHERE conversation_id = ANY($1::uuid[])',
        [ids],
      );
      return rows[0]?.n ?? -1;
    });
    return {
      expired,
      conversations,
      insertSeconds,
      without,
      during,
      deleted: purged.deleted,
      purgeSeconds: purged.seconds,
      clock: purged.clock,
      left,
    };
  });
}
