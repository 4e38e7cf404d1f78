import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReferencePattern } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { caseClient } from './support/case-requests.ts';
import { exportCaseSubject } from '../src/features/rights/export-case-subject.ts';
import type { CasePage } from '@ward/protocol';

/** "Leave a message" (issue 11), driven as a browser without JavaScript: the widget's post, then the form. */
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

const post = (path: string, body: Record<string, string>) =>
  fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
    redirect: 'manual',
  });
const message = (extra: Record<string, string> = {}) => ({
  topic: 'bins',
  name: 'Ann Resident',
  email: '',
  message: 'My green bin was not collected on Tuesday',
  consent: 'yes',
  website: '',
  ...extra,
});
/** A browser following the redirect with the confirmation cookie it was given. */
const confirmation = async (posted: Response) => {
  expect(posted.status).toBe(303);
  const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await fetch(`${t.url}${posted.headers.get('location')}`, { headers: { cookie } })).text();
  const reference = new RegExp(caseReferencePattern.source.replace(/^\^|\$$/g, '')).exec(page)?.[0];
  return { page, reference };
};
const caseOf = (reference: string) =>
  t.app.db.selectFrom('cases').selectAll().where('case_reference', '=', reference).executeTakeFirstOrThrow();

describe('leaving a message instead of waiting', () => {
  it('opens a case in the topic’s department, emails the reference and ends the chat the resident was waiting in', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const start = await post('/leave-a-message/demo/start', { chat: chat.visitorToken, topic: 'bins' });
    expect(start.status).toBe(200);
    const form = await start.text();
    expect(form).toContain('<h1 class="govuk-heading-l">Leave a message</h1>');
    expect(form).toMatch(/name="topic" type="radio" value="bins" checked/);

    const mail = smtp.next();
    const sent = await confirmation(
      await post('/leave-a-message/demo', { chat: chat.visitorToken, ...message({ email: 'ann@example.com' }) }),
    );
    expect(sent.page).toContain('Message sent');
    expect(sent.page).toContain('We have sent you a confirmation email with your case reference.');
    const reference = sent.reference ?? '';
    const opened = await caseOf(reference);
    expect(opened).toMatchObject({ department_id: 'waste', channel: 'form', channel_detail: 'leave-a-message' });

    const received = await mail;
    expect(received.to).toBe('ann@example.com');
    expect(received.subject + received.text).toContain(reference);
    expect(received.text).toMatch(/privacy/i);

    const events = await t.app.db
      .selectFrom('contact_events')
      .select(['kind', 'department_id'])
      .where('contact_id', '=', opened.id)
      .execute();
    expect(events).toContainEqual({ kind: 'chat-left-message', department_id: 'waste' });
    // Reports (ADR 44): an out-of-hours message, whatever the hour; the chat was left a message, not abandoned.
    expect(events).toContainEqual({ kind: 'out-of-hours-received', department_id: 'waste' });
    const chatOutcome = await t.app.db
      .selectFrom('contact_events')
      .select(['kind', 'channel'])
      .where('contact_id', '=', chat.conversationId)
      .where('kind', 'in', ['chat-abandoned', 'chat-missed', 'chat-left-message'])
      .execute();
    expect(chatOutcome).toEqual([{ kind: 'chat-left-message', channel: 'chat' }]);
    // The first reply answers it, once, with the time it took.
    const admin = await t.signUpStaff({ role: 'admin' });
    const reply = () =>
      caseClient(t).call('POST', `/api/cases/${opened.id}/emails`, { cookie: admin.cookie }, { body: 'Thank you' });
    const replies = [smtp.next(), smtp.next()];
    expect((await reply()).status).toBe(201);
    expect((await reply()).status).toBe(201);
    await Promise.all(replies);
    const answered = await t.app.db
      .selectFrom('contact_events')
      .select(['channel', 'staff_id', 'value'])
      .where('contact_id', '=', opened.id)
      .where('kind', '=', 'out-of-hours-answered')
      .execute();
    expect(answered).toEqual([{ channel: 'form', staff_id: expect.any(String), value: expect.any(Number) }]);
    // The chat left the queue, and says why to anyone who reads it.
    const ended = await t.app.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(ended.status).toBe('ended');
    const socket = await t.agentSocket((await t.signUpStaff()).cookie);
    expect(socket.initial.waiting.map((w) => w.id)).not.toContain(chat.conversationId);
    // Sealed like every resident's words: not in the database as typed.
    const stored = await t.app.db.selectFrom('form_submissions').selectAll().where('case_id', '=', opened.id).execute();
    expect(JSON.stringify(stored)).not.toContain('green bin');
  });

  it('works without a chat or an email address: the reference is on the page to note', async () => {
    const page = await (await fetch(`${t.url}/leave-a-message/demo?topic=council-tax`)).text();
    expect(page).toMatch(/name="topic" type="radio" value="council-tax" checked/);
    const sent = await confirmation(await post('/leave-a-message/demo', message({ topic: 'council-tax' })));
    expect(sent.page).toContain('Make a note of your case reference.');
    expect(await caseOf(sent.reference ?? '')).toMatchObject({ department_id: 'council-tax' });
  });

  it('shows what to fix and keeps the chat waiting when the message is missing', async () => {
    const chat = await t.startChat({ topic: 'bins' });
    const refused = await post('/leave-a-message/demo', { chat: chat.visitorToken, ...message({ message: '' }) });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('There is a problem');
    expect(page).toContain(`name="chat" value="${chat.visitorToken}"`);
    const still = await t.app.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('waiting');
  });

  it('refuses a topic the council does not have, and a body it does not understand, with a 4xx', async () => {
    expect((await post('/leave-a-message/demo', message({ topic: 'nonsense' }))).status).toBe(400);
    expect((await post('/leave-a-message/demo', { ...message(), extra: 'x' })).status).toBe(400);
    expect((await post('/leave-a-message/elsewhere', message())).status).toBe(404);
  });
});

describe('the messages a department has to answer', () => {
  it('lists unanswered messages to that department’s staff only, and an email reply with the reference answers one', async () => {
    const client = caseClient(t);
    const waste = await client.staff('agent', ['waste']);
    const councilTax = await client.staff('agent', ['council-tax']);
    const mail = smtp.next();
    const sent = await confirmation(await post('/leave-a-message/demo', message({ email: 'ann@example.com' })));
    await mail; // the acknowledgement
    const reference = sent.reference ?? '';
    const opened = await caseOf(reference);
    const toAnswer = async (cookie: string, department = 'waste') => {
      const page = await client.call<CasePage>('GET', `/api/cases/departments/${department}?show=messages-to-answer`, {
        cookie,
      });
      return {
        status: page.status,
        references: page.status === 200 ? page.body.cases.map((c) => c.caseReference) : [],
      };
    };
    expect((await toAnswer(waste.cookie)).references).toContain(reference);
    // Another department's staff neither see the list nor find the message in their own.
    expect((await toAnswer(councilTax.cookie)).status).toBe(403);
    expect((await toAnswer(councilTax.cookie, 'council-tax')).references).not.toContain(reference);
    const theirs = await client.call(
      'POST',
      `/api/cases/${opened.id}/emails`,
      { cookie: councilTax.cookie },
      { body: 'Hello' },
    );
    expect(theirs.status).toBe(403);

    const answer = smtp.next();
    const replied = await client.call(
      'POST',
      `/api/cases/${opened.id}/emails`,
      { cookie: waste.cookie },
      { body: 'We will collect your green bin tomorrow.' },
    );
    expect(replied.status).toBe(201);
    const received = await answer;
    expect(received.to).toBe('ann@example.com');
    expect(received.subject).toContain(`[${reference}]`);
    expect(received.text).toContain('We will collect your green bin tomorrow.');
    expect((await toAnswer(waste.cookie)).references).not.toContain(reference);
    // Reading the address to write to is on the audit trail.
    const audited = await t.app.db
      .selectFrom('audit_events')
      .select(['reason'])
      .where('case_reference', '=', reference)
      .where('action', '=', 'read')
      .execute();
    expect(audited.map((a) => a.reason)).toContain('reply to a message left');
  });

  it('says plainly when a message left without an email address cannot be answered by email', async () => {
    const client = caseClient(t);
    const waste = await client.staff('agent', ['waste']);
    const sent = await confirmation(await post('/leave-a-message/demo', message()));
    const opened = await caseOf(sent.reference ?? '');
    const replied = await client.call<{ error: { message: string } }>(
      'POST',
      `/api/cases/${opened.id}/emails`,
      { cookie: waste.cookie },
      { body: 'Hello' },
    );
    expect(replied.status).toBe(409);
    expect(replied.body.error.message).toContain('no email');
  });
});

describe('a message left, and the resident’s rights', () => {
  it('is in the resident’s export pack, with the question each answer was to', async () => {
    const sent = await confirmation(
      await post(
        '/leave-a-message/demo',
        message({ email: 'cara@example.com', message: 'Please ring me about my bin' }),
      ),
    );
    const pack = await exportCaseSubject(t.app.ctx, sent.reference ?? '');
    const data = JSON.stringify(pack?.data);
    expect(data).toContain('Leave a message');
    expect(data).toContain('Your message');
    expect(data).toContain('Please ring me about my bin');
  });
});
