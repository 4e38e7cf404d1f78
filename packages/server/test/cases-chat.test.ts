import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseLookupResult, IntakeResponse, QuotedCase } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string };

describe('a chat’s case follows the chat, and cases a resident quotes are found for the agent', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: Staff;

  const caseOfChat = async (caseReference: string, who: Staff = agent) => {
    const found = await api.call<CaseLookupResult>(
      'POST',
      '/api/cases/lookup',
      { cookie: who.cookie },
      { caseReference },
    );
    expect(found.body.access).toBe('full');
    return found.body.case as CaseDetail;
  };
  const acceptedChat = async (who: Staff = agent) => {
    const chat = await t.startChat({ topic: 'bins' });
    const socket = await t.agentSocket(who.cookie);
    expect(await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    return { chat, socket };
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = await api.staff('agent', [], { firstName: 'Priya', lastName: 'Shah' });
  });
  afterAll(async () => t?.close());

  it('gives the chat’s case to the agent who accepts it, and closes it when the chat ends', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    expect(await caseOfChat(chat.caseReference)).toMatchObject({
      channel: 'chat',
      departmentId: 'waste',
      status: 'open',
      owner: null,
      conversationId: chat.conversationId,
    });
    const socket = await t.agentSocket(agent.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const accepted = await caseOfChat(chat.caseReference);
    expect(accepted.owner).toEqual({ id: agent.id, name: 'Priya Shah' });
    expect(accepted.entries.map((e) => [e.kind, e.change?.to, e.author?.id])).toEqual([['owner', agent.id, agent.id]]);

    expect(
      await socket.emitWithAck('conversation:end', {
        conversationId: chat.conversationId,
        summary: 'Bin collection rebooked',
      }),
    ).toMatchObject({ ok: true });
    const ended = await caseOfChat(chat.caseReference);
    expect(ended).toMatchObject({ status: 'closed', summary: 'Bin collection rebooked' });
    expect(ended.closedAt).not.toBeNull();
    expect(ended.entries.at(-1)).toMatchObject({
      kind: 'status',
      change: { from: 'open', to: 'closed' },
      author: { id: agent.id },
    });
    socket.disconnect();
  });

  it('keeps the status staff chose when the chat ends, and closes the case when the resident ends the chat', async () => {
    const { chat, socket } = await acceptedChat();
    const caseId = (await caseOfChat(chat.caseReference)).id;
    expect(
      (await api.call('PUT', `/api/cases/${caseId}/status`, { cookie: agent.cookie }, { status: 'awaiting-council' }))
        .status,
    ).toBe(200);
    await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId });
    expect((await caseOfChat(chat.caseReference)).status).toBe('awaiting-council');

    const second = await acceptedChat();
    const visitor = await t.visitorSocket(second.chat.visitorToken);
    expect(await visitor.emitWithAck('conversation:end', {})).toMatchObject({ ok: true });
    const ended = await caseOfChat(second.chat.caseReference);
    expect(ended.status).toBe('closed');
    expect(ended.entries.at(-1)).toMatchObject({ kind: 'status', change: { to: 'closed' }, author: null });
    const audit = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', ended.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((e) => [e.actor_kind, e.fields.join(',')])).toEqual([
      ['staff', 'owner_staff_id'],
      ['system', 'status,closed_at'],
    ]);
    socket.disconnect();
    second.socket.disconnect();
  });

  it('finds the cases a resident quotes in the chat, however written, with what the agent may open', async () => {
    const waste = await api.staff('agent', ['waste']);
    const housing = await api.staff('agent', ['housing']);
    const earlier = (
      await api.call<IntakeResponse>(
        'POST',
        '/api/intake/contacts',
        { cookie: waste.cookie },
        { channel: 'phone', summary: 'Missed bin', departmentId: 'waste' },
      )
    ).body;
    const unrelated = (
      await api.call<IntakeResponse>(
        'POST',
        '/api/intake/contacts',
        { cookie: waste.cookie },
        { channel: 'phone', summary: 'Other', departmentId: 'waste' },
      )
    ).body;
    const housingCase = (
      await api.call<IntakeResponse>(
        'POST',
        '/api/intake/contacts',
        { cookie: housing.cookie },
        { channel: 'phone', summary: 'Repairs', departmentId: 'housing' },
      )
    ).body;
    const chat = await t.startChat({ topic: 'bins' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const typed = earlier.caseReference.toLowerCase().replace('-', ' ');
    await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: `Hello, this is about my case ${typed} from last week, and ${housingCase.caseReference}`,
    });
    // A made-up reference (wrong check symbol) and the chat's own reference are not quoted cases.
    const wrong = earlier.caseReference.slice(0, -1) + (earlier.caseReference.endsWith('0') ? '1' : '0');
    await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: `or maybe ${wrong}, my new one is ${chat.caseReference}`,
    });

    const quoted = async (who: Staff) =>
      api.call<{ cases: QuotedCase[] }>('GET', `/api/conversations/${chat.conversationId}/quoted-cases`, {
        cookie: who.cookie,
      });
    const forWaste = await quoted(waste);
    expect(forWaste.status).toBe(200);
    expect(forWaste.body.cases).toEqual([
      {
        id: earlier.caseId,
        caseReference: earlier.caseReference,
        channel: 'phone',
        channelDetail: null,
        topic: 'Waste and recycling',
        departmentId: 'waste',
        departmentLabel: 'Waste and recycling',
        status: 'open',
        contactedAt: expect.any(String),
        access: 'full',
      },
      expect.objectContaining({ caseReference: housingCase.caseReference, departmentId: 'housing', access: 'limited' }),
    ]);
    // A chat of another department is not there for the housing agent at all (ADR 21).
    expect((await quoted(housing)).status).toBe(404);

    // The agent's own messages do not count: only what the resident quoted.
    const { socket } = { socket: await t.agentSocket(waste.cookie) };
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    await socket.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: `See also ${unrelated.caseReference}`,
    });
    expect((await quoted(waste)).body.cases.map((c) => c.caseReference)).toEqual([
      earlier.caseReference,
      housingCase.caseReference,
    ]);
    // Someone else's live chat stays hidden.
    expect((await quoted(housing)).status).toBe(404);
    expect(
      (await api.call('GET', `/api/conversations/${randomUUID()}/quoted-cases`, { cookie: waste.cookie })).status,
    ).toBe(404);
    const audit = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', chat.conversationId)
      .where('actor_id', '=', waste.id)
      .execute();
    expect(audit.filter((e) => e.fields.join(',') === 'messages.body')).toHaveLength(2);
    socket.disconnect();
  });
});
