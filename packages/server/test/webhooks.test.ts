import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseLookupResult, CreatedWebhook, Webhook, WebhookDelivery } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { readmeVerifier, startReceiver, type Received } from './support/webhook-receiver.ts';
import { sweepWebhookDeliveries } from '../src/features/webhooks/webhook-jobs.ts';
import { sendWebhook } from '../src/features/webhooks/webhook-client.ts';
import { freePort } from '../src/shared/free-port.ts';

type Api = ReturnType<typeof caseClient>;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const allEvents = [
  'chat.started',
  'chat.accepted',
  'chat.ended',
  'case.created',
  'case.status-changed',
  'case.closed',
  'case.updated',
];

function webhookClient(api: Api, cookie: string) {
  return {
    create: (body: Record<string, unknown>) => api.call<CreatedWebhook>('POST', '/api/webhooks', { cookie }, body),
    deliveries: async (id: string) =>
      (await api.call<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${id}/deliveries`, { cookie })).body
        .deliveries,
    ping: (id: string) => api.call<{ delivery: WebhookDelivery }>('POST', `/api/webhooks/${id}/ping`, { cookie }, {}),
  };
}

describe('outgoing webhooks, with the receiver’s network allowed (WARD_WEBHOOK_ALLOWED_NETWORKS=127.0.0.1/32)', () => {
  let t: TestApp;
  let api: Api;
  let admin: { cookie: string; id: string };
  let agent: { cookie: string; id: string };
  let hooks: ReturnType<typeof webhookClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let otherLoopback: Awaited<ReturnType<typeof startReceiver>>;
  let intakePort: number;
  const resident = {
    name: 'Zebedee Canarywood',
    email: 'zebedee.canarywood@example.com',
    message: 'canary message: my bin at 14 Larkspur Row was missed',
    summary: 'canary summary: rebooked for Zebedee',
  };

  beforeAll(async () => {
    receiver = await startReceiver('127.0.0.1');
    otherLoopback = await startReceiver('127.0.0.2');
    intakePort = await freePort();
    t = await startTestApp({
      env: {
        WARD_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
        WARD_MAIL_INTAKE_PORT: String(intakePort),
        WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example',
      },
    });
    api = caseClient(t);
    admin = await api.staff('admin');
    agent = await api.staff('agent', [], { firstName: 'Priya', lastName: 'Shah' });
    hooks = webhookClient(api, admin.cookie);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await otherLoopback?.close();
  });

  it('is for administrators only, and shows the secret once', async () => {
    const body = { url: `${receiver.url}/agent`, events: ['case.created'] };
    expect((await api.call('POST', '/api/webhooks', { cookie: agent.cookie }, body)).status).toBe(403);
    expect((await api.call('GET', '/api/webhooks', { cookie: agent.cookie })).status).toBe(403);
    expect((await api.call('GET', '/api/webhooks', {})).status).toBe(401);

    const created = await hooks.create({ ...body, description: 'Case management' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.body.webhook).toMatchObject({ url: body.url, events: ['case.created'], paused: false });
    const listed = await api.call<{ webhooks: Webhook[] }>('GET', '/api/webhooks', { cookie: admin.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const stored = await t.ownerDb
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', created.body.webhook.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_sealed.toString('latin1')).not.toContain(created.body.secret);

    // Pause, resume, delete.
    const id = created.body.webhook.id;
    expect(
      (await api.call<{ webhook: Webhook }>('POST', `/api/webhooks/${id}/pause`, { cookie: admin.cookie }, {})).body
        .webhook.paused,
    ).toBe(true);
    expect(
      (await api.call<{ webhook: Webhook }>('POST', `/api/webhooks/${id}/resume`, { cookie: admin.cookie }, {})).body
        .webhook.paused,
    ).toBe(false);
    expect((await api.call('DELETE', `/api/webhooks/${id}`, { cookie: admin.cookie })).status).toBe(204);
    expect((await api.call('GET', `/api/webhooks/${id}`, { cookie: admin.cookie })).status).toBe(404);
  });

  it('signs every chat and case event so the README’s code accepts it, with no personal data in any body', async () => {
    const verify = await readmeVerifier();
    const created = await hooks.create({ url: `${receiver.url}/crm`, events: allEvents });
    const { secret, webhook } = created.body;

    const chat = await t.startChat({ name: resident.name, email: resident.email, topic: 'bins' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: resident.message });
    const socket = await t.agentSocket(agent.cookie);
    expect(await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    expect(
      await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: resident.summary }),
    ).toMatchObject({ ok: true });
    socket.disconnect();
    visitor.disconnect();

    const expected = [
      'case.closed',
      'case.created',
      'case.status-changed',
      'case.updated',
      'chat.accepted',
      'chat.ended',
      'chat.started',
    ];
    const mine = () => receiver.received.filter((r) => r.path === '/crm');
    await until(
      async () => mine().length,
      (n) => n >= expected.length,
      'seven deliveries',
    );
    const got = mine();
    expect(got.map((r) => r.headers['ward-event']).sort()).toEqual(expected);

    const found = await api.call<CaseLookupResult>(
      'POST',
      '/api/cases/lookup',
      { cookie: agent.cookie },
      { caseReference: chat.caseReference },
    );
    const caseId = found.body.case?.id;
    for (const request of got) {
      const headers = request.headers as Record<string, string>;
      expect(verify(headers, request.body, secret)).toBe(true);
      expect(headers['ward-webhook-id']).toBe(webhook.id);
      const body = JSON.parse(request.body) as { id: string; event: string; data: Record<string, unknown> };
      expect(body.id).toBe(headers['ward-delivery-id']);
      expect(body.event).toBe(headers['ward-event']);
      expect(body.data).toMatchObject({ caseReference: chat.caseReference, caseId, departmentId: 'waste' });
      // No canary of the resident's or the agent's: not their name, email, message or the summary.
      for (const canary of ['Zebedee', 'Canarywood', 'zebedee', 'Larkspur', 'canary', 'Priya', 'Shah', agent.id])
        expect(request.body).not.toContain(canary);
    }
    const closed = JSON.parse(got.find((r) => r.headers['ward-event'] === 'case.closed')!.body) as { data: object };
    expect(closed.data).toMatchObject({
      status: 'closed',
      previousStatus: 'open',
      conversationId: chat.conversationId,
    });
    const ended = JSON.parse(got.find((r) => r.headers['ward-event'] === 'chat.ended')!.body) as { data: object };
    expect(ended.data).toMatchObject({ status: 'ended', conversationId: chat.conversationId });

    // The README's code refuses a changed body, another secret and an old timestamp (a replay).
    const [first] = got as [Received, ...Received[]];
    const headers = first.headers as Record<string, string>;
    expect(verify(headers, first.body.replace('}', ' }'), secret)).toBe(false);
    expect(verify(headers, first.body, `${secret}x`)).toBe(false);
    expect(verify(headers, first.body, secret, Date.now() + 10 * 60_000)).toBe(false);

    // The log shows each delivery, newest first, delivered at the first attempt with the status.
    const log = await hooks.deliveries(webhook.id);
    expect(log).toHaveLength(expected.length);
    expect(log.every((d) => d.state === 'delivered' && d.attempts === 1 && d.lastStatusCode === 204)).toBe(true);
    expect([...log].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(log);
  });

  it('announces a case opened by an email like any other new case', async () => {
    const created = await hooks.create({ url: `${receiver.url}/email-cases`, events: ['case.created'] });
    await nodemailer.createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true }).sendMail({
      from: 'Zebedee Canarywood <zebedee.canarywood@example.com>',
      to: 'contact@council.example',
      subject: 'Missed collection',
      text: resident.message,
      messageId: `<${randomUUID()}@example.net>`,
    });
    const got = await until(
      async () => receiver.received.filter((r) => r.path === '/email-cases'),
      (deliveries) => deliveries.length >= 1,
      'the case.created delivery',
    );
    const body = JSON.parse(got[0]!.body) as { event: string; data: { status: string; caseReference: string } };
    expect(body.event).toBe('case.created');
    expect(body.data.status).toBe('open');
    const row = await t.app.db
      .selectFrom('cases')
      .select(['case_reference', 'channel'])
      .where('case_reference', '=', body.data.caseReference)
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('email');
    expect(got[0]!.body).not.toMatch(/Zebedee|Canarywood|Larkspur/);
    expect((await hooks.deliveries(created.body.webhook.id)).map((d) => d.event)).toEqual(['case.created']);
  });

  it('tries again after a 500, with the same delivery id and body, and records each attempt', async () => {
    const verify = await readmeVerifier();
    const { body } = await hooks.create({ url: `${receiver.url}/flaky`, events: ['case.created'] });
    let calls = 0;
    receiver.answerWith((request, response) => {
      if (request.path === '/flaky' && ++calls === 1) response.writeHead(500).end('internal detail never kept');
      else response.writeHead(204).end();
    });
    expect((await hooks.ping(body.webhook.id)).status).toBe(202);
    const [failed] = await until(
      () => hooks.deliveries(body.webhook.id),
      (log) => log[0]?.attempts === 1,
      'the first attempt',
    );
    expect(failed).toMatchObject({
      event: 'ping',
      state: 'pending',
      lastStatusCode: 500,
      lastErrorKind: 'http-status',
    });
    const wait = new Date(failed!.nextAttemptAt!).getTime() - new Date(failed!.attemptLog[0]!.at).getTime();
    expect(wait).toBeGreaterThanOrEqual(27_000);
    expect(wait).toBeLessThanOrEqual(33_000);

    // Half a minute passes: the delivery and its queued job are due now.
    await sql`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ${failed!.id}`.execute(t.ownerDb);
    await sql`UPDATE ward_jobs.job SET start_after = now() WHERE name = 'webhook-delivery' AND state = 'created'`.execute(
      t.ownerDb,
    );
    const [delivered] = await until(
      () => hooks.deliveries(body.webhook.id),
      (log) => log[0]?.state === 'delivered',
      'the second attempt',
    );
    expect(delivered).toMatchObject({ attempts: 2, lastStatusCode: 204, lastErrorKind: null, nextAttemptAt: null });
    expect(delivered!.attemptLog.map((a) => [a.attempt, a.statusCode, a.errorKind])).toEqual([
      [1, 500, 'http-status'],
      [2, 204, null],
    ]);
    expect(JSON.stringify(await t.ownerDb.selectFrom('webhook_deliveries').selectAll().execute())).not.toContain(
      'internal detail',
    );
    const attempts = receiver.received.filter((r) => r.path === '/flaky');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['ward-delivery-id']).toBe(attempts[1]!.headers['ward-delivery-id']);
    expect(attempts[0]!.body).toBe(attempts[1]!.body);
    for (const a of attempts) expect(verify(a.headers as Record<string, string>, a.body, body.secret)).toBe(true);
  });

  it('follows a redirect within the allowed network, and refuses one to another loopback address', async () => {
    receiver.answerWith((request, response) => {
      if (request.path === '/hop') response.writeHead(307, { location: '/landed' }).end();
      else if (request.path === '/escape')
        response.writeHead(302, { location: `http://127.0.0.2:${otherLoopback.port}/stolen` }).end();
      else response.writeHead(204).end();
    });
    const hop = (await hooks.create({ url: `${receiver.url}/hop`, events: ['case.created'] })).body.webhook;
    const escape = (await hooks.create({ url: `${receiver.url}/escape`, events: ['case.created'] })).body.webhook;
    await hooks.ping(hop.id);
    await hooks.ping(escape.id);
    const [followed] = await until(
      () => hooks.deliveries(hop.id),
      (l) => l[0]?.attempts === 1,
      'the redirect',
    );
    expect(followed).toMatchObject({ state: 'delivered', lastStatusCode: 204 });
    expect(receiver.received.some((r) => r.path === '/landed')).toBe(true);

    const [refused] = await until(
      () => hooks.deliveries(escape.id),
      (l) => l[0]?.attempts === 1,
      'the refusal',
    );
    expect(refused).toMatchObject({ state: 'failed', lastErrorKind: 'address-not-allowed', nextAttemptAt: null });
    expect(otherLoopback.received).toHaveLength(0);
  });

  it('sends nothing new to a paused webhook', async () => {
    const { webhook } = (await hooks.create({ url: `${receiver.url}/paused`, events: ['case.created'] })).body;
    await api.call('POST', `/api/webhooks/${webhook.id}/pause`, { cookie: admin.cookie }, {});
    const live = (await hooks.create({ url: `${receiver.url}/live`, events: ['case.created'] })).body.webhook;
    await t.startChat({ topic: 'bins' });
    await until(
      () => hooks.deliveries(live.id),
      (l) => l[0]?.state === 'delivered',
      'the live webhook',
    );
    expect(await hooks.deliveries(webhook.id)).toEqual([]);
    expect(receiver.received.some((r) => r.path === '/paused')).toBe(false);
  });

  it('gives up an attempt after its time, tells a closed port from a refusal, and stops after 3 redirects', async () => {
    receiver.answerWith((request, response) => {
      if (request.path === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else if (request.path !== '/silent') response.writeHead(204).end();
      // /silent never answers
    });
    const slow = await sendWebhook(`${receiver.url}/silent`, {}, '{}', {
      allowedNetworks: ['127.0.0.1/32'],
      timeoutMs: 300,
    });
    expect(slow).toMatchObject({ ok: false, errorKind: 'timeout', statusCode: null });
    expect(slow.durationMs).toBeLessThan(2000);
    const closed = await sendWebhook(`http://127.0.0.1:${await freePort()}/`, {}, '{}', {
      allowedNetworks: ['127.0.0.1/32'],
    });
    expect(closed).toMatchObject({ ok: false, errorKind: 'network' });
    const before = receiver.received.filter((r) => r.path === '/loop').length;
    const chain = await sendWebhook(`${receiver.url}/loop`, {}, '{}', { allowedNetworks: ['127.0.0.1/32'] });
    expect(chain).toMatchObject({ ok: false, errorKind: 'too-many-redirects', statusCode: 302 });
    expect(receiver.received.filter((r) => r.path === '/loop').length - before).toBe(4); // the first and 3 redirects
  });

  it('refuses a literal private address when the webhook is created', async () => {
    for (const url of [
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://192.168.0.10/',
      'http://100.64.0.1/',
      'http://127.0.0.2/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://0.0.0.0/',
    ]) {
      const refused = await hooks.create({ url, events: ['case.created'] });
      expect(refused.status, url).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('private or internal network');
    }
    expect((await hooks.create({ url: 'ftp://crm.example/', events: ['case.created'] })).status).toBe(400);
    expect((await hooks.create({ url: `${receiver.url}/`, events: [] })).status).toBe(400);
  });

  it('deletes deliveries older than 30 days, and keeps the others', async () => {
    const { webhook } = (await hooks.create({ url: `${receiver.url}/old`, events: ['case.created'] })).body;
    await hooks.ping(webhook.id);
    await until(
      () => hooks.deliveries(webhook.id),
      (l) => l[0]?.state === 'delivered',
      'a delivery',
    );
    const old = randomUUID();
    await t.ownerDb
      .insertInto('webhook_deliveries')
      .values({
        id: old,
        organisation_id: t.app.ctx.organisation.id,
        webhook_id: webhook.id,
        event: 'ping',
        body: '{}',
        state: 'delivered',
        created_at: new Date(Date.now() - 31 * 86_400_000),
      })
      .execute();
    const swept = await sweepWebhookDeliveries(t.app.ctx, { enqueue: async () => {} }, new Date());
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    const left = await hooks.deliveries(webhook.id);
    expect(left.map((d) => d.id)).not.toContain(old);
    expect(left).toHaveLength(1);
  });
});

describe('outgoing webhooks without WARD_WEBHOOK_ALLOWED_NETWORKS', () => {
  let t: TestApp;
  let api: Api;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver('127.0.0.1');
    t = await startTestApp();
    api = caseClient(t);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('refuses a loopback address, literal at once and by name (localhost) at delivery', async () => {
    const admin = await api.staff('admin');
    const hooks = webhookClient(api, admin.cookie);
    expect((await hooks.create({ url: `${receiver.url}/`, events: ['case.created'] })).status).toBe(400);

    const byName = await hooks.create({ url: `http://localhost:${receiver.port}/`, events: ['case.created'] });
    expect(byName.status).toBe(201);
    await hooks.ping(byName.body.webhook.id);
    const [refused] = await until(
      () => hooks.deliveries(byName.body.webhook.id),
      (l) => l[0]?.attempts === 1,
      'the refusal',
    );
    expect(refused).toMatchObject({ state: 'failed', lastErrorKind: 'address-not-allowed', lastStatusCode: null });
    expect(receiver.received).toHaveLength(0);
  });
});
