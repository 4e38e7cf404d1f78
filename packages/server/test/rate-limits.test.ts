import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { freePort } from '../src/shared/free-port.ts';

const startBody = { name: 'Ann Resident', email: 'ann@example.com', topic: 'bins', consent: true };
const leaveDetails = {
  answers: { name: 'Ann Resident', email: 'ann@example.com', message: 'Please call me back' },
  consent: true,
};

async function post(t: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.publicUrl, ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (text ? JSON.parse(text) : {}) as ErrorBody & Record<string, unknown>,
  };
}

describe('limits on the public doors, with the defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    // `on`: the defaults, including the chat-start limit the other tests' app relaxes.
    t = await startTestApp({ env: { WARD_TRUST_PROXY: 'true', WARD_RATE_LIMITS: 'on' } });
  });
  afterAll(async () => t?.close());

  it('lets one address start 5 chats in 10 minutes, then answers 429 with Retry-After; other addresses go on', async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 5; i++)
      expect((await post(t, '/api/widget/demo/conversations', startBody, from)).status).toBe(201);
    const refused = await post(t, '/api/widget/demo/conversations', startBody, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(9 * 60);
    expect(refused.body.error).toMatchObject({
      code: 'rate_limited',
      message: 'Too many chats have been started from your connection. Try again in 10 minutes.',
    });
    const started = await t.app.db.selectFrom('conversations').select('id').execute();
    expect(started).toHaveLength(5);
    expect(
      (await post(t, '/api/widget/demo/conversations', startBody, { 'x-forwarded-for': '198.51.100.8' })).status,
    ).toBe(201);
  });

  it('emails one chat’s transcript once and once more, then refuses (no mail-bomb through one chat)', async () => {
    const chat = await post(t, '/api/widget/demo/conversations', startBody, { 'x-forwarded-for': '198.51.100.20' });
    const { visitorToken } = chat.body as unknown as { visitorToken: string };
    const bearer = { authorization: `Bearer ${visitorToken}` };
    // Before the end the request is refused as before, and costs nothing.
    expect((await post(t, '/api/visitor/conversation/transcript', { email: 'a@example.com' }, bearer)).status).toBe(
      409,
    );
    const socket = await t.visitorSocket(visitorToken);
    expect(await socket.emitWithAck('conversation:end', {})).toMatchObject({ ok: true });
    socket.disconnect();
    for (const email of ['a@example.com', 'b@example.com'])
      expect((await post(t, '/api/visitor/conversation/transcript', { email }, bearer)).status).toBe(202);
    const third = await post(t, '/api/visitor/conversation/transcript', { email: 'c@example.com' }, bearer);
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe(
      'The transcript of this chat has already been emailed twice, which is as many times as we send it.',
    );
  });

  it('takes 10 forms from one address in 10 minutes, not counting answers sent back to correct; the page says so too', async () => {
    const from = { 'x-forwarded-for': '198.51.100.30' };
    const path = '/api/forms/demo/leave-your-details/submissions';
    expect((await post(t, path, { answers: {} }, from)).status).toBe(400);
    for (let i = 0; i < 10; i++) expect((await post(t, path, leaveDetails, from)).status).toBe(201);
    const refused = await post(t, path, leaveDetails, from);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');

    const page = await fetch(`${t.url}/forms/demo/leave-your-details`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...from },
      body: new URLSearchParams(leaveDetails.answers).toString(),
      redirect: 'manual',
    });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toContain('Too many forms have been sent from your connection. Try again in');
  });
});

describe('limits on a resident’s messages, email replies and API keys (configured low: no window can pass during the test)', () => {
  let t: TestApp;
  let intakePort: number;
  beforeAll(async () => {
    intakePort = await freePort();
    t = await startTestApp({
      env: {
        WARD_RATE_LIMITS: 'visitor-messages-per-minute=3/1h,email-replies=2/1h,api-key-requests=3/1h',
        WARD_MAIL_INTAKE_PORT: String(intakePort),
        WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example',
      },
    });
  });
  afterAll(async () => t?.close());

  it('answers the fourth message with rate_limited in its acknowledgement, and does not store it', async () => {
    const { visitorToken, conversationId } = await t.startChat();
    const socket = await t.visitorSocket(visitorToken);
    for (let i = 0; i < 3; i++)
      expect(
        await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), body: `hello ${i}` }),
      ).toMatchObject({
        ok: true,
      });
    const refused = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'one too many' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/^You are sending messages too quickly/) },
    });
    const bodies = await t.app.db
      .selectFrom('messages')
      .select('seq')
      .where('conversation_id', '=', conversationId)
      .where('sender', '=', 'visitor')
      .execute();
    expect(bodies).toHaveLength(3);
    socket.disconnect();
  });

  it('lets staff send a case 2 email replies in the hour here, then refuses the third', async () => {
    await nodemailer.createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true }).sendMail({
      from: 'rita.resident@example.net',
      to: 'contact@council.example',
      subject: 'Missed collection',
      text: 'My bin was missed',
      messageId: `<${randomUUID()}@example.net>`,
    });
    const theCase = await t.app.db
      .selectFrom('cases')
      .select('id')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const { cookie } = await t.signUpStaff();
    const reply = () =>
      post(t, `/api/cases/${theCase.id}/emails`, { body: 'We will collect it tomorrow.' }, { cookie });
    expect((await reply()).status).toBe(201);
    expect((await reply()).status).toBe(201);
    const third = await reply();
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe(
      'Too many email replies have been sent on this case. Try again in 60 minutes.',
    );
  });

  it('answers an API key’s fourth request in the hour here with 429, while another key goes on', async () => {
    const { cookie } = await t.signUpStaff({ role: 'admin' });
    const newKey = async () =>
      (await post(t, '/api/api-keys', { name: 'CRM sync', scopes: ['cases:read'] }, { cookie })).body.token as string;
    const [busy, quiet] = [await newKey(), await newKey()];
    const { caseReference } = await t.startChat();
    const read = (token: string) =>
      fetch(`${t.url}/api/integrations/cases/${caseReference}`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await read(busy)).status).toBe(200);
    const refused = await read(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^This API key has made too many requests. Try again in/,
    );
    expect((await read(quiet)).status).toBe(200);
  });
});

describe('WARD_RATE_LIMITS=off (load tests)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_RATE_LIMITS: 'off' } });
  });
  afterAll(async () => t?.close());

  it('lets one address start as many chats as it likes', async () => {
    for (let i = 0; i < 8; i++) expect((await post(t, '/api/widget/demo/conversations', startBody)).status).toBe(201);
  });
});
