import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentClientEvents, AgentConversation, AgentServerEvents, QueueItem } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

type Agent = Socket<AgentServerEvents, AgentClientEvents>;

/** An agent socket with extra handshake headers; resolves with what the server sends on connect (or why it dropped). */
function agentWithHeaders(t: TestApp, headers: Record<string, string>) {
  const socket = connect(`${t.url}/agent`, {
    extraHeaders: { origin: t.config.publicUrl, ...headers },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  }) as Agent;
  const initial = new Promise<{ waiting: QueueItem[]; mine: AgentConversation[] } | 'disconnected'>((resolve) => {
    let waiting: QueueItem[] | null = null;
    socket.once('queue', (p) => (waiting = p.waiting));
    socket.once('my-conversations', (p) => resolve({ waiting: waiting ?? [], mine: p.conversations }));
    socket.once('disconnect', () => resolve('disconnected'));
    socket.once('connect_error', () => resolve('disconnected'));
  });
  return { socket, initial };
}

const auditOf = (t: TestApp, conversationId: string) =>
  t.app.db.selectFrom('audit_events').selectAll().where('record_id', '=', conversationId).orderBy('id').execute();

describe('what the agent socket pushes, and its audit trail', () => {
  let t: TestApp;
  let agent: { cookie: string; id: string };
  const sockets: Agent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { cookie } = await t.signUpStaff();
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as {
      staff: { id: string };
    };
    agent = { cookie, id: me.staff.id };
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  it('sends every agent a queue without personal data: case reference, topic, department, language and wait only, not audited', async () => {
    const watcher = await t.agentSocket(agent.cookie);
    sockets.push(watcher);
    const broadcast = new Promise<QueueItem[]>((resolve) => watcher.on('queue', (p) => resolve(p.waiting)));
    const chat = await t.startChat({ name: 'Queueing Qzxvwy', email: 'queueing.qzxvwy@example.com' });
    const waiting = await broadcast;
    const item = waiting.find((w) => w.id === chat.conversationId);
    expect(Object.keys(item ?? {}).sort()).toEqual([
      'caseReference',
      'departmentId',
      'id',
      // 'en' or 'cy', so an adviser who speaks Welsh can take a Welsh chat (ADR 49).
      'language',
      'topicLabel',
      'waitingSince',
    ]);
    expect(JSON.stringify(waiting)).not.toContain('Qzxvwy');
    const fresh = await t.agentSocket(agent.cookie);
    sockets.push(fresh);
    expect(JSON.stringify(fresh.initial.waiting)).not.toMatch(/qzxvwy/i);
    expect(fresh.initial.waiting.map((w) => w.id)).toContain(chat.conversationId);
    // Nobody has read the resident's details: nothing about them in the audit trail.
    expect(await auditOf(t, chat.conversationId)).toEqual([]);
  });

  it('audits the open chats an agent gets on every (re)connect, one entry per chat, purpose handle-chat', async () => {
    const chat = await t.startChat({ name: 'Reconnecting Resident' });
    const first = await t.agentSocket(agent.cookie);
    const accepted = await first.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    expect(accepted.ok).toBe(true);
    first.disconnect();
    const afterAccept = await auditOf(t, chat.conversationId);
    expect(afterAccept.map((e) => e.purpose)).toEqual(['handle-chat']); // the accept

    // The conversation's later pushes (here: a message, and its new state) add no entries: the accept covers them.
    const second = await t.agentSocket(agent.cookie);
    sockets.push(second);
    expect(second.initial.mine.map((c) => c.id)).toContain(chat.conversationId);
    expect(second.initial.mine.find((c) => c.id === chat.conversationId)?.visitorName).toBe('Reconnecting Resident');
    const entries = await auditOf(t, chat.conversationId);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      actor_kind: 'staff',
      actor_id: agent.id,
      actor_role: 'agent',
      action: 'read',
      purpose: 'handle-chat',
      record_type: 'conversation',
      case_reference: chat.caseReference,
      source: '127.0.0.0',
    });
    expect(entries[1]!.fields).toEqual(expect.arrayContaining(['visitor_name', 'visitor_email']));
    expect(entries[1]!.fields).not.toContain('messages.body'); // the snapshot carries no messages; resume reads (and audits) them

    const pushed = new Promise((resolve) => second.once('message', resolve));
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'still there?' });
    await pushed;
    visitor.disconnect();
    expect(await auditOf(t, chat.conversationId)).toHaveLength(2);
  });

  it('reads and audits a reconnecting agent’s catch-up once per chat, and they hear the chat from then on', async () => {
    const chat = await t.startChat({ name: 'Catching Up' });
    const first = await t.agentSocket(agent.cookie);
    await first.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    first.disconnect();
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'while you were away' });

    // As the console does: ask for what was missed as soon as the socket connects, before its snapshot.
    const { socket, initial } = agentWithHeaders(t, { cookie: agent.cookie });
    sockets.push(socket);
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const caughtUp = await socket.emitWithAck('resume', { conversationId: chat.conversationId, afterSeq: 0 });
    expect(caughtUp.ok && caughtUp.messages.map((m) => m.body)).toContain('while you were away');
    await initial;
    const entries = await auditOf(t, chat.conversationId);
    expect(entries.map((e) => e.purpose)).toEqual(['handle-chat', 'handle-chat', 'handle-chat']); // accept, snapshot, catch-up

    const heard = new Promise<string>((resolve) => socket.once('message', ({ message }) => resolve(message.body)));
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'are you back?' });
    expect(await heard).toBe('are you back?');
    visitor.disconnect();
  });

  it('sends nothing, and drops the socket, when the audit write of the snapshot fails', async () => {
    const chat = await t.startChat({ name: 'Unaudited Snapshot' });
    const first = await t.agentSocket(agent.cookie);
    await first.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    first.disconnect();
    const client = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: t.databaseUrl }));
    await client.connect();
    await client.query(
      `CREATE FUNCTION snapshot_audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit write failed'; END $$`,
    );
    await client.query(
      'CREATE TRIGGER snapshot_audit_fails BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION snapshot_audit_fails()',
    );
    try {
      const { socket, initial } = agentWithHeaders(t, { cookie: agent.cookie });
      sockets.push(socket);
      expect(await initial).toBe('disconnected');
    } finally {
      await client.query('DROP TRIGGER snapshot_audit_fails ON audit_events');
      await client.query('DROP FUNCTION snapshot_audit_fails()');
      await client.end();
    }
  });
});

describe('the source of an agent socket’s audit entries behind a proxy', () => {
  let trusting: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    [trusting, direct] = await Promise.all([startTestApp({ env: { WARD_TRUST_PROXY: 'true' } }), startTestApp()]);
  });
  afterAll(async () => {
    await trusting?.close();
    await direct?.close();
  });

  /**
   * An agent with a chat who reconnects through a proxy; returns the sources of the socket's and an HTTP read's
   * entries.
   */
  async function sources(t: TestApp) {
    const { cookie } = await t.signUpStaff();
    const chat = await t.startChat();
    const first = await t.agentSocket(cookie);
    await first.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    first.disconnect();
    const forwarded = { 'x-forwarded-for': '198.51.100.23, 10.0.0.1' };
    const { socket, initial } = agentWithHeaders(t, { cookie, ...forwarded });
    expect(await initial).not.toBe('disconnected');
    socket.disconnect();
    expect(
      (await fetch(`${t.url}/api/conversations/${chat.conversationId}`, { headers: { cookie, ...forwarded } })).status,
    ).toBe(200);
    const entries = await auditOf(t, chat.conversationId);
    expect(entries).toHaveLength(3); // accept, snapshot, HTTP read
    return { socket: entries[1]!.source, http: entries[2]!.source };
  }

  it('is the forwarded address with WARD_TRUST_PROXY, as for HTTP, and the connection’s own without it', async () => {
    expect(await sources(trusting)).toEqual({ socket: '198.51.100.0', http: '198.51.100.0' });
    expect(await sources(direct)).toEqual({ socket: '127.0.0.0', http: '127.0.0.0' });
  });
});
