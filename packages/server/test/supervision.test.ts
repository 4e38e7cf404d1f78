import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, LiveView, Message } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/**
 * Supervision (issue 11): a supervisor's live view of their departments, opening a live chat
 * read-only, and taking it over — each scoped by department through access.rules.ts and audited.
 */
let t: TestApp;
let client: ReturnType<typeof caseClient>;
let supervisor: { cookie: string; id: string };
let otherSupervisor: { cookie: string; id: string };
let agent: { cookie: string; id: string };
let otherAgent: { cookie: string; id: string };
let admin: { cookie: string; id: string };
const sockets: AgentSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  client = caseClient(t);
  supervisor = await client.staff('supervisor', ['council-tax']);
  otherSupervisor = await client.staff('supervisor', ['waste']);
  agent = await client.staff('agent', ['council-tax']);
  otherAgent = await client.staff('agent', ['waste']);
  admin = await client.staff('admin');
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

const connect = async (cookie: string) => {
  const socket = await t.agentSocket(cookie);
  sockets.push(socket);
  return socket;
};
const liveView = (cookie: string) => client.call<LiveView>('GET', '/api/supervision/live', { cookie });
const supervisionAudit = (conversationId: string) =>
  t.app.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'fields'])
    .where('record_id', '=', conversationId)
    .where('purpose', '=', 'supervision')
    .orderBy('id')
    .execute();

/** A Council Tax chat the agent is handling, with a message from the resident. */
async function liveChat(agentSocket: AgentSocket) {
  const chat = await t.startChat({ topic: 'council-tax', name: 'Ann Resident' });
  const accepted = await agentSocket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
  expect(accepted.ok).toBe(true);
  const resident = await t.visitorSocket(chat.visitorToken);
  sockets.push(resident as unknown as AgentSocket);
  expect(
    (await resident.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'My bill is wrong' })).ok,
  ).toBe(true);
  return { ...chat, resident };
}

describe('supervision', () => {
  it('shows a supervisor their departments’ queues, staff and live chats, and nobody else the view', async () => {
    const agentSocket = await connect(agent.cookie);
    const chat = await liveChat(agentSocket);
    await t.startChat({ topic: 'council-tax', name: 'Bob Resident' });
    await t.startChat({ topic: 'bins', name: 'Cy Resident' });

    const view = await liveView(supervisor.cookie);
    expect(view.status).toBe(200);
    expect(view.body.departments).toEqual([
      { departmentId: 'council-tax', label: 'Council Tax', waiting: 1, longestWaitSeconds: expect.any(Number) },
    ]);
    const me = view.body.agents.find((member) => member.staffId === agent.id);
    expect(me).toMatchObject({ connected: true, activeChats: 1 });
    expect(view.body.agents.some((member) => member.staffId === otherAgent.id)).toBe(false);
    expect(view.body.chats).toEqual([expect.objectContaining({ conversationId: chat.conversationId })]);
    expect(view.body.chats[0]?.agentStaffId).toBe(agent.id);
    // No resident's details in it.
    expect(JSON.stringify(view.body)).not.toMatch(/Ann|Bob|Cy Resident|bill/);

    expect((await liveView(admin.cookie)).body.departments.map((d) => d.waiting).reduce((a, b) => a + b)).toBe(2);
    expect((await liveView(otherSupervisor.cookie)).body.chats).toEqual([]);
    expect((await liveView(agent.cookie)).status).toBe(403);
  });

  it('shows each agent’s status, since when, chats out of capacity and departments, live, to their departments only', async () => {
    const housingSupervisor = await client.staff('supervisor', ['housing']);
    const hal = await client.staff('agent', ['housing'], { firstName: 'Hal', lastName: 'Housing' });
    const neverConnected = await client.staff('agent', ['housing'], { firstName: 'Nia', lastName: 'Newcomer' });
    const supervising = await connect(housingSupervisor.cookie);
    let hints = 0;
    supervising.on('wallboard:changed', () => hints++);

    // Hal connects (a new adviser starts busy), takes a Housing chat and is given room for two.
    const halSocket = await connect(hal.cookie);
    const chat = await t.startChat({ topic: 'housing', name: 'Dee Resident' });
    expect((await halSocket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const saved = await client.call(
      'PUT',
      `/api/staff/${hal.id}/routing`,
      { cookie: admin.cookie },
      {
        skills: [],
        capacity: 2,
      },
    );
    expect(saved.status).toBe(200);

    const before = hints;
    expect((await halSocket.emitWithAck('status:set', { status: 'available' })).ok).toBe(true);
    await expect.poll(() => hints).toBeGreaterThan(before);
    const view = await liveView(housingSupervisor.cookie);
    expect(view.status).toBe(200);
    const halRow = view.body.agents.find((member) => member.staffId === hal.id);
    expect(halRow).toMatchObject({
      name: 'Hal Housing',
      connected: true,
      status: 'available',
      activeChats: 1,
      capacity: 2,
      departments: ['Housing'],
    });
    expect(Date.parse(halRow?.statusSince ?? '')).toBeLessThanOrEqual(Date.parse(view.body.asOf));
    // Someone who never connected: offline, since an unknown time, with the council's default capacity.
    expect(view.body.agents.find((member) => member.staffId === neverConnected.id)).toMatchObject({
      connected: false,
      status: 'offline',
      statusSince: null,
      capacity: 3,
      activeChats: 0,
    });
    // A Council Tax-only agent is not in Housing's view; staff of every department are.
    expect(view.body.agents.some((member) => member.staffId === agent.id)).toBe(false);
    expect(view.body.agents.find((member) => member.staffId === admin.id)?.departments).toEqual([]);
    expect(JSON.stringify(view.body)).not.toMatch(/Dee Resident/);

    // A change of status is heard and read again.
    const beforeBusy = hints;
    expect((await halSocket.emitWithAck('status:set', { status: 'busy' })).ok).toBe(true);
    await expect.poll(() => hints).toBeGreaterThan(beforeBusy);
    const busy = (await liveView(housingSupervisor.cookie)).body.agents.find((member) => member.staffId === hal.id);
    expect(busy?.status).toBe('busy');

    // The Council Tax supervisor does not see Hal; an administrator sees both.
    expect((await liveView(supervisor.cookie)).body.agents.some((member) => member.staffId === hal.id)).toBe(false);
    const everyone = (await liveView(admin.cookie)).body.agents.map((member) => member.staffId);
    expect(everyone).toEqual(expect.arrayContaining([hal.id, agent.id]));
  });

  it('opens a live chat read-only to its department’s supervisor, live, and refuses everyone else', async () => {
    const agentSocket = await connect(agent.cookie);
    const chat = await liveChat(agentSocket);
    const conversationId = chat.conversationId;

    // Another department's supervisor and agents, and the agent's colleague: refused, as if it did not exist.
    for (const cookie of [otherSupervisor.cookie, otherAgent.cookie, agent.cookie]) {
      const socket = await connect(cookie);
      const watched = await socket.emitWithAck('supervision:watch', { conversationId });
      expect(watched).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const taken = await socket.emitWithAck('supervision:take-over', { conversationId });
      expect(taken).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await supervisionAudit(conversationId)).toEqual([]);

    const supervising = await connect(supervisor.cookie);
    const heard: Message[] = [];
    supervising.on('message', (event) => {
      if (event.conversationId === conversationId) heard.push(event.message);
    });
    const watched = await supervising.emitWithAck('supervision:watch', { conversationId });
    if (!watched.ok) throw new Error(watched.error.message);
    expect(watched.messages.map((message) => message.body)).toContain('My bill is wrong');
    expect(await supervisionAudit(conversationId)).toEqual([
      expect.objectContaining({ action: 'read', actor_id: supervisor.id }),
    ]);

    // The transcript comes live; what the supervisor types reaches nobody, and they cannot send.
    await chat.resident.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Are you there?' });
    await expect.poll(() => heard.map((message) => message.body)).toContain('Are you there?');
    const sent = await supervising.emitWithAck('message:send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'Hello',
    });
    expect(sent.ok).toBe(false);

    // Stopped watching: nothing more comes.
    expect((await supervising.emitWithAck('supervision:unwatch', { conversationId })).ok).toBe(true);
    await chat.resident.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Hello?' });
    await agentSocket.emitWithAck('resume', { conversationId, afterSeq: 0 });
    expect(heard.map((message) => message.body)).not.toContain('Hello?');
  });

  it('lets the supervisor take the chat over: the chat and its case become theirs, the agent’s console hears, the resident is told', async () => {
    const agentSocket = await connect(agent.cookie);
    const chat = await liveChat(agentSocket);
    const conversationId = chat.conversationId;
    const toResident: string[] = [];
    chat.resident.on('message', (message) => toResident.push(message.body));
    const toAgent: AgentConversation[] = [];
    agentSocket.on('conversation', (conversation) => toAgent.push(conversation));

    const supervising = await connect(supervisor.cookie);
    const taken = await supervising.emitWithAck('supervision:take-over', { conversationId });
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.conversation.assignedStaffId).toBe(supervisor.id);
    expect(taken.messages.at(-1)?.body).toBe('A colleague has joined the chat');
    await expect.poll(() => toResident).toContain('A colleague has joined the chat');
    await expect.poll(() => toAgent.at(-1)?.assignedStaffId).toBe(supervisor.id);

    const caseRow = await t.app.db
      .selectFrom('cases')
      .select('owner_staff_id')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(caseRow.owner_staff_id).toBe(supervisor.id);
    expect(await supervisionAudit(conversationId)).toEqual([
      expect.objectContaining({ action: 'update', actor_id: supervisor.id, fields: ['assigned_staff_id'] }),
      expect.objectContaining({ action: 'read', actor_id: supervisor.id }),
    ]);

    // The supervisor now answers; the agent can no longer.
    const reply = await supervising.emitWithAck('message:send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'I can help with your bill',
    });
    expect(reply.ok).toBe(true);
    await expect.poll(() => toResident).toContain('I can help with your bill');
    const refused = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'Me too',
    });
    expect(refused.ok).toBe(false);
    // Taking over twice: it is already theirs.
    expect((await supervising.emitWithAck('supervision:take-over', { conversationId })).ok).toBe(false);
  });
});
