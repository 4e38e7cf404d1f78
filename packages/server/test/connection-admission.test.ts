import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyMessage, retryAfterMsRange } from '../src/transport/realtime/connection-admission.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { WARD_CONNECTION_QUEUE_LIMIT: '2' } });
});
afterAll(async () => {
  await t?.close();
});

describe('a node taking back a failed node’s residents', () => {
  it('asks residents to come back later while its database queue is past the limit, and still lets staff in', async () => {
    const chat = await t.startChat();
    const { cookie } = await t.signUpStaff();

    // Every pool connection busy for a moment, and more requests waiting behind them than the limit.
    const busy = Array.from({ length: 14 }, () => sql`select pg_sleep(1.5)`.execute(t.app.db));
    const agent = t.agentSocket(cookie);
    const refused = await t.visitorSocket(chat.visitorToken).then(
      () => null,
      (error: Error & { data?: { retry?: boolean; retryAfterMs?: number } }) => error,
    );
    expect(refused?.message).toBe(busyMessage);
    expect(refused?.data?.retry).toBe(true);
    expect(refused?.data?.retryAfterMs).toBeGreaterThanOrEqual(retryAfterMsRange.min);
    expect(refused?.data?.retryAfterMs).toBeLessThanOrEqual(retryAfterMsRange.max);

    await Promise.all(busy);
    // Staff were let in and served once the database was free, and the resident gets in when they return.
    expect((await agent).initial.waiting.map((q) => q.caseReference)).toContain(chat.caseReference);
    const visitor = await t.visitorSocket(chat.visitorToken);
    expect(visitor.connected).toBe(true);
  });
});
