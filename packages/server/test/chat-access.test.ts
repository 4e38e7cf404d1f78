import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { ErrorDetail } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const messageCount = async (conversationId: string) =>
  (await t.app.db.selectFrom('messages').select('seq').where('conversation_id', '=', conversationId).execute()).length;

function connectError(namespace: string, options: Parameters<typeof connect>[1]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${t.url}${namespace}`, { reconnection: false, forceNew: true, ...options });
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('connected but should have been refused'));
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
  });
}

describe('a resident reaches only their own conversation', () => {
  it('refuses a socket without a valid visitor token', async () => {
    expect(await connectError('/visitor', { auth: { token: 'forged' }, transports: ['websocket'] })).toMatch(
      /no longer available/,
    );
    expect(await connectError('/visitor', { transports: ['websocket'] })).toMatch(/no longer available/);
  });

  it('writes only into the conversation the token was issued for', async () => {
    const mine = await t.startChat();
    const theirs = await t.startChat({ name: 'Other Resident' });
    const visitor = await t.visitorSocket(mine.visitorToken);
    // Extra fields naming another conversation are ignored: the token decides.
    const ack = await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: 'hi',
      conversationId: theirs.conversationId,
    } as never);
    expect(ack.ok).toBe(true);
    expect(await messageCount(mine.conversationId)).toBe(1);
    expect(await messageCount(theirs.conversationId)).toBe(0);
  });

  it('refuses post-chat calls with a wrong token', async () => {
    const response = await fetch(`${t.url}/api/visitor/conversation/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ rating: 5 }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'This chat is no longer available' },
    });
  });
});

describe('staff reach only what their role allows', () => {
  it('lets only the agent who accepted a chat reply in it or follow it', async () => {
    const chat = await t.startChat();
    const first = await t.agentSocket((await t.signUpStaff()).cookie);
    const second = await t.agentSocket((await t.signUpStaff({ firstName: 'Priya' })).cookie);
    expect((await first.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const stolen = await second.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const reply = await second.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'x',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const peek = await second.emitWithAck('resume', { conversationId: chat.conversationId, afterSeq: 0 });
    expect(peek).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a console socket without a session', async () => {
    expect(await connectError('/agent', { transports: ['websocket'] })).toMatch(/Sign in/);
  });

  it('keeps admin pages from agents and everything from strangers', async () => {
    const { cookie } = await t.signUpStaff();
    expect((await fetch(`${t.url}/api/staff`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${t.url}/api/conversations`)).status).toBe(401);
    const crossSite = await fetch(`${t.url}/api/staff/invitations`, {
      method: 'POST',
      headers: {
        cookie: (await t.signUpStaff({ role: 'admin' })).cookie,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: 'x@council.example', role: 'admin' }),
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('realtime connections from other sites are refused', () => {
  it('checks the Origin against the allow-list', async () => {
    const chat = await t.startChat();
    const refused = await connectError('/visitor', {
      auth: { token: chat.visitorToken },
      transports: ['polling'],
      extraHeaders: { origin: 'https://evil.example' },
    });
    expect(refused).toBeTruthy();
    const allowed = await t.visitorSocket(chat.visitorToken);
    expect(allowed.connected).toBe(true);
  });
});

describe('malformed frames get an error and change nothing', () => {
  it('answers a bad payload in the acknowledgement', async () => {
    const chat = await t.startChat();
    const visitor = await t.visitorSocket(chat.visitorToken);
    const bad: unknown[] = [
      { clientMessageId: 'not-a-uuid', body: 'hi' },
      { clientMessageId: randomUUID(), body: 42 },
      { clientMessageId: randomUUID(), body: '   ' },
      { clientMessageId: randomUUID(), body: 'x'.repeat(4001) },
      null,
      'text',
    ];
    for (const payload of bad) {
      const ack = await visitor.emitWithAck('message:send', payload as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await messageCount(chat.conversationId)).toBe(0);
  });

  it('sends a ward:error event when there is no acknowledgement to answer', async () => {
    const chat = await t.startChat();
    const visitor = await t.visitorSocket(chat.visitorToken);
    const error = new Promise<ErrorDetail>((resolve) => visitor.once('ward:error', resolve));
    visitor.emit('typing', { isTyping: 'yes' } as never);
    expect(await error).toMatchObject({ code: 'bad_request' });
  });

  it('drops an oversized frame without storing anything', async () => {
    const chat = await t.startChat();
    const visitor = await t.visitorSocket(chat.visitorToken);
    const closed = new Promise<string>((resolve) => visitor.once('disconnect', resolve));
    visitor.emit('message:send', { clientMessageId: randomUUID(), body: 'x'.repeat(200_000) }, () => {});
    expect(await closed).toBeTruthy();
    expect(await messageCount(chat.conversationId)).toBe(0);
  });
});

describe('bad HTTP input gets a clear 4xx', () => {
  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${t.url}${path}`, { method: 'POST', headers, body });

  it('explains what is wrong and stores nothing', async () => {
    const before = await t.app.db.selectFrom('conversations').select('id').execute();
    const cases: Array<[Response, number, string]> = [
      [await post('/api/widget/demo/conversations', '{not json'), 400, 'bad_request'],
      [
        await post('/api/widget/demo/conversations', JSON.stringify({ name: '', topic: 'bins', consent: true })),
        400,
        'bad_request',
      ],
      [
        await post(
          '/api/widget/demo/conversations',
          JSON.stringify({ name: 'A', topic: 'no-such-topic', consent: true }),
        ),
        400,
        'bad_request',
      ],
      [await post('/api/widget/demo/conversations', JSON.stringify({ name: 'A', topic: 'bins' })), 400, 'bad_request'],
      [
        await post(
          '/api/widget/demo/conversations',
          JSON.stringify({ name: 'A', topic: 'bins', consent: true, email: 'nope' }),
        ),
        400,
        'bad_request',
      ],
      [
        await post('/api/widget/nowhere/conversations', JSON.stringify({ name: 'A', topic: 'bins', consent: true })),
        404,
        'not_found',
      ],
      [
        await post('/api/widget/demo/conversations', JSON.stringify({ name: 'x'.repeat(100_000) })),
        413,
        'payload_too_large',
      ],
      [
        await post('/api/widget/demo/conversations', 'name=A', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'bad_request',
      ],
      [
        await fetch(`${t.url}/api/conversations/not-a-uuid`, { headers: { cookie: (await t.signUpStaff()).cookie } }),
        400,
        'bad_request',
      ],
      [await fetch(`${t.url}/api/nothing-here`), 404, 'not_found'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: ErrorDetail };
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    expect(await t.app.db.selectFrom('conversations').select('id').execute()).toHaveLength(before.length);
  });

  it('tells the resident which field to fix', async () => {
    const response = await post(
      '/api/widget/demo/conversations',
      JSON.stringify({ name: 'A', topic: 'bins', consent: true, email: 'nope' }),
    );
    expect(((await response.json()) as { error: ErrorDetail }).error.message).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
  });
});
