import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEmail, CaseEmailsResponse, ReplyEmailResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { freePort } from '../src/shared/free-port.ts';

async function startWardWithIntake(
  smtpUrl: string,
): Promise<{ t: TestApp; relay: (mail: Mail.Options) => Promise<unknown> }> {
  const port = await freePort();
  const t = await startTestApp({
    env: {
      SMTP_URL: smtpUrl,
      WARD_MAIL_FROM: 'Demo Council <no-reply@council.example>',
      WARD_MAIL_INTAKE_PORT: String(port),
      WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example',
    },
  });
  const relay = (mail: Mail.Options) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ to: 'contact@council.example', ...mail });
  return { t, relay };
}

const post = (t: TestApp, cookie: string, caseId: string, body: unknown) =>
  fetch(`${t.url}/api/cases/${caseId}/emails`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function emailsOf(t: TestApp, caseId: string, cookie: string): Promise<CaseEmail[]> {
  return (
    (await (await fetch(`${t.url}/api/cases/${caseId}/emails`, { headers: { cookie } })).json()) as CaseEmailsResponse
  ).emails;
}

describe('staff replies by email', () => {
  let t: TestApp;
  let relay: (mail: Mail.Options) => Promise<unknown>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ t, relay } = await startWardWithIntake(sink.url));
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('sends the reply to the resident with the case reference in the subject, and their answer comes back to the case', async () => {
    await relay({
      from: 'Rita Resident <rita.resident@example.net>',
      subject: 'Missed collection',
      text: 'My bin was missed',
      messageId: `<${randomUUID()}@example.net>`,
    });
    const theCase = await t.app.db
      .selectFrom('cases')
      .select(['id', 'case_reference'])
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const staff = await t.signUpStaff();

    const arrived = sink.next();
    const response = await post(t, staff.cookie, theCase.id, {
      body: 'We will collect it tomorrow. Do not send your card 4111 1111 1111 1111 by email.',
    });
    expect(response.status).toBe(201);
    const { email } = (await response.json()) as ReplyEmailResponse;
    expect(email).toMatchObject({
      direction: 'out',
      status: 'queued',
      to: 'rita.resident@example.net',
      subject: `Re: Missed collection [${theCase.case_reference}]`,
      redactions: ['card-number'],
    });

    const mail = await arrived;
    expect(mail.to).toBe('rita.resident@example.net');
    expect(mail.subject).toBe(`Re: Missed collection [${theCase.case_reference}]`);
    expect(mail.text).toContain('We will collect it tomorrow.');
    expect(mail.text).not.toMatch(/4111/);

    // Marked sent once the SMTP server took it.
    for (let i = 0; i < 100 && (await emailsOf(t, theCase.id, staff.cookie)).at(-1)?.status !== 'sent'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await emailsOf(t, theCase.id, staff.cookie)).map((e) => [e.direction, e.status])).toEqual([
      ['in', 'received'],
      ['out', 'sent'],
    ]);

    await relay({
      from: 'rita.resident@example.net',
      subject: mail.subject.replace(/^Re:/, 'RE: Re:'),
      text: 'Thank you',
      messageId: `<${randomUUID()}@example.net>`,
    });
    const emails = await emailsOf(t, theCase.id, staff.cookie);
    expect(emails.map((e) => e.direction)).toEqual(['in', 'out', 'in']);
    expect(await t.app.db.selectFrom('cases').select('id').where('channel', '=', 'email').execute()).toHaveLength(1);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'action'])
      .where('record_type', '=', 'email')
      .where('record_id', '=', email.id)
      .where('action', '!=', 'read')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor_kind: 'staff', action: 'create' },
      { actor_kind: 'system', action: 'export' },
    ]);
  });

  it('refuses an empty reply, a case without an email to answer, and a case of another department', async () => {
    const staff = await t.signUpStaff();
    const theCase = await t.app.db
      .selectFrom('cases')
      .select('id')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const before = (await t.app.db.selectFrom('emails').select('id').execute()).length;

    const empty = await post(t, staff.cookie, theCase.id, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('Write your reply');
    expect((await post(t, staff.cookie, theCase.id, { body: 'x'.repeat(20001) })).status).toBe(400);
    expect((await post(t, staff.cookie, randomUUID(), { body: 'Hello' })).status).toBe(404);

    const chat = await t.startChat();
    const chatCase = await t.app.db
      .selectFrom('cases')
      .select('id')
      .where('conversation_id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    const noEmail = await post(t, staff.cookie, chatCase.id, { body: 'Hello' });
    expect(noEmail.status).toBe(409);

    const other = await t.signUpStaff();
    const otherRow = await t.app.db
      .selectFrom('staff')
      .select('id')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['parking'] })
      .where('id', '=', otherRow.id)
      .execute();
    expect((await post(t, other.cookie, theCase.id, { body: 'Hello' })).status).toBe(403);

    expect((await t.app.db.selectFrom('emails').select('id').execute()).length).toBe(before);
  });
});

describe('reply threading', () => {
  let t: TestApp;
  let relay: (mail: Mail.Options) => Promise<unknown>;
  let server: SMTPServer;
  const received: ParsedMail[] = [];
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((parsed) => {
          received.push(parsed);
          callback();
        }, callback);
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    ({ t, relay } = await startWardWithIntake(`smtp://127.0.0.1:${port}`));
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('answers in the resident’s thread, and asks for replies at the intake address', async () => {
    const residentMessageId = `<${randomUUID()}@example.net>`;
    await relay({
      from: 'tom@example.net',
      subject: 'Street light out',
      text: 'Outside number 4',
      messageId: residentMessageId,
    });
    const theCase = await t.app.db
      .selectFrom('cases')
      .select('id')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const staff = await t.signUpStaff();
    expect((await post(t, staff.cookie, theCase.id, { body: 'Reported to highways' })).status).toBe(201);
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [mail] = received;
    expect(mail?.inReplyTo).toBe(residentMessageId);
    expect(mail?.references).toBe(residentMessageId);
    expect(mail?.replyTo?.value[0]?.address).toBe('contact@council.example');
    expect(mail?.messageId).toMatch(/@council\.example>$/);
  });
});
