import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ConversationWithMessages, OutboxEmail, VisitorConversation } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

const json = { 'content-type': 'application/json' };
const visitorPost = (t: TestApp, token: string, path: string, body: unknown) =>
  fetch(`${t.url}/api/visitor/conversation/${path}`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

async function chatThatEnds(t: TestApp) {
  const chat = await t.startChat();
  const { cookie } = await t.signUpStaff();
  const agent = await t.agentSocket(cookie);
  await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
  const visitor = await t.visitorSocket(chat.visitorToken);
  const consent = await visitor.emitWithAck('message:send', {
    clientMessageId: randomUUID(),
    body: 'I agree to you using my details for this enquiry',
  });
  await agent.emitWithAck('message:send', {
    conversationId: chat.conversationId,
    clientMessageId: randomUUID(),
    body: 'Thank you, your bin will be collected tomorrow',
  });
  return { chat, agent, visitor, cookie, consentSeq: consent.ok ? consent.message.seq : 0 };
}

describe('ending a chat, with SMTP configured', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_MAIL_FROM: 'Demo Council <chat@demo.example>' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('records consent evidence, the summary, the survey and opt-ins, and emails the transcript', async () => {
    const { chat, agent, visitor, cookie, consentSeq } = await chatThatEnds(t);
    const marked = await agent.emitWithAck('consent:mark', { conversationId: chat.conversationId, seq: consentSeq });
    expect(marked).toMatchObject({ ok: true, message: { seq: consentSeq, consentEvidence: true } });

    const visitorSeesEnd = new Promise<VisitorConversation>((resolve) =>
      visitor.on('conversation', (c) => c.status === 'ended' && resolve(c)),
    );
    const ended = await agent.emitWithAck('conversation:end', {
      conversationId: chat.conversationId,
      summary: 'Missed bin collection rebooked',
    });
    expect(ended).toMatchObject({
      ok: true,
      conversation: { status: 'ended', summary: 'Missed bin collection rebooked' },
    });
    expect((await visitorSeesEnd).caseReference).toBe(chat.caseReference);

    expect(
      (await visitorPost(t, chat.visitorToken, 'survey', { rating: 4, comment: 'Quick and helpful' })).status,
    ).toBe(204);
    expect((await visitorPost(t, chat.visitorToken, 'opt-ins', { optIns: ['service-updates'] })).status).toBe(204);
    expect((await visitorPost(t, chat.visitorToken, 'opt-ins', { optIns: ['sell-my-data'] })).status).toBe(400);
    const mail = smtp.next();
    expect((await visitorPost(t, chat.visitorToken, 'transcript', { email: 'ann@example.com' })).status).toBe(202);
    const received = await mail;
    expect(received.to).toBe('ann@example.com');
    expect(received.subject).toContain(chat.caseReference);
    expect(received.text).toContain('Thank you, your bin will be collected tomorrow');
    expect(received.text).toContain('Sam:');

    const found = await fetch(
      `${t.url}/api/conversations/by-reference/${chat.caseReference.toLowerCase().replace('-', ' ')}`,
      { headers: { cookie } },
    );
    expect(found.status).toBe(200);
    const { conversation, messages } = (await found.json()) as ConversationWithMessages;
    expect(conversation).toMatchObject({
      caseReference: chat.caseReference,
      summary: 'Missed bin collection rebooked',
      survey: { rating: 4, comment: 'Quick and helpful' },
      consentGiven: true,
      browser: 'Chrome 120',
      operatingSystem: 'Linux',
      ipAddress: '127.0.0.0',
    });
    expect(messages.find((m) => m.seq === consentSeq)?.consentEvidence).toBe(true);
  });

  it('refuses to message, or take a survey, at the wrong time', async () => {
    const { chat, visitor } = await chatThatEnds(t);
    expect((await visitorPost(t, chat.visitorToken, 'survey', { rating: 5 })).status).toBe(409);
    const ended = await visitor.emitWithAck('conversation:end', {});
    expect(ended).toMatchObject({ ok: true, conversation: { status: 'ended' } });
    const late = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'one more thing' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conversation_ended' } });
  });

  it('lets the agent write the summary after the resident ended the chat', async () => {
    const { chat, agent, visitor, cookie } = await chatThatEnds(t);
    const agentSeesEnd = new Promise<AgentConversation>((resolve) =>
      agent.on('conversation', (c) => c.status === 'ended' && resolve(c)),
    );
    await visitor.emitWithAck('conversation:end', {});
    expect((await agentSeesEnd).id).toBe(chat.conversationId);
    const saved = await fetch(`${t.url}/api/conversations/${chat.conversationId}/summary`, {
      method: 'PUT',
      headers: { ...json, cookie },
      body: JSON.stringify({ summary: 'Resident left before the end; bin rebooked' }),
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { conversation: AgentConversation }).conversation.summary).toBe(
      'Resident left before the end; bin rebooked',
    );
  });
});

describe('transcripts without SMTP go to the outbox folder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('writes the email where administrators can read it in the console, and agents cannot', async () => {
    const { chat, visitor } = await chatThatEnds(t);
    await visitor.emitWithAck('conversation:end', {});
    expect((await visitorPost(t, chat.visitorToken, 'transcript', { email: 'ann@example.com' })).status).toBe(202);
    const admin = await t.signUpStaff({ role: 'admin' });
    let emails: OutboxEmail[] = [];
    for (let attempt = 0; attempt < 50 && emails.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      emails = (
        (await (await fetch(`${t.url}/api/outbox`, { headers: { cookie: admin.cookie } })).json()) as {
          emails: OutboxEmail[];
        }
      ).emails;
    }
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: 'ann@example.com' });
    expect(emails[0]?.subject).toContain(chat.caseReference);
    // On disk the email is encrypted under the resident's key, and reading it was audited.
    const folder = path.join(t.config.dataDir, 'outbox', t.app.ctx.organisation.id);
    const onDisk = (await Promise.all((await readdir(folder)).map((f) => readFile(path.join(folder, f), 'utf8')))).join(
      '\n',
    );
    expect(onDisk).not.toContain('ann@example.com');
    expect(onDisk).not.toContain(chat.caseReference);
    const reads = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'record_type'])
      .where('record_type', '=', 'outbox_email')
      .execute();
    expect(reads.length).toBeGreaterThan(0);
    const agent = await t.signUpStaff();
    expect((await fetch(`${t.url}/api/outbox`, { headers: { cookie: agent.cookie } })).status).toBe(403);
  });
});
