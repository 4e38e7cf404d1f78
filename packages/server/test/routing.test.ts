import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, AgentStatusEvent, Message, RoutingAgentsResponse } from '@ward/protocol';
import { io as connect } from 'socket.io-client';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { markIdleAgentsAway } from '../src/features/routing/agent-status.ts';

type Staff = { cookie: string; id: string; email: string };

/**
 * Contact-centre routing (issue 11, ADR 39) through the real server: Council Tax routes to the
 * least busy agent, Waste and recycling round robin, Housing is manual, and the Welsh-language
 * Council Tax topic needs the `welsh` skill.
 */
describe('routing chats to agents', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: Staff;

  const settled = () => t.app.routing.settled();
  const agentOf = async (conversationId: string) =>
    await t.app.db
      .selectFrom('conversations')
      .select(['assigned_staff_id', 'status'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
  const chat = async (topic: string) => {
    const started = await t.startChat({ topic });
    await settled();
    return started.conversationId;
  };
  const setStatus = async (socket: AgentSocket, status: 'available' | 'busy' | 'away') => {
    const ack = await socket.emitWithAck('status:set', { status });
    expect(ack).toMatchObject({ ok: true, status });
    await settled();
  };
  const end = async (socket: AgentSocket, conversationId: string) => {
    expect(await socket.emitWithAck('conversation:end', { conversationId })).toMatchObject({ ok: true });
    await settled();
  };
  const routingOf = async () =>
    (await api.call<RoutingAgentsResponse>('GET', '/api/routing/agents', { cookie: admin.cookie })).body;
  const setRouting = (id: string, body: unknown) =>
    api.call<{ error?: { message: string } }>('PUT', `/api/staff/${id}/routing`, { cookie: admin.cookie }, body);
  /** A console tab, with the status the server sends when it connects. */
  const tab = (cookie: string) =>
    new Promise<{ socket: AgentSocket; status: AgentStatusEvent }>((resolve, reject) => {
      const socket = connect(`${t.url}/agent`, {
        extraHeaders: { cookie, origin: t.config.publicUrl },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }) as AgentSocket;
      socket.once('status', (status) => resolve({ socket, status }));
      socket.once('connect_error', reject);
    });
  const agent = async (firstName: string, departments: string[] = []) => {
    const staff = await api.staff('agent', departments, { firstName, lastName: 'Adviser' });
    const socket = await t.agentSocket(staff.cookie);
    return { ...staff, socket };
  };

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-routing-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: {
          topics: [
            { id: 'council-tax', label: 'Council Tax', department: 'council-tax' },
            { id: 'tax-welsh', label: 'Treth Gyngor', department: 'council-tax' },
            { id: 'bins', label: 'Bins and recycling', department: 'waste' },
            { id: 'housing', label: 'Housing', department: 'housing' },
          ],
          routing: {
            defaultCapacity: 2,
            departments: { waste: { strategy: 'round-robin' }, housing: { strategy: 'manual' } },
            skills: [{ id: 'welsh', label: 'Welsh' }],
            topicSkills: { 'tax-welsh': ['welsh'] },
          },
        },
      }),
    );
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
    api = caseClient(t);
    admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
  });
  afterAll(() => t?.close());

  it('an agent chooses their status in one tab and every tab hears it; busy until they choose', async () => {
    const priya = await agent('Priya');
    const { socket: second, status } = await tab(priya.cookie);
    expect(status).toEqual({ status: 'busy', reason: 'connected' });
    const heard = new Promise<AgentStatusEvent>((resolve) => second.once('status', resolve));
    await setStatus(priya.socket, 'available');
    expect(await heard).toEqual({ status: 'available', reason: 'chosen' });
    const refused = await priya.socket.emitWithAck('status:set', { status: 'offline' } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await setStatus(priya.socket, 'busy');
    expect((await routingOf()).agents.find((a) => a.staffId === priya.id)?.status).toBe('busy');
    priya.socket.disconnect();
    second.disconnect();
  });

  it('least busy: a new chat goes to the available agent with fewest chats, and their console opens it', async () => {
    const [sam, kai] = [await agent('Sam'), await agent('Kai')];
    await setStatus(sam.socket, 'available');
    await setStatus(kai.socket, 'available');
    const opened = (who: { socket: AgentSocket; id: string }) =>
      new Promise<AgentConversation>((resolve) =>
        who.socket.on('conversation', (c) => c.status === 'active' && c.assignedStaffId === who.id && resolve(c)),
      );
    const [samOpened, kaiOpened] = [opened(sam), opened(kai)];
    const first = await t.startChat({ topic: 'council-tax' });
    const visitor = await t.visitorSocket(first.visitorToken);
    const joined = new Promise<Message>((resolve) => visitor.on('message', (m) => m.sender === 'system' && resolve(m)));
    await settled();
    const firstAgent = (await agentOf(first.conversationId)).assigned_staff_id;
    const [firstOne, other] = firstAgent === sam.id ? [sam, kai] : [kai, sam];
    expect((await joined).body).toBe(`${firstOne === sam ? 'Sam' : 'Kai'} has joined the chat`);
    const second = await chat('council-tax');
    expect((await agentOf(second)).assigned_staff_id).toBe(other.id);
    expect([(await samOpened).id, (await kaiOpened).id].sort()).toEqual([first.conversationId, second].sort());
    // Both have one: the one given a chat longest ago gets the next.
    const third = await chat('council-tax');
    expect((await agentOf(third)).assigned_staff_id).toBe(firstOne.id);
    // Capacity 2 each (the council's default): the fifth waits.
    const fourth = await chat('council-tax');
    expect((await agentOf(fourth)).assigned_staff_id).toBe(other.id);
    const fifth = await chat('council-tax');
    expect(await agentOf(fifth)).toEqual({ assigned_staff_id: null, status: 'waiting' });
    // A chat ending frees room: the waiting one goes to that agent at once.
    await end(firstOne.socket, first.conversationId);
    expect((await agentOf(fifth)).assigned_staff_id).toBe(firstOne.id);
    for (const id of [third, fifth]) await end(firstOne.socket, id);
    for (const id of [second, fourth]) await end(other.socket, id);
    await setStatus(sam.socket, 'busy');
    await setStatus(kai.socket, 'busy');
  });

  it('round robin: each next chat goes to the next agent in turn', async () => {
    const [lee, mo] = [await agent('Lee', ['waste']), await agent('Mo', ['waste'])];
    await setStatus(lee.socket, 'available');
    await setStatus(mo.socket, 'available');
    const chats = [await chat('bins'), await chat('bins'), await chat('bins'), await chat('bins')];
    const given = await Promise.all(chats.map(async (id) => (await agentOf(id)).assigned_staff_id));
    expect(new Set(given).size).toBe(2);
    expect(given[0]).not.toBe(given[1]);
    expect(given[2]).toBe(given[0]);
    expect(given[3]).toBe(given[1]);
    for (const [index, id] of chats.entries()) await end(given[index] === lee.id ? lee.socket : mo.socket, id);
    await setStatus(lee.socket, 'busy');
    await setStatus(mo.socket, 'busy');
  });

  it('manual: a chat waits in the queue for an agent to accept it, as before', async () => {
    const ali = await agent('Ali');
    await setStatus(ali.socket, 'available');
    const id = await chat('housing');
    expect(await agentOf(id)).toEqual({ assigned_staff_id: null, status: 'waiting' });
    // Administrators see each department's strategy and capacity as the settings file sets them.
    expect((await routingOf()).departments).toEqual(
      expect.arrayContaining([
        {
          departmentId: 'housing',
          label: 'Housing',
          strategy: 'manual',
          capacity: null,
          setInConsole: false,
          consoleStrategy: null,
          consoleCapacity: null,
        },
        {
          departmentId: 'waste',
          label: 'Waste and recycling',
          strategy: 'round-robin',
          capacity: null,
          setInConsole: false,
          consoleStrategy: null,
          consoleCapacity: null,
        },
        {
          departmentId: 'council-tax',
          label: 'Council Tax',
          strategy: 'least-busy',
          capacity: null,
          setInConsole: false,
          consoleStrategy: null,
          consoleCapacity: null,
        },
      ]),
    );
    expect(await ali.socket.emitWithAck('conversation:accept', { conversationId: id })).toMatchObject({ ok: true });
    expect(await agentOf(id)).toEqual({ assigned_staff_id: ali.id, status: 'active' });
    await end(ali.socket, id);
    await setStatus(ali.socket, 'busy');
  });

  it('an administrator makes a manual department least busy in the console: its waiting chat is given at once', async () => {
    const ana = await agent('Ana', ['housing']);
    await setStatus(ana.socket, 'available');
    const id = await chat('housing');
    expect(await agentOf(id)).toEqual({ assigned_staff_id: null, status: 'waiting' });
    const set = (body: unknown) => api.call('PUT', '/api/routing/departments/housing', { cookie: admin.cookie }, body);
    expect((await set({ strategy: 'least-busy', capacity: null })).status).toBe(200);
    await settled();
    expect((await agentOf(id)).assigned_staff_id).toBe(ana.id);
    // Back to the settings file's manual: the next chat waits again.
    expect((await set({ strategy: null, capacity: null })).status).toBe(200);
    const next = await chat('housing');
    expect(await agentOf(next)).toEqual({ assigned_staff_id: null, status: 'waiting' });
    expect(await ana.socket.emitWithAck('conversation:accept', { conversationId: next })).toMatchObject({ ok: true });
    for (const chatId of [id, next]) await end(ana.socket, chatId);
    await setStatus(ana.socket, 'busy');
  });

  it('skills: a Welsh-language chat waits for an agent with Welsh, set by an administrator', async () => {
    const eli = await agent('Eli');
    await setStatus(eli.socket, 'available');
    const welsh = await chat('tax-welsh');
    expect(await agentOf(welsh)).toEqual({ assigned_staff_id: null, status: 'waiting' });
    expect((await setRouting(eli.id, { skills: ['klingon'], capacity: null })).status).toBe(400);
    expect((await setRouting(eli.id, { skills: [], capacity: 0 })).status).toBe(400);
    expect((await setRouting(eli.id, { skills: ['welsh'], capacity: null })).status).toBe(200);
    await settled();
    expect((await agentOf(welsh)).assigned_staff_id).toBe(eli.id);
    const listed = (await routingOf()).agents.find((a) => a.staffId === eli.id);
    expect(listed).toMatchObject({ skills: ['welsh'], capacity: null, activeChats: 1, status: 'available' });
    await end(eli.socket, welsh);
    await setStatus(eli.socket, 'busy');
  });

  it('capacity: an agent’s own limit holds; busy keeps their chats and gets no new ones', async () => {
    const jo = await agent('Jo');
    expect((await setRouting(jo.id, { skills: [], capacity: 1 })).status).toBe(200);
    await setStatus(jo.socket, 'available');
    const [one, two] = [await chat('council-tax'), await chat('council-tax')];
    expect((await agentOf(one)).assigned_staff_id).toBe(jo.id);
    expect((await agentOf(two)).assigned_staff_id).toBe(null);
    await setStatus(jo.socket, 'busy');
    await end(jo.socket, one);
    expect((await agentOf(two)).assigned_staff_id).toBe(null);
    await setStatus(jo.socket, 'available');
    expect((await agentOf(two)).assigned_staff_id).toBe(jo.id);
    await end(jo.socket, two);
    await setStatus(jo.socket, 'busy');
  });

  it('a change of departments applies to the next chat routed', async () => {
    const ren = await agent('Ren', ['waste']);
    await setStatus(ren.socket, 'available');
    const tax = await chat('council-tax');
    expect((await agentOf(tax)).assigned_staff_id).toBe(null);
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['council-tax'] })
      .where('id', '=', ren.id)
      .execute();
    t.app.routing.requestAll(); // the minute's safety net
    await settled();
    expect((await agentOf(tax)).assigned_staff_id).toBe(ren.id);
    await end(ren.socket, tax);
    await setStatus(ren.socket, 'busy');
  });

  it('away after a while without console activity, and given no chats', async () => {
    const zoe = await agent('Zoe');
    await setStatus(zoe.socket, 'available');
    const away = new Promise<AgentStatusEvent>((resolve) => zoe.socket.once('status', resolve));
    expect(await markIdleAgentsAway(t.app.ctx, 10, new Date(Date.now() + 5 * 60_000))).toBe(0);
    expect(await markIdleAgentsAway(t.app.ctx, 10, new Date(Date.now() + 11 * 60_000))).toBeGreaterThan(0);
    expect(await away).toEqual({ status: 'away', reason: 'idle' });
    const waiting = await chat('council-tax');
    expect((await agentOf(waiting)).assigned_staff_id).toBe(null);
    await setStatus(zoe.socket, 'available');
    expect((await agentOf(waiting)).assigned_staff_id).toBe(zoe.id);
    await end(zoe.socket, waiting);
    await setStatus(zoe.socket, 'busy');
  });

  it('offline once the agent’s last console tab closes, and back to their choice when they return', async () => {
    const bo = await agent('Bo');
    const second = await t.agentSocket(bo.cookie);
    await setStatus(bo.socket, 'available');
    const statusOf = async () => (await routingOf()).agents.find((a) => a.staffId === bo.id)?.status;
    bo.socket.disconnect();
    second.disconnect();
    while ((await statusOf()) !== 'offline') await new Promise((resolve) => setTimeout(resolve, 20));
    const waiting = await chat('council-tax');
    expect((await agentOf(waiting)).assigned_staff_id).toBe(null);
    const { socket: back, status } = await tab(bo.cookie);
    expect(status).toEqual({ status: 'available', reason: 'connected' });
    expect(await back.emitWithAck('activity', {})).toEqual({ ok: true });
    t.app.routing.requestAll();
    await settled();
    expect((await agentOf(waiting)).assigned_staff_id).toBe(bo.id);
    await end(back, waiting);
    back.disconnect();
  });
});
