import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endAbandonedChats } from '../src/features/conversations/end-abandoned-chats.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

const policy = { leftMinutes: 5, maxWaitMinutes: 60 };
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('chats whose resident has gone, or that nobody takes, end on their own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const row = (id: string) =>
    t.ownerDb
      .selectFrom('conversations')
      .select(['status', 'visitor_left_at', 'visitor_left_told_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const systemMessages = async (id: string) =>
    (
      await t.ownerDb
        .selectFrom('messages')
        .select('seq')
        .where('conversation_id', '=', id)
        .where('sender', '=', 'system')
        .execute()
    ).length;
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('ends a waiting chat a few minutes after its resident closed the window, and says why', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const socket = await t.visitorSocket(chat.visitorToken);
    expect((await row(chat.conversationId)).visitor_left_at).toBeNull();
    socket.disconnect();
    await until(async () => (await row(chat.conversationId)).visitor_left_at !== null);
    expect((await row(chat.conversationId)).visitor_left_at).not.toBeNull();

    expect((await endAbandonedChats(t.app.ctx, policy, later(4))).ended).toBe(0);
    expect((await row(chat.conversationId)).status).toBe('waiting');
    await endAbandonedChats(t.app.ctx, policy, later(6));
    expect((await row(chat.conversationId)).status).toBe('ended');
    // The resident, if they come back, reads why.
    const back = await t.visitorSocket(chat.visitorToken);
    const resumed = await back.emitWithAck('resume', { afterSeq: 0 });
    expect(JSON.stringify(resumed)).toContain('you left before an adviser was free');
    back.disconnect();
  });

  it('does not count a node shutting down as its residents leaving: they reconnect to another node', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const node = await startTestApp({ sameDatabaseAs: t });
    await node.visitorSocket(chat.visitorToken);
    await node.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await row(chat.conversationId)).visitor_left_at).toBeNull();
  });

  it('ends a chat nobody took within the longest wait, though its resident is still there', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const socket = await t.visitorSocket(chat.visitorToken);
    await endAbandonedChats(t.app.ctx, policy, later(61));
    expect((await row(chat.conversationId)).status).toBe('ended');
    socket.disconnect();
  });

  it('tells the agent once when the resident of a live chat has gone, and again only after they came back', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const { cookie } = await t.signUpStaff();
    const agent = await t.agentSocket(cookie);
    expect((await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    visitor.disconnect();
    await until(async () => (await row(chat.conversationId)).visitor_left_at !== null);
    const before = await systemMessages(chat.conversationId);

    expect((await endAbandonedChats(t.app.ctx, policy, later(6))).told).toBe(1);
    expect((await endAbandonedChats(t.app.ctx, policy, later(7))).told).toBe(0);
    expect(await systemMessages(chat.conversationId)).toBe(before + 1);
    expect((await row(chat.conversationId)).status).toBe('active');

    const back = await t.visitorSocket(chat.visitorToken);
    await until(async () => (await row(chat.conversationId)).visitor_left_at === null);
    expect(await row(chat.conversationId)).toMatchObject({ visitor_left_at: null, visitor_left_told_at: null });
    back.disconnect();
    agent.disconnect();
  });
});
