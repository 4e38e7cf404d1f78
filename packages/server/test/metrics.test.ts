import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

const metricsOf = async (t: TestApp, headers: Record<string, string> = {}) => {
  const response = await fetch(`${t.url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
/** The value of the series `name` whose labels include all of `labels` (NaN when there is none). */
const sample = (text: string, name: string, labels: Record<string, string>) => {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return Number(line?.split(' ').at(-1) ?? NaN);
};

describe('/metrics for the IT team', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('counts requests, connections, chats, messages, jobs and the pool, in the Prometheus format, without personal data', async () => {
    const chat = await t.startChat({ name: 'Ann Resident', email: 'ann@example.com' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const sent = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'qzxvwy hello' });
    expect(sent.ok).toBe(true);
    const { status, type, text } = await metricsOf(t);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'ward_conversations', { organisation: 'demo', status: 'waiting' })).toBe(1);
    expect(sample(text, 'ward_messages_total', { organisation: 'demo', sender: 'visitor' })).toBe(1);
    expect(sample(text, 'ward_realtime_connections', { namespace: '/visitor' })).toBe(1);
    expect(sample(text, 'ward_realtime_events_total', { namespace: '/visitor', event: 'message:send' })).toBe(1);
    expect(text).toMatch(
      /^ward_http_request_duration_seconds_count\{[^}]*route="\/api\/widget\/:organisation\/conversations",status="201"\} 1$/m,
    );
    expect(text).toMatch(/^ward_jobs\{[^}]*state="queued"/m);
    expect(sample(text, 'ward_database_pool_connections', { organisation: 'demo', state: 'total' })).toBeGreaterThan(0);
    expect(text).toContain('ward_process_resident_memory_bytes');
    expect(text).toContain('ward_nodejs_eventloop_lag_p99_seconds');
    for (const personal of ['Ann Resident', 'ann@example.com', 'qzxvwy', chat.caseReference]) {
      expect(text).not.toContain(personal);
    }
    visitor.disconnect();
  });

  it('keeps made-up realtime events and unknown addresses out of the labels', async () => {
    const chat = await t.startChat();
    const visitor = await t.visitorSocket(chat.visitorToken);
    visitor.emit('made-up-event' as 'typing', { isTyping: true });
    await fetch(`${t.url}/no-such-page-${randomUUID()}`);
    await visitor.emitWithAck('resume', { afterSeq: 0 });
    const { text } = await metricsOf(t);
    expect(text).not.toContain('made-up-event');
    expect(text).not.toContain('no-such-page');
    expect(text).toMatch(/route="unmatched",status="404"/);
    visitor.disconnect();
  });
});

describe('/metrics elsewhere than this machine', () => {
  let t: TestApp;
  const token = randomBytes(24).toString('base64url');
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_METRICS_ALLOWED_IPS: 'none', WARD_METRICS_TOKEN: token } });
  });
  afterAll(() => t?.close());

  it('answers only with the token, and is not there for anyone else', async () => {
    expect((await metricsOf(t)).status).toBe(404);
    expect((await metricsOf(t, { authorization: 'Bearer not-the-token' })).status).toBe(404);
    expect((await metricsOf(t, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});
