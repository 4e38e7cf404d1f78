import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';

const expiredMessages = 100_000;

describe('a large purge beside live chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A load test: the live chat sends as fast as acknowledgements come back, beyond a resident's limits.
    t = await startTestApp({
      env: { WARD_RATE_LIMITS: 'visitor-messages-per-second=100000/1s,visitor-messages-per-minute=100000/1m' },
    });
  });
  afterAll(async () => t?.close());

  it(
    'deletes 100,000 expired messages in batches while a live chat keeps getting its messages acknowledged and stored',
    { timeout: 180_000 },
    async () => {
      const { db } = t.app;
      const old = await t.startChat();
      const oldVisitor = await t.visitorSocket(old.visitorToken);
      await oldVisitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'An old enquiry' });
      await oldVisitor.emitWithAck('conversation:end', {});
      oldVisitor.disconnect();
      // On the real clock: the live chat below is, as in life, not expired (a chat never ended
      // counts from its start).
      const endedAt = new Date(Date.now() - 70 * 24 * 3_600_000);
      await db.updateTable('conversations').set({ ended_at: endedAt }).where('id', '=', old.conversationId).execute();
      // One statement: copies of an already-encrypted body (nobody reads them back).
      const { body } = await db
        .selectFrom('messages')
        .select('body')
        .where('conversation_id', '=', old.conversationId)
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`
      WITH added AS (
        INSERT INTO messages (organisation_id, conversation_id, seq, client_message_id, sender, body)
        SELECT c.organisation_id, c.id, c.last_seq + g, gen_random_uuid(), 'visitor', ${body}
        FROM conversations c, generate_series(1, ${expiredMessages}) AS g WHERE c.id = ${old.conversationId}
        RETURNING seq
      )
      UPDATE conversations SET last_seq = (SELECT max(seq) FROM added) WHERE id = ${old.conversationId}`.execute(db);
      const before = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('conversation_id', '=', old.conversationId)
        .executeTakeFirstOrThrow();
      expect(Number(before.n)).toBeGreaterThan(expiredMessages);

      const live = await t.startChat();
      const { cookie } = await t.signUpStaff();
      const agent = await t.agentSocket(cookie);
      await agent.emitWithAck('conversation:accept', { conversationId: live.conversationId });
      const visitor = await t.visitorSocket(live.visitorToken);

      let purging = true;
      const purge = runRetention(t.app.ctx, { now: new Date(), jobId: `test-${randomUUID()}` }).finally(() => {
        purging = false;
      });
      const sent: string[] = [];
      const acknowledged: boolean[] = [];
      let acknowledgedDuringPurge = 0;
      for (let i = 0; purging || i < 20; i++) {
        const clientMessageId = randomUUID();
        sent.push(clientMessageId);
        const ack =
          i % 2 === 0
            ? await visitor.emitWithAck('message:send', { clientMessageId, body: `Resident message ${i}` })
            : await agent.emitWithAck('message:send', {
                conversationId: live.conversationId,
                clientMessageId,
                body: `Agent reply ${i}`,
              });
        acknowledged.push(ack.ok);
        if (purging) acknowledgedDuringPurge++;
      }
      await purge;

      expect(acknowledgedDuringPurge).toBeGreaterThan(0);
      expect(acknowledged.every(Boolean)).toBe(true);
      const resumed = await visitor.emitWithAck('resume', { afterSeq: 0 });
      expect(resumed.ok && resumed.messages.map((m) => m.clientMessageId)).toEqual(expect.arrayContaining(sent));

      const left = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('conversation_id', '=', old.conversationId)
        .executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(0);
      // Counted in the destruction log (by this run, and the hourly job should it have run meanwhile).
      const logged = await db
        .selectFrom('destruction_log')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .where('category', '=', 'chat-transcripts')
        .executeTakeFirstOrThrow();
      expect(Number(logged.n)).toBe(Number(before.n));
    },
  );
});
