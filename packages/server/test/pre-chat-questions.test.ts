import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationWithMessages, WidgetConfig } from '@ward/protocol';
import { defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';

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
];
const account = 'Qzxvwy 12345 card 4111 1111 1111 1111';

describe('a council’s own pre-chat questions', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: { cookie: string; id: string };

  beforeAll(async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ward-questions-')), 'organisation.json');
    const { slug, name, settings } = defaultOrganisation;
    await writeFile(
      file,
      JSON.stringify({ slug, name, settings: { topics: settings.topics, preChatQuestions: questions } }),
    );
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
    api = caseClient(t);
    agent = await api.staff('agent', ['housing']);
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
    expect(config.preChatQuestions).toEqual([
      {
        id: 'landlord',
        label: 'Are you a landlord?',
        hint: null,
        type: 'radios',
        options: ['Yes', 'No'],
        required: true,
        topics: ['housing'],
        maxLength: 200,
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
      },
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
});
