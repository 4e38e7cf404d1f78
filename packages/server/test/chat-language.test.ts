import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationWithMessages, Message, WidgetConfig } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { writeOrganisationFile } from './support/organisation-file.ts';

/** A council in Wales: some texts in both languages, some in English only (ADR 49). */
const settings = {
  topics: [
    { id: 'council-tax', label: { en: 'Council Tax', cy: 'Treth Gyngor' }, department: 'council-tax' },
    { id: 'bins', label: 'Bins and recycling', department: 'waste' },
  ],
  consent: {
    privacyNoticeUrl: 'https://example.gov.uk/privacy',
    summary: { en: 'We use what you tell us to answer you.', cy: 'Rydym yn defnyddio’r hyn a ddywedwch i’ch ateb.' },
  },
  optIns: [
    { id: 'service-updates', label: { en: 'Email me about services', cy: 'Anfonwch e-bost ataf am wasanaethau' } },
  ],
};

describe('a chat in Welsh (issue 13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: await writeOrganisationFile(settings) } });
  });
  afterAll(() => t?.close());

  const config = async (query: string) => {
    const response = await fetch(`${t.url}/api/widget/demo/config${query}`);
    return { status: response.status, body: (await response.json()) as WidgetConfig & { error?: { code: string } } };
  };
  const start = (body: Record<string, unknown>) =>
    fetch(`${t.url}/api/widget/demo/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Siân Preswylydd', topic: 'council-tax', consent: true, ...body }),
    });
  const chats = async () => (await t.ownerDb.selectFrom('conversations').select('language').execute()).length;

  it('gives the widget the council’s texts in Welsh, in English where the council gave no Welsh', async () => {
    const welsh = await config('?language=cy');
    expect(welsh.status).toBe(200);
    expect(welsh.body.topics.map((topic) => topic.label)).toEqual(['Treth Gyngor', 'Bins and recycling']);
    expect(welsh.body.consent?.summary).toBe('Rydym yn defnyddio’r hyn a ddywedwch i’ch ateb.');
    expect(welsh.body.optIns).toEqual([{ id: 'service-updates', label: 'Anfonwch e-bost ataf am wasanaethau' }]);
    for (const query of ['', '?language=en']) {
      const english = await config(query);
      expect(english.body.topics.map((topic) => topic.label)).toEqual(['Council Tax', 'Bins and recycling']);
      expect(english.body.consent?.summary).toBe('We use what you tell us to answer you.');
    }
    const french = await config('?language=fr');
    expect(french.status).toBe(400);
    expect(french.body.error?.code).toBe('bad_request');
  });

  it('refuses a language it does not offer, starting nothing', async () => {
    const before = await chats();
    for (const language of ['fr', 'CY', '', 7, null]) {
      const refused = await start({ language });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect(await chats()).toBe(before);
  });

  it('writes Ward’s lines in the chat in Welsh, and shows advisers the chat is in Welsh', async () => {
    const started = await start({ language: 'cy' });
    expect(started.status).toBe(201);
    const chat = (await started.json()) as { conversationId: string; caseReference: string; visitorToken: string };
    const lines: Message[] = [];
    const visitor = await t.visitorSocket(chat.visitorToken);
    visitor.on('message', (message) => lines.push(message));

    const { cookie } = await t.signUpStaff({ firstName: 'Sam' });
    const agent = await t.agentSocket(cookie);
    const queued = agent.initial.waiting.find((item) => item.caseReference === chat.caseReference);
    expect(queued?.language).toBe('cy');
    const accepted = await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.conversation.language).toBe('cy');
    expect(accepted.conversation.topicLabel).toBe('Council Tax');

    const ended = await visitor.emitWithAck('conversation:end', {});
    expect(ended.ok).toBe(true);
    for (let i = 0; i < 50 && lines.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(lines.map((line) => line.body)).toEqual(['Mae Sam wedi ymuno â’r sgwrs', 'Mae’r sgwrs wedi dod i ben']);

    const details = await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
      headers: { cookie },
    });
    expect(((await details.json()) as ConversationWithMessages).conversation.language).toBe('cy');
    // The consent is recorded in the words the resident read and ticked.
    const consent = await t.ownerDb
      .selectFrom('consents')
      .select('wording')
      .where('conversation_id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(consent.wording).toContain('Rydym yn defnyddio’r hyn a ddywedwch i’ch ateb.');
    expect(consent.wording).toContain('Rwyf wedi darllen sut y bydd fy ngwybodaeth yn cael ei defnyddio');
    visitor.disconnect();
    agent.disconnect();
  });

  it('starts a chat in English when the widget names no language, as before', async () => {
    const started = await start({});
    expect(started.status).toBe(201);
    const { conversationId } = (await started.json()) as { conversationId: string };
    const row = await t.ownerDb
      .selectFrom('conversations')
      .select('language')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('en');
  });
});
