import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationWithMessages, Message } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

const json = { 'content-type': 'application/json' };
const cardDigits = '4111111111111111';
const withCard = 'My card is 4111 1111 1111 1111, expiry 04/27, CVV 123. Can I pay my council tax with it?';
const redacted =
  'My card is [card number removed], expiry [card details removed], CVV [card details removed]. Can I pay my council tax with it?';

async function acceptedChat(t: TestApp) {
  const chat = await t.startChat();
  const { cookie } = await t.signUpStaff();
  const agent = await t.agentSocket(cookie);
  const accepted = await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
  expect(accepted.ok).toBe(true);
  const visitor = await t.visitorSocket(chat.visitorToken);
  return { chat, agent, visitor, cookie };
}

async function storedBodies(t: TestApp, conversationId: string): Promise<string[]> {
  const rows = await t.app.db
    .selectFrom('messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .execute();
  // Whatever the column holds (text, or bytes once encrypted at rest), read it as text.
  return rows.map((row) => {
    const body = row.body as unknown;
    return Buffer.isBuffer(body) ? body.toString('latin1') : String(body);
  });
}

async function conversationAsStaff(
  t: TestApp,
  cookie: string,
  conversationId: string,
): Promise<ConversationWithMessages> {
  const response = await fetch(`${t.url}/api/conversations/${conversationId}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as ConversationWithMessages;
}

describe('redaction on the way in', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('stores, sends and emails only the marker when a resident types card details, and says so in the ack', async () => {
    const { chat, agent, visitor, cookie } = await acceptedChat(t);
    const agentReceives = new Promise<Message>((resolve) =>
      agent.on('message', ({ message }) => message.sender === 'visitor' && resolve(message)),
    );
    const clientMessageId = randomUUID();

    const ack = await visitor.emitWithAck('message:send', { clientMessageId, body: withCard });
    expect(ack).toMatchObject({
      ok: true,
      message: { clientMessageId, sender: 'visitor', body: redacted },
      redactions: ['card-number'],
    });
    expect((await agentReceives).body).toBe(redacted);

    // The row in the database holds no digit of the card, in any form.
    for (const body of await storedBodies(t, chat.conversationId)) {
      expect(body).not.toContain(cardDigits);
      expect(body).not.toContain('4111 1111');
    }
    const { messages } = await conversationAsStaff(t, cookie, chat.conversationId);
    const stored = messages.find((m) => m.clientMessageId === clientMessageId);
    expect(stored?.body).toBe(redacted);
    expect(stored?.body).not.toMatch(/\d/);

    // A retry of the same message gets the same stored (redacted) message, and stores nothing new.
    const retry = await visitor.emitWithAck('message:send', { clientMessageId, body: withCard });
    if (!ack.ok || !retry.ok) throw new Error('send failed');
    expect(retry).toEqual(ack);
    const again = await conversationAsStaff(t, cookie, chat.conversationId);
    expect(again.messages.filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);

    // Nothing removed: an empty list.
    const plain = await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: 'My bin was missed on 23/11/2026, call me on 07700 900123',
    });
    expect(plain).toMatchObject({
      ok: true,
      message: { body: 'My bin was missed on 23/11/2026, call me on 07700 900123' },
      redactions: [],
    });

    // The transcript the resident asks for holds the marker, not the card.
    await visitor.emitWithAck('conversation:end', {});
    const mail = smtp.next();
    const requested = await fetch(`${t.url}/api/visitor/conversation/transcript`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ email: 'ann@example.com' }),
    });
    expect(requested.status).toBe(202);
    const received = await mail;
    expect(received.text).toContain('[card number removed]');
    expect(received.text.replace(/\s|-/g, '')).not.toContain(cardDigits);
    expect(received.text).not.toContain('04/27');
  });

  it('redacts what an agent types, and the resident sees only the marker', async () => {
    const { chat, agent, visitor } = await acceptedChat(t);
    const residentReceives = new Promise<Message>((resolve) =>
      visitor.on('message', (message) => message.sender === 'agent' && resolve(message)),
    );
    const ack = await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Is your National Insurance number AB 12 34 56 C and your sort code 12-34-56, account 12345678?',
    });
    const body =
      'Is your National Insurance number [National Insurance number removed] and your sort code [bank details removed], account [bank details removed]?';
    expect(ack).toMatchObject({
      ok: true,
      message: { body },
      redactions: ['bank-details', 'national-insurance-number'],
    });
    expect((await residentReceives).body).toBe(body);
  });

  it('redacts contact summaries and survey comments', async () => {
    const { chat, agent, visitor, cookie } = await acceptedChat(t);
    const ended = await agent.emitWithAck('conversation:end', {
      conversationId: chat.conversationId,
      summary: 'Took payment by phone; resident read out 4111 1111 1111 1111 exp 04/27',
    });
    expect(ended).toMatchObject({
      ok: true,
      conversation: {
        summary: 'Took payment by phone; resident read out [card number removed] exp [card details removed]',
      },
    });
    visitor.disconnect();

    const survey = await fetch(`${t.url}/api/visitor/conversation/survey`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ rating: 2, comment: 'I had to give my NI number AB123456C twice' }),
    });
    expect(survey.status).toBe(204);
    const rewritten = await fetch(`${t.url}/api/conversations/${chat.conversationId}/summary`, {
      method: 'PUT',
      headers: { ...json, cookie },
      body: JSON.stringify({ summary: 'Refund to sort code 20-00-00 account 55779911' }),
    });
    expect(rewritten.status).toBe(200);
    expect(((await rewritten.json()) as ConversationWithMessages).conversation.summary).toBe(
      'Refund to sort code [bank details removed] account [bank details removed]',
    );

    const { conversation } = await conversationAsStaff(t, cookie, chat.conversationId);
    expect(conversation.summary).toBe('Refund to sort code [bank details removed] account [bank details removed]');
    expect(conversation.survey).toEqual({
      rating: 2,
      comment: 'I had to give my NI number [National Insurance number removed] twice',
    });
  });
});

describe('a council that switches a kind of redaction off', () => {
  let t: TestApp;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-redaction-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: { topics: [{ id: 'bins', label: 'Bins and recycling' }], redaction: { cardNumbers: false } },
      }),
    );
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
  });
  afterAll(async () => t?.close());

  it('leaves card numbers in, and still removes the kinds that are on', async () => {
    expect(t.config.organisation.settings.redaction).toEqual({
      cardNumbers: false,
      bankDetails: true,
      nationalInsuranceNumbers: true,
    });
    const { visitor } = await acceptedChat(t);
    const ack = await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: `${withCard} My NI number is AB123456C`,
    });
    expect(ack).toMatchObject({
      ok: true,
      message: { body: `${withCard} My NI number is [National Insurance number removed]` },
      redactions: ['national-insurance-number'],
    });
  });
});
