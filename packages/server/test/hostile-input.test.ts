import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/** Raw JSON text, so a lone surrogate can be sent exactly as a hostile client would (`JSON.stringify` escapes it). */
async function postRaw(t: TestApp, path: string, json: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.publicUrl, ...headers },
    body: json,
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe('NUL and unpaired surrogates are refused at the boundary with a 400 naming the field', () => {
  let t: TestApp;
  let admin: { cookie: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await caseClient(t).staff('admin');
  });
  afterAll(async () => t?.close());

  it('an API key’s name with a NUL is a 400 about `name`, and no key is made', async () => {
    const answer = await postRaw(t, '/api/api-keys', '{"name":"CRM\\u0000","scopes":["intake"]}', {
      cookie: admin.cookie,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'bad_request',
      message: 'name contains a character that is not allowed (a NUL or an unpaired surrogate)',
    });
    expect(await t.app.db.selectFrom('api_keys').select('id').execute()).toEqual([]);
  });

  it('lone surrogates in a nested body field, a query and a path parameter', async () => {
    const chat = await postRaw(
      t,
      '/api/widget/demo/conversations',
      '{"name":"Ann \\ud83d","email":"ann@example.com","topic":"bins","consent":true}',
    );
    expect(chat.status).toBe(400);
    expect(chat.body.error.message).toMatch(/^name contains a character/);

    const search = await postRaw(t, '/api/records/search', '{"name":"x","email":"\\udc00a@example.com"}', {
      cookie: admin.cookie,
    });
    expect(search.status).toBe(400);
    expect(search.body.error.message).toMatch(/^email contains/);

    const query = await fetch(`${t.url}/api/conversations?status=ended%00`, { headers: { cookie: admin.cookie } });
    expect(query.status).toBe(400);
    expect(((await query.json()) as ErrorBody).error.message).toMatch(/^status contains/);

    const param = await fetch(`${t.url}/api/invitations/abcdefghijkl%00mnop`);
    expect(param.status).toBe(400);
    expect(((await param.json()) as ErrorBody).error.message).toMatch(/^token contains/);

    const key = await postRaw(t, '/api/api-keys', '{"name":"CRM","scopes":["intake"],"x\\u0000":1}', {
      cookie: admin.cookie,
    });
    expect(key.status).toBe(400);
    expect(key.body.error.message).toBe('The request has a field name with a character that is not allowed');
  });

  it('a form page’s urlencoded answer with a NUL shows a 400 page naming the field, and stores nothing', async () => {
    const response = await fetch(`${t.url}/forms/demo/leave-your-details`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ann%00Resident&email=ann%40example.com',
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('name contains a character that is not allowed');
    expect(await t.app.db.selectFrom('form_submissions').select('id').execute()).toEqual([]);
  });

  it('a realtime frame with a NUL is refused in its acknowledgement and stores nothing', async () => {
    const { visitorToken, conversationId } = await t.startChat();
    const socket = await t.visitorSocket(visitorToken);
    const ack = await socket.emitWithAck('message:send', {
      clientMessageId: crypto.randomUUID(),
      body: 'hello\u0000there',
    });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'body contains a character that is not allowed (a NUL or an unpaired surrogate)',
      },
    });
    const stored = await t.app.db
      .selectFrom('messages')
      .select('seq')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(stored).toEqual([]);
    socket.disconnect();
  });
});
