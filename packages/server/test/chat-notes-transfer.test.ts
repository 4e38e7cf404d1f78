import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatNote, Message } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/**
 * Issue 11: internal notes and whispers inside a chat (staff only, never the resident's), and
 * transfers to another department's queue or to another agent (the resident told, nothing lost).
 */
describe('working a chat: notes, whispers and transfers', () => {
  let t: TestApp;
  let client: ReturnType<typeof caseClient>;
  let taxAgent: { cookie: string; id: string };
  let taxColleague: { cookie: string; id: string };
  let taxSupervisor: { cookie: string; id: string };
  let housingAgent: { cookie: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    client = caseClient(t);
    taxAgent = await client.staff('agent', ['council-tax'], { firstName: 'Tara', lastName: 'Tax' });
    taxColleague = await client.staff('agent', ['council-tax'], { firstName: 'Colin', lastName: 'Tax' });
    taxSupervisor = await client.staff('supervisor', ['council-tax'], { firstName: 'Sue', lastName: 'Pervisor' });
    housingAgent = await client.staff('agent', ['housing'], { firstName: 'Hana', lastName: 'Housing' });
  });
  afterAll(() => t?.close());

  /** A Council Tax chat the Council Tax agent has accepted, with the resident connected and listening. */
  async function liveChat() {
    const chat = await t.startChat({ topic: 'council-tax', name: 'Nell Resident' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const heard: Message[] = [];
    const heardNotes: unknown[] = [];
    visitor.on('message', (message) => heard.push(message));
    visitor.onAny((event: string, payload: unknown) => {
      // Anything but the resident's own kinds of event (messages, the chat, typing, their place in the queue).
      if (!['message', 'conversation', 'typing', 'queue'].includes(event)) heardNotes.push(payload);
    });
    const agent = await t.agentSocket(taxAgent.cookie);
    expect((await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const sent = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'My bill is wrong' });
    expect(sent.ok).toBe(true);
    return { chat, visitor, heard, heardNotes, agent };
  }

  const nextNote = (socket: AgentSocket) =>
    new Promise<ChatNote>((resolve) => socket.once('note', ({ note }) => resolve(note)));

  it('keeps an internal note for staff, sealed, and never sends it to the resident', async () => {
    const { chat, visitor, heard, heardNotes, agent } = await liveChat();
    const pushed = nextNote(agent);
    const added = await agent.emitWithAck('note:add', {
      conversationId: chat.conversationId,
      kind: 'note',
      body: 'Resident says bill is for 4 Elm Road, card 4111 1111 1111 1111',
    });
    if (!added.ok) throw new Error(added.error.message);
    expect(added.note).toMatchObject({ kind: 'note', authorName: 'Tara Tax' });
    // Free text is redacted (ADR 9) and the stored body is ciphertext.
    expect(added.note.body).not.toContain('4111 1111');
    expect((await pushed).id).toBe(added.note.id);
    const stored = await t.ownerDb.selectFrom('conversation_notes').select('body').executeTakeFirstOrThrow();
    expect(stored.body.toString('latin1')).not.toContain('Elm Road');

    // The resident's next message arrives after anything sent to them: no note before it.
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Are you there?' });
    const resumed = await visitor.emitWithAck('resume', { afterSeq: 0 });
    if (!resumed.ok) throw new Error(resumed.error.message);
    for (const message of [...heard, ...resumed.messages]) expect(message.body).not.toContain('Elm Road');
    expect(heardNotes).toEqual([]);
    expect(resumed.messages.map((m) => m.seq)).toEqual([1, 2, 3]);

    // Reading the notes is audited.
    const listed = await agent.emitWithAck('notes:list', { conversationId: chat.conversationId });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.notes.map((n) => n.id)).toEqual([added.note.id]);
    const audits = await t.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'fields'])
      .where('record_id', '=', chat.conversationId)
      .execute();
    expect(audits).toContainEqual({ action: 'read', fields: ['conversation_notes.body'] });
    expect(audits).toContainEqual({ action: 'create', fields: ['conversation_notes.body'] });
    visitor.disconnect();
    agent.disconnect();
  });

  it('lets a supervisor of the department whisper to the agent, and nobody else', async () => {
    const { chat, heardNotes, agent, visitor } = await liveChat();
    const supervisor = await t.agentSocket(taxSupervisor.cookie);
    const pushed = nextNote(agent);
    const whisper = await supervisor.emitWithAck('note:add', {
      conversationId: chat.conversationId,
      kind: 'whisper',
      body: 'Offer a payment plan',
    });
    if (!whisper.ok) throw new Error(whisper.error.message);
    expect(await pushed).toMatchObject({ kind: 'whisper', authorName: 'Sue Pervisor', toStaffName: 'Tara Tax' });

    // An agent cannot whisper, another department's staff cannot even see the chat.
    const own = await agent.emitWithAck('note:add', {
      conversationId: chat.conversationId,
      kind: 'whisper',
      body: 'x',
    });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const housing = await t.agentSocket(housingAgent.cookie);
    for (const kind of ['note', 'whisper'] as const) {
      const refused = await housing.emitWithAck('note:add', { conversationId: chat.conversationId, kind, body: 'x' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const peek = await housing.emitWithAck('notes:list', { conversationId: chat.conversationId });
    expect(peek).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await supervisor.emitWithAck('note:add', {
      conversationId: chat.conversationId,
      kind: 'note',
      body: ' ',
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'Enter a note' } });
    expect(heardNotes).toEqual([]);
    for (const socket of [supervisor, housing, agent, visitor]) socket.disconnect();
  });

  it('transfers a chat to another department’s queue: the resident is told and keeps the chat', async () => {
    const { chat, visitor, heard, agent } = await liveChat();
    const housing = await t.agentSocket(housingAgent.cookie);
    const queued = new Promise<void>((resolve) =>
      housing.on('queue', ({ waiting }) => {
        if (waiting.some((item) => item.id === chat.conversationId)) resolve();
      }),
    );
    const dropped = new Promise<string | null>((resolve) =>
      agent.on('conversation', (c) => {
        if (c.id === chat.conversationId) resolve(c.assignedStaffId);
      }),
    );
    const told = new Promise<Message>((resolve) =>
      visitor.on('message', (m) => {
        if (m.sender === 'system' && m.body.includes('transferred')) resolve(m);
      }),
    );
    const moved = await agent.emitWithAck('conversation:transfer', {
      conversationId: chat.conversationId,
      departmentId: 'housing',
      note: 'Asking about a housing benefit overpayment',
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.note).toMatchObject({ kind: 'transfer', toDepartment: 'Housing', toStaffName: null });
    expect((await told).body).toBe('You are being transferred to Housing. Please stay in the chat.');
    expect(await dropped).toBeNull();
    await queued;

    const row = await t.ownerDb
      .selectFrom('conversations as c')
      .innerJoin('cases as k', 'k.conversation_id', 'c.id')
      .select(['c.status', 'c.assigned_staff_id', 'k.department_id', 'k.owner_staff_id'])
      .where('c.id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'waiting', assigned_staff_id: null, department_id: 'housing', owner_staff_id: null });
    const events = await t.ownerDb
      .selectFrom('contact_events')
      .select(['kind', 'department_id'])
      .where('contact_id', '=', chat.conversationId)
      .where('kind', '=', 'chat-transferred')
      .execute();
    expect(events).toEqual([{ kind: 'chat-transferred', department_id: 'housing' }]);

    // The previous agent can no longer write; Housing accepts and sees everything, and the note.
    const late = await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Still here',
    });
    expect(late.ok).toBe(false);
    const accepted = await housing.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(accepted.messages.map((m) => m.body)).toContain('My bill is wrong');
    const notes = await housing.emitWithAck('notes:list', { conversationId: chat.conversationId });
    if (!notes.ok) throw new Error(notes.error.message);
    expect(notes.notes).toMatchObject([{ kind: 'transfer', body: 'Asking about a housing benefit overpayment' }]);
    // The same socket hears the new agent join: the resident never reconnected.
    await new Promise<void>((resolve) => {
      const check = () => (heard.some((m) => m.body.includes('has joined')) ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(heard.filter((m) => m.body.includes('has joined'))).toHaveLength(2);
    for (const socket of [housing, agent, visitor]) socket.disconnect();
  });

  it('transfers a chat to a colleague, whose console opens it, and refuses one outside the department', async () => {
    const { chat, visitor, agent } = await liveChat();
    const colleague = await t.agentSocket(taxColleague.cookie);
    const opened = new Promise<string | null>((resolve) =>
      colleague.on('conversation', (c) => {
        if (c.id === chat.conversationId) resolve(c.assignedStaffId);
      }),
    );
    const outsider = await agent.emitWithAck('conversation:transfer', {
      conversationId: chat.conversationId,
      staffId: housingAgent.id,
    });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const nobody = await agent.emitWithAck('conversation:transfer', { conversationId: chat.conversationId });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const told = new Promise<Message>((resolve) => visitor.on('message', (m) => m.sender === 'system' && resolve(m)));
    const moved = await agent.emitWithAck('conversation:transfer', {
      conversationId: chat.conversationId,
      staffId: taxColleague.id,
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(await opened).toBe(taxColleague.id);
    expect((await told).body).toBe('You are being transferred to another adviser. Please stay in the chat.');
    // The colleague's console follows the chat: it can reply straight away.
    const reply = await colleague.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Hello, I can help',
    });
    expect(reply.ok).toBe(true);
    // Another department's agent cannot move the chat.
    const housing = await t.agentSocket(housingAgent.cookie);
    const refused = await housing.emitWithAck('conversation:transfer', {
      conversationId: chat.conversationId,
      departmentId: 'housing',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const socket of [housing, colleague, agent, visitor]) socket.disconnect();
  });

  it('deletes the notes with the chat’s personal data (retention and erasure)', async () => {
    const { chat, agent, visitor } = await liveChat();
    await agent.emitWithAck('note:add', { conversationId: chat.conversationId, kind: 'note', body: 'Vulnerable' });
    const count = async () =>
      (
        await t.ownerDb
          .selectFrom('conversation_notes')
          .select('id')
          .where('conversation_id', '=', chat.conversationId)
          .execute()
      ).length;
    expect(await count()).toBe(1);
    const { clearConversationPersonalData } = await import('../src/features/retention/retention.repository.ts');
    const row = await t.ownerDb
      .selectFrom('conversations as c')
      .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
      .select(['c.id', 'c.data_subject_id', 'ds.kek_id', 'ds.wrapped_key'])
      .where('c.id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    await clearConversationPersonalData(t.ownerDb, t.app.ctx.keyring, [row], new Date(), '[deleted]');
    expect(await count()).toBe(0);
    agent.disconnect();
    visitor.disconnect();
  });
});
