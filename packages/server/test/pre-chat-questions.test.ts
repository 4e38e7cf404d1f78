import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReferenceFromRandom, fieldMessages } from '@ward/protocol';
import type { ConversationWithMessages, OutboxEmail, WidgetConfig } from '@ward/protocol';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { writeOrganisationFile } from './support/organisation-file.ts';

const questions = [
  {
    id: 'landlord',
    label: 'Are you a landlord?',
    type: 'radios',
    options: ['Yes', 'No'],
    required: true,
    topics: ['housing'],
  },
  { id: 'account', label: 'Your account number', hint: 'On your bill', type: 'text', maxLength: 60 },
  // Online forms' other field types, asked about parking.
  ...[
    { id: 'reply-to', label: 'Email for a reply', type: 'email', required: true },
    { id: 'mobile', label: 'Mobile number', type: 'phone' },
    { id: 'postcode', label: 'Postcode of the street', type: 'postcode', required: true },
    { id: 'ticket-date', label: 'Date on the ticket', type: 'date', when: 'past', required: true },
    { id: 'zone', label: 'Parking zone', type: 'select', options: ['A', 'B'] },
    { id: 'resident', label: 'Do you hold a resident’s permit?', type: 'checkbox', required: true },
    { id: 'earlier', label: 'Case reference of an earlier contact', type: 'case-reference' },
  ].map((question) => ({ ...question, topics: ['parking'] })),
];
const account = 'Qzxvwy 12345 card 4111 1111 1111 1111';

describe('a council’s own pre-chat questions', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: { cookie: string; id: string };

  beforeAll(async () => {
    const file = await writeOrganisationFile({ preChatQuestions: questions });
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
    api = caseClient(t);
    agent = await api.staff('agent', ['housing', 'parking']);
  });
  afterAll(async () => t?.close());

  const start = (body: Record<string, unknown>) =>
    fetch(`${t.url}/api/widget/demo/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ann Resident', topic: 'housing', ...body }),
    });
  const chats = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('tells the widget which questions to ask', async () => {
    const config = (await (await fetch(`${t.url}/api/widget/demo/config`)).json()) as WidgetConfig;
    expect(config.preChatQuestions.slice(0, 2)).toEqual([
      {
        id: 'landlord',
        label: 'Are you a landlord?',
        hint: null,
        type: 'radios',
        options: ['Yes', 'No'],
        required: true,
        topics: ['housing'],
        maxLength: 200,
        when: 'any',
      },
      {
        id: 'account',
        label: 'Your account number',
        hint: 'On your bill',
        type: 'text',
        options: [],
        required: false,
        topics: null,
        maxLength: 60,
        when: 'any',
      },
    ]);
    expect(config.preChatQuestions.slice(2).map((q) => [q.type, q.when])).toEqual([
      ['email', 'any'],
      ['phone', 'any'],
      ['postcode', 'any'],
      ['date', 'past'],
      ['select', 'any'],
      ['checkbox', 'any'],
      ['case-reference', 'any'],
    ]);
  });

  it('keeps the answers sealed, with card numbers removed, and shows them to the adviser', async () => {
    const response = await start({ answers: { landlord: 'Yes', account } });
    expect(response.status).toBe(201);
    const chat = (await response.json()) as { conversationId: string };
    const socket = await t.agentSocket(agent.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    socket.disconnect();
    const view = await api.call<ConversationWithMessages>('GET', `/api/conversations/${chat.conversationId}`, agent);
    expect(view.body.conversation.preChatAnswers).toEqual([
      { label: 'Are you a landlord?', value: 'Yes' },
      { label: 'Your account number', value: expect.stringMatching(/^Qzxvwy 12345 card \[.+\]$/) },
    ]);
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain('pre_chat_answers');
    expect(dump.text.includes('Qzxvwy'), `an answer in the ${dump.how} dump`).toBe(false);

    // Retention clears them with the chat's other personal data.
    await t.app.db
      .updateTable('conversations')
      .set({ ended_at: new Date('2000-01-31T10:00:00Z'), status: 'ended' })
      .where('id', '=', chat.conversationId)
      .execute();
    await runRetention(t.app.ctx, { now: new Date(), jobId: `test-${randomUUID()}` });
    const row = await t.app.db
      .selectFrom('conversations')
      .select('pre_chat_answers')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(row.pre_chat_answers).toBeNull();
  });

  it('repeats the answers in the transcript the resident asks for', async () => {
    const chat = (await (await start({ answers: { landlord: 'No', account } })).json()) as {
      conversationId: string;
      visitorToken: string;
    };
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('conversation:end', {});
    const asked = await fetch(`${t.url}/api/visitor/conversation/transcript`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ email: 'ann@example.com' }),
    });
    expect(asked.status).toBe(202);
    // No SMTP in this test: the email goes to the outbox, which an administrator can read.
    const admin = await api.staff('admin');
    let emails: OutboxEmail[] = [];
    for (let attempt = 0; attempt < 50 && emails.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      emails = (await api.call<{ emails: OutboxEmail[] }>('GET', '/api/outbox', admin)).body.emails;
    }
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(
      'What you told us before the chat\nAre you a landlord?: No\nYour account number: Qzxvwy',
    );
    expect(emails[0]!.text).not.toContain('4111');
  });

  it('refuses a missing required answer, an unknown question and an answer not offered, starting nothing', async () => {
    const before = await chats();
    const refused = async (body: Record<string, unknown>) => {
      const response = await start(body);
      return {
        status: response.status,
        message: ((await response.json()) as { error: { message: string } }).error.message,
      };
    };
    expect(await refused({ answers: { account: '1' } })).toEqual({
      status: 400,
      message: 'Select an answer to “Are you a landlord?”',
    });
    expect(await refused({ answers: { landlord: 'Yes', ward: 'North' } })).toMatchObject({ status: 400 });
    expect(await refused({ answers: { landlord: 'Maybe' } })).toEqual({
      status: 400,
      message: 'Select one of the answers to “Are you a landlord?”',
    });
    // A question of another topic is not asked there, so its answer is refused too.
    expect(await refused({ topic: 'bins', answers: { landlord: 'Yes' } })).toMatchObject({ status: 400 });
    expect(await chats()).toBe(before);
    // Without a housing question, a bins chat starts with no answers at all.
    expect((await start({ topic: 'bins' })).status).toBe(201);
  });

  it('checks each of online forms’ field types as online forms do, refusing a wrong answer with its message', async () => {
    const before = await chats();
    const earlier = caseReferenceFromRandom([3, 1, 4, 1, 5, 9, 2]);
    const good = {
      'reply-to': 'ann@example.com',
      mobile: '07911 123456',
      postcode: 'sw1a1aa',
      'ticket-date': '2019-03-27',
      zone: 'B',
      resident: 'yes',
      earlier: earlier.toLowerCase(),
    };
    const refused = async (answers: Record<string, string>) => {
      const response = await start({ topic: 'parking', answers: { ...good, ...answers } });
      return [response.status, ((await response.json()) as { error: { message: string } }).error.message];
    };
    expect(await refused({ 'reply-to': 'ann@example' })).toEqual([400, fieldMessages.emailFormat]);
    expect(await refused({ mobile: '07700 900982' })).toEqual([400, fieldMessages.phoneFormat]);
    expect(await refused({ postcode: 'SW1A 1AK' })).toEqual([400, fieldMessages.postcodeFormat]);
    expect(await refused({ 'ticket-date': '2019-02-29' })).toEqual([400, 'Date on the ticket must be a real date']);
    expect(await refused({ 'ticket-date': '2999-01-01' })).toEqual([
      400,
      'Date on the ticket must be today or in the past',
    ]);
    expect(await refused({ zone: 'C' })).toEqual([400, 'Select one of the answers to “Parking zone”']);
    expect(await refused({ resident: 'no' })).toEqual([400, 'Select an answer to “Do you hold a resident’s permit?”']);
    expect(await refused({ earlier: 'ABCD-EFGH' })).toEqual([400, fieldMessages.caseReferenceFormat]);
    expect(await refused({ 'reply-to': '' })).toEqual([400, 'Enter an answer to “Email for a reply”']);
    expect(await chats()).toBe(before);

    const response = await start({ topic: 'parking', answers: good });
    expect(response.status).toBe(201);
    const chat = (await response.json()) as { conversationId: string };
    const socket = await t.agentSocket(agent.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    socket.disconnect();
    const view = await api.call<ConversationWithMessages>('GET', `/api/conversations/${chat.conversationId}`, agent);
    expect(view.body.conversation.preChatAnswers).toEqual([
      { label: 'Email for a reply', value: 'ann@example.com' },
      { label: 'Mobile number', value: '+447911123456' },
      { label: 'Postcode of the street', value: 'SW1A 1AA' },
      { label: 'Date on the ticket', value: '27 March 2019' },
      { label: 'Parking zone', value: 'B' },
      { label: 'Do you hold a resident’s permit?', value: 'Yes' },
      { label: 'Case reference of an earlier contact', value: earlier },
    ]);
  });
});
