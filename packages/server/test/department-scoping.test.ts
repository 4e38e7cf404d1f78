import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ChatMatchResponse, QueueItem } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/**
 * Issue 8, tried as an attacker would: an agent who works only in Housing must not reach a
 * Council Tax chat or a Council Tax-only customer record by any route or realtime event.
 */
describe('department scoping of chats and records', () => {
  let t: TestApp;
  let client: ReturnType<typeof caseClient>;
  let housing: { cookie: string; id: string };
  let councilTax: { cookie: string; id: string };
  let victimChat: { conversationId: string; caseReference: string };
  let victimRecordId: string;

  beforeAll(async () => {
    t = await startTestApp();
    client = caseClient(t);
    housing = await client.staff('agent', ['housing']);
    councilTax = await client.staff('agent', ['council-tax']);
    // The victim's Council Tax chat, and a customer record made from it (known to Council Tax only).
    victimChat = await t.startChat({ topic: 'council-tax', name: 'Ann Resident', email: 'ann@example.com' });
    const taxSocket = await t.agentSocket(councilTax.cookie);
    const accepted = await taxSocket.emitWithAck('conversation:accept', { conversationId: victimChat.conversationId });
    expect(accepted.ok).toBe(true);
    const record = await client.call<{ recordId: string }>(
      'POST',
      '/api/records/from-chat',
      { cookie: councilTax.cookie },
      { conversationId: victimChat.conversationId },
    );
    expect(record.status).toBe(201);
    victimRecordId = record.body.recordId;
    const ended = await taxSocket.emitWithAck('conversation:end', {
      conversationId: victimChat.conversationId,
      summary: 'Council Tax question answered',
    });
    expect(ended.ok).toBe(true);
    taxSocket.disconnect();
  });
  afterAll(() => t?.close());

  it('refuses another department’s chat by id, by case reference and its quoted cases, with no hint it exists', async () => {
    const as = { cookie: housing.cookie };
    const paths = [
      `/api/conversations/${victimChat.conversationId}`,
      `/api/conversations/by-reference/${victimChat.caseReference}`,
      `/api/conversations/${victimChat.conversationId}/quoted-cases`,
    ];
    for (const path of paths) expect((await client.call('GET', path, as)).status).toBe(404);
    // The same chat is there for Council Tax.
    for (const path of paths) expect((await client.call('GET', path, { cookie: councilTax.cookie })).status).toBe(200);
  });

  it('leaves another department’s chat out of lists and searches', async () => {
    const ids = (body: { conversations: AgentConversation[] }) => body.conversations.map((c) => c.id);
    const list = await client.call<{ conversations: AgentConversation[] }>('GET', '/api/conversations', {
      cookie: housing.cookie,
    });
    expect(ids(list.body)).not.toContain(victimChat.conversationId);
    for (const query of [
      { email: 'ann@example.com' },
      { name: 'Ann Resident' },
      { caseReference: victimChat.caseReference },
    ]) {
      const found = await client.call<{ conversations: AgentConversation[] }>(
        'POST',
        '/api/conversations/search',
        { cookie: housing.cookie },
        query,
      );
      expect(found.status).toBe(200);
      expect(ids(found.body)).not.toContain(victimChat.conversationId);
      const theirs = await client.call<{ conversations: AgentConversation[] }>(
        'POST',
        '/api/conversations/search',
        { cookie: councilTax.cookie },
        query,
      );
      expect(ids(theirs.body)).toContain(victimChat.conversationId);
    }
  });

  it('refuses resume and accept over the agent socket, and shows each agent only their departments’ queue', async () => {
    const waiting = await t.startChat({ topic: 'council-tax', name: 'Bob Resident', email: 'bob@example.com' });
    const housingChat = await t.startChat({ topic: 'housing', name: 'Other Resident', email: 'other@example.com' });
    const socket: AgentSocket = await t.agentSocket(housing.cookie);
    const queued = socket.initial.waiting.map((item) => item.id);
    expect(queued).toContain(housingChat.conversationId);
    expect(queued).not.toContain(waiting.conversationId);
    for (const conversationId of [victimChat.conversationId, waiting.conversationId]) {
      const resumed = await socket.emitWithAck('resume', { conversationId, afterSeq: 0 });
      expect(resumed).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const accepted = await socket.emitWithAck('conversation:accept', { conversationId: waiting.conversationId });
    expect(accepted).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A new Council Tax chat changes only Council Tax's part of the queue: Housing hears Housing's.
    const heard = new Promise<{ waiting: QueueItem[]; departmentIds?: string[] }>((resolve) =>
      socket.once('queue', resolve),
    );
    await t.startChat({ topic: 'housing', name: 'Other Resident', email: 'other@example.com' });
    const update = await heard;
    expect(update.departmentIds).toEqual(['housing']);
    expect(update.waiting.every((item) => item.departmentId === 'housing')).toBe(true);
    socket.disconnect();
  });

  it('never opens another department’s record through matching or linking a chat', async () => {
    // The attack: a chat as the victim, in Housing, so matching offers the victim's record.
    const bait = await t.startChat({ topic: 'housing', name: 'Ann Resident', email: 'ann@example.com' });
    const socket = await t.agentSocket(housing.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: bait.conversationId })).ok).toBe(true);
    const as = { cookie: housing.cookie };

    const matches = await client.call<ChatMatchResponse>('POST', '/api/records/matches', as, {
      conversationId: bait.conversationId,
    });
    expect(matches.status).toBe(200);
    expect(matches.body.candidates).toEqual([]);
    expect(matches.body.inOtherDepartments).toBe(1);
    expect(JSON.stringify(matches.body)).not.toContain(victimRecordId);

    const link = await client.call('POST', `/api/records/${victimRecordId}/link-chat`, as, {
      conversationId: bait.conversationId,
    });
    expect(link.status).toBe(404);
    expect((await client.call('GET', `/api/records/${victimRecordId}`, as)).status).toBe(404);
    // Nothing was linked: the record still has only its Council Tax case.
    const cases = await t.app.db
      .selectFrom('cases')
      .select('department_id')
      .where('record_id', '=', victimRecordId)
      .execute();
    expect(cases.map((c) => c.department_id)).toEqual(['council-tax']);

    // Council Tax is offered the record for the same resident and may open it.
    expect((await client.call('GET', `/api/records/${victimRecordId}`, { cookie: councilTax.cookie })).status).toBe(
      200,
    );
    socket.disconnect();
  });

  it('applies a change of departments at the next request, without signing in again', async () => {
    const path = `/api/conversations/${victimChat.conversationId}`;
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['housing', 'council-tax'] })
      .where('id', '=', housing.id)
      .execute();
    expect((await client.call('GET', path, { cookie: housing.cookie })).status).toBe(200);
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['housing'] })
      .where('id', '=', housing.id)
      .execute();
    expect((await client.call('GET', path, { cookie: housing.cookie })).status).toBe(404);
  });
});
