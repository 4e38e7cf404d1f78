import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@ward/protocol';
import { startTestApp, type TestApp, type TestDatabase } from './support/test-app.ts';

describe.each<TestDatabase>(['machine', 'embedded'])('on the %s PostgreSQL', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
  });
  afterAll(async () => t?.close());

  async function storedMessages(conversationId: string) {
    return t.app.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  }

  async function acceptedChat() {
    const chat = await t.startChat();
    const { cookie } = await t.signUpStaff();
    const agent = await t.agentSocket(cookie);
    const accepted = await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    expect(accepted.ok).toBe(true);
    const visitor = await t.visitorSocket(chat.visitorToken);
    return { chat, agent, visitor };
  }

  describe('messages are durable before they are acknowledged', () => {
    it('acknowledges a message only once it is committed, with the next gap-free sequence number', async () => {
      const { chat, visitor } = await acceptedChat();
      const before = await storedMessages(chat.conversationId);
      const clientMessageId = randomUUID();
      const ack = await visitor.emitWithAck('message:send', { clientMessageId, body: 'My bin was not collected' });
      expect(ack).toMatchObject({ ok: true, message: { seq: before.length + 1, clientMessageId, sender: 'visitor' } });
      // A separate connection sees it: it is committed, not just held in memory.
      const stored = await storedMessages(chat.conversationId);
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      expect(stored.at(-1)).toMatchObject({ client_message_id: clientMessageId });
      // Stored encrypted: the text is not in the row.
      expect(stored.at(-1)?.body.toString('latin1')).not.toContain('My bin was not collected');
    });

    it('stores a retried message once and returns the original to the retry', async () => {
      const { chat, visitor } = await acceptedChat();
      const clientMessageId = randomUUID();
      const [first, second] = await Promise.all([
        visitor.emitWithAck('message:send', { clientMessageId, body: 'Hello' }),
        visitor.emitWithAck('message:send', { clientMessageId, body: 'Hello' }),
      ]);
      const third = await visitor.emitWithAck('message:send', { clientMessageId, body: 'Hello' });
      expect(first.ok && second.ok && third.ok).toBe(true);
      const seqs = [first, second, third].map((a) => (a.ok ? a.message.seq : -1));
      expect(new Set(seqs).size).toBe(1);
      const stored = await storedMessages(chat.conversationId);
      expect(stored.filter((m) => m.client_message_id === clientMessageId)).toHaveLength(1);
    });

    it('answers repeats of a send that is still being written with that one write, and counts them', async () => {
      const { chat, visitor } = await acceptedChat();
      const joined = async () => {
        const metrics = await (await fetch(`${t.url}/metrics`)).text();
        return Number(/^ward_message_sends_joined_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
      };
      const before = await joined();
      const clientMessageId = randomUUID();
      // The chat's row held by someone else: the first send waits, as on a node too busy to answer in time.
      const acks = await t.ownerDb.transaction().execute(async (tx) => {
        await sql`SELECT id FROM conversations WHERE id = ${chat.conversationId} FOR UPDATE`.execute(tx);
        const sends = Array.from({ length: 5 }, () =>
          visitor.emitWithAck('message:send', { clientMessageId, body: 'Is anyone there?' }),
        );
        for (let tries = 0; (await joined()) < before + 4 && tries < 100; tries++) await setTimeout(50);
        return sends;
      });
      expect(await joined()).toBe(before + 4);
      const answered = await Promise.all(acks);
      expect(new Set(answered.map((a) => (a.ok ? a.message.seq : -1))).size).toBe(1);
      expect(answered.every((a) => a.ok)).toBe(true);
      const stored = await storedMessages(chat.conversationId);
      expect(stored.filter((m) => m.client_message_id === clientMessageId)).toHaveLength(1);
    });

    it('announces a retried message again, so an agent who missed the first announcement gets it', async () => {
      const { agent, visitor } = await acceptedChat();
      const clientMessageId = randomUUID();
      const first = await visitor.emitWithAck('message:send', { clientMessageId, body: 'Are you there?' });
      // As if the first announcement was lost (a node or connection failed after the commit).
      const announced = new Promise<number>((resolve) => agent.once('message', ({ message }) => resolve(message.seq)));
      await visitor.emitWithAck('message:send', { clientMessageId, body: 'Are you there?' });
      expect(await announced).toBe(first.ok ? first.message.seq : -1);
    });

    it('keeps sequence numbers gap-free when both sides write at once', async () => {
      const { chat, agent, visitor } = await acceptedChat();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2
            ? visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: `visitor ${i}` })
            : agent.emitWithAck('message:send', {
                conversationId: chat.conversationId,
                clientMessageId: randomUUID(),
                body: `agent ${i}`,
              }),
        ),
      );
      const seqs = (await storedMessages(chat.conversationId)).map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    });

    it('delivers each message to the other party in real time', async () => {
      const { chat, agent, visitor } = await acceptedChat();
      const received = new Promise<{ conversationId: string; message: Message }>((resolve) =>
        agent.once('message', resolve),
      );
      await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Are you there?' });
      expect(await received).toMatchObject({
        conversationId: chat.conversationId,
        message: { body: 'Are you there?', sender: 'visitor' },
      });

      const toVisitor = new Promise<Message>((resolve) => visitor.once('message', resolve));
      await agent.emitWithAck('message:send', {
        conversationId: chat.conversationId,
        clientMessageId: randomUUID(),
        body: 'Yes, I am here',
      });
      expect(await toVisitor).toMatchObject({ body: 'Yes, I am here', sender: 'agent', senderName: 'Sam' });
    });
  });

  describe('resuming after a reconnect', () => {
    it('returns exactly the messages after the last one the client holds', async () => {
      const { chat, agent, visitor } = await acceptedChat();
      const first = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'one' });
      if (!first.ok) throw new Error('send failed');
      visitor.disconnect();
      // While the resident is offline, the agent writes twice.
      for (const body of ['two', 'three']) {
        await agent.emitWithAck('message:send', {
          conversationId: chat.conversationId,
          clientMessageId: randomUUID(),
          body,
        });
      }
      const again = await t.visitorSocket(chat.visitorToken);
      const resumed = await again.emitWithAck('resume', { afterSeq: first.message.seq });
      if (!resumed.ok) throw new Error('resume failed');
      expect(resumed.messages.map((m) => m.body)).toEqual(['two', 'three']);
      expect(resumed.messages.map((m) => m.seq)).toEqual([first.message.seq + 1, first.message.seq + 2]);
      expect(resumed.conversation).toMatchObject({
        status: 'active',
        agentName: 'Sam',
        caseReference: chat.caseReference,
      });
      const upToDate = await again.emitWithAck('resume', { afterSeq: first.message.seq + 2 });
      expect(upToDate.ok && upToDate.messages).toEqual([]);
    });

    it('restores an agent’s open chats when the console reconnects', async () => {
      const chat = await t.startChat();
      const { cookie } = await t.signUpStaff();
      const agent = await t.agentSocket(cookie);
      await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
      agent.disconnect();
      const again = await t.agentSocket(cookie);
      expect(again.initial.mine.map((c) => c.id)).toEqual([chat.conversationId]);
    });
  });
});
