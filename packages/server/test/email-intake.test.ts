import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEmailsResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { freePort } from '../src/shared/free-port.ts';

// Values no real email would contain: finding one in the database dump means it leaked.
const canaries = {
  sender: 'canary.sender.wqpzjv@example.net',
  senderName: 'Wqpzjv Canaryresident',
  subject: 'Overflowing bins wqpzjv',
  body: 'The bins on my road have overflowed for a week wqpzjv',
};

describe('email intake over SMTP', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({
      env: {
        WARD_MAIL_INTAKE_PORT: String(port),
        WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example',
        WARD_MAIL_MAX_MESSAGE_BYTES: String(200 * 1024),
        WARD_MAIL_MAX_ATTACHMENT_BYTES: String(100 * 1024),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The council's relay forwarding an email to Ward: a real SMTP conversation. */
  const relay = (mail: Mail.Options) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ to: 'contact@council.example', ...mail });

  async function emailsOf(caseId: string, cookie: string): Promise<CaseEmailsResponse['emails']> {
    const response = await fetch(`${t.url}/api/cases/${caseId}/emails`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return ((await response.json()) as CaseEmailsResponse).emails;
  }

  it('turns a resident’s email into a record and a case, and a reply quoting the reference joins that case', async () => {
    const first = await relay({
      from: `"${canaries.senderName}" <${canaries.sender}>`,
      subject: canaries.subject,
      text: canaries.body,
      messageId: `<${randomUUID()}@example.net>`,
    });
    expect(first.accepted).toEqual(['contact@council.example']);
    const opened = await t.app.db.selectFrom('cases').selectAll().where('channel', '=', 'email').execute();
    expect(opened).toHaveLength(1);
    const theCase = opened[0]!;
    expect(theCase).toMatchObject({ topic: 'Email', department_id: 'customer-services', created_by: 'system:email' });
    expect(theCase.record_id).not.toBeNull();

    await relay({
      from: canaries.sender,
      subject: `RE: Overflowing bins [${theCase.case_reference.toLowerCase()}]`,
      text: 'Still not emptied',
      messageId: `<${randomUUID()}@example.net>`,
    });
    expect(await t.app.db.selectFrom('cases').select('id').where('channel', '=', 'email').execute()).toHaveLength(1);

    const staff = await t.signUpStaff();
    const emails = await emailsOf(theCase.id, staff.cookie);
    expect(emails.map((e) => [e.direction, e.from, e.to, e.subject, e.body])).toEqual([
      ['in', canaries.sender, 'contact@council.example', canaries.subject, canaries.body],
      [
        'in',
        canaries.sender,
        'contact@council.example',
        `RE: Overflowing bins [${theCase.case_reference.toLowerCase()}]`,
        'Still not emptied',
      ],
    ]);
    expect(emails.every((e) => e.caseReference === theCase.case_reference && e.status === 'received')).toBe(true);

    // A later email from the same address, without a reference, is a new case on the same record.
    await relay({
      from: canaries.sender,
      subject: 'Parking permit',
      text: 'How do I renew?',
      messageId: `<${randomUUID()}@example.net>`,
    });
    const cases = await t.app.db.selectFrom('cases').select(['record_id']).where('channel', '=', 'email').execute();
    expect(cases).toHaveLength(2);
    expect(new Set(cases.map((c) => c.record_id))).toEqual(new Set([theCase.record_id]));

    // Ward's creation and the staff read are both in the audit trail, without values.
    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'action', 'record_type', 'case_reference', 'fields'])
      .where('record_type', '=', 'email')
      .execute();
    expect(audit.filter((a) => a.actor_kind === 'system' && a.action === 'create')).toHaveLength(3);
    expect(
      audit.filter(
        (a) => a.actor_kind === 'staff' && a.action === 'read' && a.case_reference === theCase.case_reference,
      ),
    ).toHaveLength(2);
    expect(audit[0]!.fields).toContain('body');
  });

  it('removes a card number from the body and the subject before storing', async () => {
    const sent = await relay({
      from: 'payer@example.net',
      subject: 'Pay with 4111 1111 1111 1111',
      text: 'My card is 4111 1111 1111 1111, expiry 09/29, please take £40',
      messageId: `<${randomUUID()}@example.net>`,
    });
    expect(sent.accepted).toHaveLength(1);
    const staff = await t.signUpStaff();
    const row = await t.app.db
      .selectFrom('emails')
      .select(['case_id', 'redactions'])
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.redactions).toEqual(['card-number']);
    const [email] = await emailsOf(row.case_id, staff.cookie);
    expect(email!.body).not.toMatch(/4111/);
    expect(email!.body).toContain('[card number removed]');
    expect(email!.subject).toBe('Pay with [card number removed]');
    expect(email!.redactions).toEqual(['card-number']);
  });

  it('keeps only text from an HTML email, never the HTML', async () => {
    await relay({
      from: 'html@example.net',
      subject: 'Fly-tipping',
      html: '<p>Rubbish dumped <b>behind the shops</b></p><script>alert(1)</script><style>p{color:red}</style>',
      messageId: `<${randomUUID()}@example.net>`,
    });
    const row = await t.app.db
      .selectFrom('emails')
      .select('case_id')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const [email] = await emailsOf(row.case_id, (await t.signUpStaff()).cookie);
    expect(email!.body).toBe('Rubbish dumped behind the shops');
  });

  it('stores an email once however many times the relay delivers it', async () => {
    const messageId = `<${randomUUID()}@example.net>`;
    const mail = { from: 'retry@example.net', subject: 'Noise complaint', text: 'Loud music every night', messageId };
    await relay(mail);
    const before = await t.app.db
      .selectFrom('emails')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await relay(mail);
    expect(again.accepted).toHaveLength(1); // accepted, so the relay stops retrying…
    const after = await t.app.db
      .selectFrom('emails')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n)); // …but nothing new is stored
  });

  it('refuses mail for addresses it does not receive for, and messages over the size limit', async () => {
    const count = async () =>
      Number(
        (
          await t.app.db
            .selectFrom('emails')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      relay({ to: 'someone-else@council.example', from: 'a@example.net', subject: 'x', text: 'y' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    const big = Buffer.alloc(300 * 1024, 'a');
    await expect(
      relay({
        from: 'a@example.net',
        subject: 'big',
        text: 'see attached',
        attachments: [{ filename: 'big.txt', content: big }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await count()).toBe(before);
  });

  it('keeps no plaintext of the email anywhere in a dump of the whole database', async () => {
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain('system:email'); // the dump is real
    for (const [what, value] of Object.entries(canaries)) {
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${what} found in the ${dump.how} dump`).toBe(
        false,
      );
    }
  });
});
