import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

// Both nodes must hold the same key-encryption keys to read each other's residents' data.
const kek = `test-kek:${randomBytes(32).toString('base64')}`;

/**
 * A node writes a batch in one statement when it remembers the conversation from its last
 * write. These tests change the conversation behind its back (the other node writes, the chat
 * is accepted or ended) and check that nothing it remembered is trusted over the row.
 */
describe('group commit on remembered conversations, with two nodes on one database', () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  beforeAll(async () => {
    // Bursts of messages from one resident test group commit, not the limits: those are lifted here.
    const env = {
      WARD_KEK: kek,
      WARD_RATE_LIMITS: 'visitor-messages-per-second=100000/1s,visitor-messages-per-minute=100000/1m',
    };
    nodeA = await startTestApp({ env });
    nodeB = await startTestApp({ env, sameDatabaseAs: nodeA });
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  async function storedSeqs(conversationId: string) {
    return nodeA.app.db
      .selectFrom('messages')
      .select(['seq', 'client_message_id'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  }

  async function residentOnBothNodes() {
    const chat = await nodeA.startChat();
    return {
      chat,
      onA: await nodeA.visitorSocket(chat.visitorToken),
      onB: await nodeB.visitorSocket(chat.visitorToken),
    };
  }

  it('keeps numbers gap-free and acknowledges each message with its stored number while both nodes write', async () => {
    const { chat, onA, onB } = await residentOnBothNodes();
    const acks = [];
    for (let round = 0; round < 6; round++) {
      acks.push(
        ...(await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? onA : onB).emitWithAck('message:send', {
              clientMessageId: randomUUID(),
              body: `round ${round} message ${i}`,
            }),
          ),
        )),
      );
    }
    const stored = await storedSeqs(chat.conversationId);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    const bySeq = new Map(stored.map((m) => [m.seq, m.client_message_id]));
    for (const ack of acks) {
      if (!ack.ok) throw new Error(`refused: ${ack.error.code}`);
      expect(bySeq.get(ack.message.seq)).toBe(ack.message.clientMessageId);
    }
  });

  it('answers a retry with the original, once the node remembers the conversation', async () => {
    const { chat, onA, onB } = await residentOnBothNodes();
    await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'first' });
    const clientMessageId = randomUUID();
    const original = await onA.emitWithAck('message:send', { clientMessageId, body: 'Hello' });
    const retries = await Promise.all([
      onA.emitWithAck('message:send', { clientMessageId, body: 'Hello' }),
      onA.emitWithAck('message:send', { clientMessageId, body: 'Hello' }),
      onB.emitWithAck('message:send', { clientMessageId, body: 'Hello' }),
    ]);
    const next = await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'after the retries' });
    if (!original.ok || !next.ok) throw new Error('a send was refused');
    for (const retry of retries)
      expect(retry).toMatchObject({ ok: true, message: { seq: original.message.seq, clientMessageId } });
    expect(next.message.seq).toBe(original.message.seq + 1);
    const stored = await storedSeqs(chat.conversationId);
    expect(stored.filter((m) => m.client_message_id === clientMessageId)).toHaveLength(1);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
  });

  it('lets the agent reply once the chat is accepted on the other node, though this node remembered it waiting', async () => {
    const { chat, onA } = await residentOnBothNodes();
    await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Is anyone there?' });
    const { cookie } = await nodeA.signUpStaff();
    const agentOnA = await nodeA.agentSocket(cookie);
    const agentOnB = await nodeB.agentSocket(cookie);
    expect(await agentOnB.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    const reply = await agentOnA.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Yes, I am here',
    });
    expect(reply).toMatchObject({ ok: true, message: { sender: 'agent' } });
    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Thank you' })).toMatchObject({
      ok: true,
    });
    const stored = await storedSeqs(chat.conversationId);
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a message to a chat ended on the other node', async () => {
    const { onA, onB } = await residentOnBothNodes();
    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'one' })).toMatchObject({
      ok: true,
    });
    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'two' })).toMatchObject({
      ok: true,
    });
    expect(await onB.emitWithAck('conversation:end', {})).toMatchObject({ ok: true });
    const late = await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'three' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conversation_ended' } });
  });

  it('trusts the row over its memory when a chat changes without a new message', async () => {
    const { chat, onA } = await residentOnBothNodes();
    const { cookie } = await nodeA.signUpStaff();
    const { email: otherEmail } = await nodeA.signUpStaff();
    const agent = await nodeA.agentSocket(cookie);
    expect(await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    const send = () =>
      agent.emitWithAck('message:send', {
        conversationId: chat.conversationId,
        clientMessageId: randomUUID(),
        body: 'Still here',
      });
    expect(await send()).toMatchObject({ ok: true });
    expect(await send()).toMatchObject({ ok: true });
    const other = await nodeA.app.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', otherEmail)
      .executeTakeFirstOrThrow();
    const change = (set: { assigned_staff_id?: string; status?: 'ended' }) =>
      nodeA.app.db.updateTable('conversations').set(set).where('id', '=', chat.conversationId).execute();

    await change({ assigned_staff_id: other.id });
    expect(await send()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'one' })).toMatchObject({
      ok: true,
    });
    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'two' })).toMatchObject({
      ok: true,
    });
    await change({ status: 'ended' });
    expect(await onA.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'three' })).toMatchObject({
      ok: false,
      error: { code: 'conversation_ended' },
    });
  });
});
