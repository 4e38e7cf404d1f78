import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { ErrorBody } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

describe('a visitor token stops working a grace period after its chat ended', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const survey = (token: string) =>
    fetch(`${t.url}/api/visitor/conversation/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ rating: 5 }),
    });
  const handshake = (token: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(`${t.url}/visitor`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.once('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.once('connect_error', (error) => resolve(error.message));
    });

  it('works for the survey within the grace (30 minutes by default), and for nothing once it has passed', async () => {
    const { visitorToken, conversationId } = await t.startChat();
    const socket = await t.visitorSocket(visitorToken);
    expect(await socket.emitWithAck('conversation:end', {})).toMatchObject({ ok: true });
    socket.disconnect();
    expect((await survey(visitorToken)).status).toBe(204);
    expect(await handshake(visitorToken)).toBe('connected');

    // The chat ended 29 minutes ago: still within the grace.
    const endedAgo = (minutes: number) =>
      t.ownerDb
        .updateTable('conversations')
        .set({ ended_at: new Date(Date.now() - minutes * 60_000) })
        .where('id', '=', conversationId)
        .execute();
    await endedAgo(29);
    expect((await survey(visitorToken)).status).toBe(204);

    await endedAgo(31);
    const refused = await survey(visitorToken);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ErrorBody).error.message).toBe(
      'This chat has ended. Start a new chat if you need more help.',
    );
    expect(await handshake(visitorToken)).toBe('This chat has ended. Start a new chat if you need more help.');
  });

  it('closes a resident’s socket left open past the grace at its next event', async () => {
    const { visitorToken, conversationId } = await t.startChat();
    const socket = await t.visitorSocket(visitorToken);
    expect(await socket.emitWithAck('conversation:end', {})).toMatchObject({ ok: true });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await t.ownerDb
      .updateTable('conversations')
      .set({ ended_at: new Date(Date.now() - 31 * 60_000) })
      .where('id', '=', conversationId)
      .execute();
    // The socket checks again a few seconds after its last check; until then it is left alone.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    socket.emit('resume', { afterSeq: 0 }, () => undefined);
    expect(await closed).toBe('io server disconnect');
  });

  it('keeps working however long an open chat lasts', async () => {
    const { visitorToken, conversationId } = await t.startChat();
    await sql`UPDATE conversations SET created_at = now() - interval '6 hours' WHERE id = ${conversationId}`.execute(
      t.ownerDb,
    );
    expect(await handshake(visitorToken)).toBe('connected');
  });
});
