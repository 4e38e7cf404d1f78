import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('messages while the node’s database connections are all busy', () => {
  it('stores and acknowledges a message without waiting behind the reads queued before it (ADR 53)', async () => {
    const chat = await t.startChat();
    const visitor = await t.visitorSocket(chat.visitorToken);
    // Every connection of the node's main pool busy, and more reads queued behind them: as when a
    // failed node's residents and advisers all reconnect here at once.
    const reads = Array.from({ length: 20 }, () => sql`select pg_sleep(2)`.execute(t.app.db));
    const readsDone = Promise.all(reads).then(() => 'the reads' as const);
    const sent = visitor
      .emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Can anyone hear me?' })
      .then((ack) => ({ ack }));
    const first = await Promise.race([sent, readsDone]);
    expect(first).not.toBe('the reads');
    expect(first !== 'the reads' && first.ack.ok).toBe(true);
    await readsDone;
  });
});
