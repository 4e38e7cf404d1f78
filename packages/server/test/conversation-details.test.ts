import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ConversationWithMessages } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';

type Reply = { conversation: AgentConversation; error?: { code: string; message: string } };

const given = { name: 'Oldname Qzxvwy', email: 'old.qzxvwy@example.com' };
const corrected = { name: 'Newname Qzxvwy', email: 'new.qzxvwy@example.com' };
const reason = 'Resident phoned: typo in the chat form qzxvwy';

describe('correcting the details a resident gave in a chat (rectification)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: { cookie: string; id: string };
  let officer: { cookie: string; id: string };
  let elsewhere: { cookie: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = await api.staff('agent', ['waste']);
    officer = await api.staff('privacy_officer');
    elsewhere = await api.staff('agent', ['council-tax']);
  });
  afterAll(async () => t?.close());

  /** A bins chat (the waste department), handled and ended by the agent. */
  async function endedChat() {
    const chat = await t.startChat({ topic: 'bins', ...given });
    const socket = await t.agentSocket(agent.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Missed bin' });
    socket.disconnect();
    return chat;
  }
  const correct = (id: string, body: unknown, who = agent) =>
    api.call<Reply>('PUT', `/api/conversations/${id}/details`, who, body);
  const found = async (query: Record<string, string>) =>
    (
      await api.call<{ conversations: AgentConversation[] }>('POST', '/api/conversations/search', officer, query)
    ).body.conversations.map((c) => c.id);
  const corrections = (conversationId: string) =>
    t.app.db.selectFrom('conversation_corrections').selectAll().where('conversation_id', '=', conversationId).execute();
  const audited = (conversationId: string) =>
    t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'fields', 'reason', 'actor_id'])
      .where('record_id', '=', conversationId)
      .where('action', '=', 'update')
      .where('purpose', 'in', ['review-contact', 'rights-request'])
      .execute();

  it('changes the name and email, finds the chat by the new email only, and keeps the old values sealed', async () => {
    const chat = await endedChat();
    expect(await found({ email: given.email })).toContain(chat.conversationId);

    const reply = await correct(chat.conversationId, { ...corrected, reason });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.conversation).toMatchObject({ visitorName: corrected.name, visitorEmail: corrected.email });
    const view = await api.call<ConversationWithMessages>('GET', `/api/conversations/${chat.conversationId}`, agent);
    expect(view.body.conversation).toMatchObject({ visitorName: corrected.name, visitorEmail: corrected.email });

    expect(await found({ email: corrected.email })).toContain(chat.conversationId);
    expect(await found({ email: given.email })).not.toContain(chat.conversationId);
    expect(await found({ name: 'Newname' })).toContain(chat.conversationId);
    expect(await found({ name: 'Oldname' })).not.toContain(chat.conversationId);

    // Audited in the same transaction: who, which fields, what was done; never the values or the typed reason.
    const entries = await audited(chat.conversationId);
    expect(entries).toEqual([
      {
        action: 'update',
        purpose: 'review-contact',
        fields: ['visitor_name', 'visitor_email'],
        reason: 'corrected name and email',
        actor_id: agent.id,
      },
    ]);
    // The history holds the earlier values, sealed; nothing of them or of the reason is in plain text anywhere.
    expect(await corrections(chat.conversationId)).toEqual([
      expect.objectContaining({ fields: ['visitor_name', 'visitor_email'], corrected_by: agent.id }),
    ]);
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain('conversation_corrections');
    for (const value of [given.name, given.email, corrected.name, corrected.email, 'typo in the chat form'])
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${value} in the ${dump.how} dump`).toBe(false);
  });

  it('records a privacy officer’s correction for a rights request, and can remove the email', async () => {
    const chat = await endedChat();
    const reply = await correct(
      chat.conversationId,
      { name: given.name, email: '', reason: 'Rectification request 2026-14', rightsRequest: true },
      officer,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.conversation).toMatchObject({ visitorName: given.name, visitorEmail: null });
    expect(await audited(chat.conversationId)).toEqual([
      expect.objectContaining({ purpose: 'rights-request', fields: ['visitor_email'], reason: 'corrected email' }),
    ]);
  });

  it('refuses clearly: no change, no reason, a bad email; and staff who may not read the chat get nothing', async () => {
    const chat = await endedChat();
    const same = await correct(chat.conversationId, { ...given, reason });
    expect(same.status).toBe(400);
    expect(same.body.error?.message).toBe('Change the name or the email address before saving');
    const noReason = await correct(chat.conversationId, { ...corrected, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('Enter the reason for the correction');
    const badEmail = await correct(chat.conversationId, { ...corrected, email: 'not an email', reason });
    expect(badEmail.status).toBe(400);
    expect(JSON.stringify(badEmail.body)).not.toContain('not an email');
    expect((await correct(chat.conversationId, { ...corrected, reason }, elsewhere)).status).toBe(404);
    expect((await correct(randomUUID(), { ...corrected, reason })).status).toBe(404);
    expect(await corrections(chat.conversationId)).toEqual([]);
    expect(await audited(chat.conversationId)).toEqual([]);
  });

  it('keeps the history only as long as the chat’s personal data: retention deletes both', async () => {
    const chat = await endedChat();
    expect((await correct(chat.conversationId, { ...corrected, reason })).status).toBe(200);
    await t.app.db
      .updateTable('conversations')
      .set({ ended_at: new Date('2000-01-31T10:00:00Z') })
      .where('id', '=', chat.conversationId)
      .execute();
    await runRetention(t.app.ctx, { now: new Date(), jobId: `test-${randomUUID()}` });
    expect(await corrections(chat.conversationId)).toEqual([]);
    const late = await correct(chat.conversationId, { name: 'Another Name', email: '', reason });
    expect(late.status).toBe(409);
  });
});
