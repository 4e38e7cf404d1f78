import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, Message, VisitorConversation } from '@ward/protocol';
import { endInactiveChats } from '../src/features/conversations/end-inactive-chats.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

const policy = { inactiveMinutes: 20 };
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('a live chat where nobody writes: the resident is warned, can stay, and is closed on only after', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const status = async (id: string) =>
    (await t.ownerDb.selectFrom('conversations').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;

  /** A chat the adviser has answered, so the resident owes the reply; both sides listening. */
  async function answeredChat() {
    const chat = await t.startChat({ topic: 'bins' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const { cookie } = await t.signUpStaff();
    const agent = await t.agentSocket(cookie);
    expect((await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const sent = await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Hello, how can I help?',
    });
    expect(sent.ok).toBe(true);
    const heard = { visitor: [] as VisitorConversation[], agent: [] as AgentConversation[], lines: [] as Message[] };
    visitor.on('conversation', (c) => heard.visitor.push(c));
    visitor.on('message', (m) => heard.lines.push(m));
    agent.on('conversation', (c) => heard.agent.push(c));
    return { chat, visitor, agent, heard, id: chat.conversationId };
  }
  /** The chat as if accepted and answered `minutes` earlier: the silence so far, without waiting for it. */
  const backdate = async (id: string, minutes: number) => {
    const by = sql`make_interval(secs => ${minutes * 60})`;
    await t.ownerDb
      .updateTable('conversations')
      .set({ accepted_at: sql`accepted_at - ${by}` })
      .where('id', '=', id)
      .execute();
    await t.ownerDb
      .updateTable('messages')
      .set({ created_at: sql`created_at - ${by}` })
      .where('conversation_id', '=', id)
      .execute();
  };
  const ends = async (agent: Awaited<ReturnType<typeof answeredChat>>['agent'], conversationId: string) =>
    expect((await agent.emitWithAck('conversation:end', { conversationId })).ok).toBe(true);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(check()).toBe(true);
  };

  it('warns the resident and the adviser with the closing time, and the resident can stay', async () => {
    const { visitor, agent, heard, id } = await answeredChat();
    await backdate(id, 17);
    expect((await endInactiveChats(t.app.ctx, policy)).warned).toBe(0);

    await backdate(id, 1.5);
    expect(await endInactiveChats(t.app.ctx, policy)).toMatchObject({ warned: 1, ended: 0 });
    await until(() => heard.visitor.some((c) => c.inactivityWarning !== null));
    await until(() => heard.agent.some((c) => c.inactivityWarning !== null));
    const warning = heard.visitor.find((c) => c.inactivityWarning)!.inactivityWarning!;
    expect(new Date(warning.closesAt).getTime() - new Date(warning.warnedAt).getTime()).toBe(2 * 60_000);
    await until(() => heard.lines.some((m) => m.body.startsWith('This chat will close at')));
    // Warned once, however often the job runs.
    expect((await endInactiveChats(t.app.ctx, policy)).warned).toBe(0);

    expect((await visitor.emitWithAck('chat:stay', {})).ok).toBe(true);
    await until(() => heard.visitor.at(-1)?.inactivityWarning === null);
    await until(() => heard.agent.at(-1)?.inactivityWarning === null);
    await until(() => heard.lines.some((m) => m.body === 'The resident chose to stay in the chat.'));
    // The silence counts afresh from the stay: the old closing time passes, nothing closes or warns.
    expect(await endInactiveChats(t.app.ctx, policy, later(2.5))).toEqual({ warned: 0, cleared: 0, ended: 0 });
    expect((await visitor.emitWithAck('chat:stay', {})).ok).toBe(true);
    expect(await status(id)).toBe('active');
    await ends(agent, id);
    visitor.disconnect();
    agent.disconnect();
  });

  it('clears the warning when the resident writes, and does not close the chat', async () => {
    const { visitor, agent, heard, id } = await answeredChat();
    await backdate(id, 19);
    expect((await endInactiveChats(t.app.ctx, policy)).warned).toBe(1);
    const sent = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Still here' });
    expect(sent.ok).toBe(true);
    expect(await endInactiveChats(t.app.ctx, policy, later(2.5))).toMatchObject({ cleared: 1, ended: 0 });
    await until(() => heard.agent.at(-1)?.inactivityWarning === null);
    expect(await status(id)).toBe('active');
    await ends(agent, id);
    visitor.disconnect();
    agent.disconnect();
  });

  it('ends the chat still silent at its closing time, saying why to both', async () => {
    const { visitor, agent, heard, id } = await answeredChat();
    await backdate(id, 19);
    expect((await endInactiveChats(t.app.ctx, policy)).warned).toBe(1);
    expect((await endInactiveChats(t.app.ctx, policy, later(1.5))).ended).toBe(0);
    expect((await endInactiveChats(t.app.ctx, policy, later(2.5))).ended).toBe(1);
    expect(await status(id)).toBe('ended');
    await until(() => heard.visitor.at(-1)?.status === 'ended');
    await until(() => heard.agent.at(-1)?.status === 'ended');
    expect(heard.lines.at(-1)?.body).toBe(
      'The chat closed because there was no activity. Start a new chat if you still need help.',
    );
    // Ended once: the next run finds nothing to do.
    expect(await endInactiveChats(t.app.ctx, policy, later(3))).toEqual({ warned: 0, cleared: 0, ended: 0 });
    visitor.disconnect();
    agent.disconnect();
  });
});
