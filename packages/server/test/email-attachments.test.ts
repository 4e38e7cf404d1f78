import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEmail, CaseEmailsResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { freePort } from '../src/shared/free-port.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Title (pdfcanary-ykmrtz) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

describe('email attachments', () => {
  let t: TestApp;
  let port: number;
  let email: CaseEmail;
  let staff: { cookie: string };
  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({
      env: { WARD_MAIL_INTAKE_PORT: String(port), WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' },
    });
    const relay = (mail: Mail.Options) =>
      nodemailer
        .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
        .sendMail({ to: 'contact@council.example', ...mail });
    await relay({
      from: 'attacher@example.net',
      subject: 'My bill',
      text: 'Bill attached',
      messageId: `<${randomUUID()}@example.net>`,
      attachments: [
        { filename: 'Council tax bill ykmrtz – März.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'invoice.pdf', content: exe, contentType: 'application/pdf' },
      ],
    });
    staff = await t.signUpStaff();
    const row = await t.app.db.selectFrom('emails').select('case_id').executeTakeFirstOrThrow();
    const response = await fetch(`${t.url}/api/cases/${row.case_id}/emails`, { headers: { cookie: staff.cookie } });
    email = ((await response.json()) as CaseEmailsResponse).emails[0]!;
  });
  afterAll(async () => {
    await t?.close();
  });

  const download = (cookie: string, emailId = email.id, attachmentId = email.attachments[0]?.id) =>
    fetch(`${t.url}/api/emails/${emailId}/attachments/${attachmentId}`, { headers: { cookie } });

  it('keeps an allowed PDF, encrypted, and refuses a program renamed .pdf by its content', async () => {
    expect(email.attachments).toEqual([
      {
        id: expect.any(String),
        filename: 'Council tax bill ykmrtz – März.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
      },
    ]);
    expect(email.refusedAttachments).toEqual([{ filename: 'invoice.pdf', reason: 'type-not-allowed' }]);
    const stored = await t.app.db.selectFrom('email_attachments').select(['content', 'filename']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.content!.includes(Buffer.from('pdfcanary-ykmrtz'))).toBe(false);
    expect(stored[0]!.content!.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored[0]!.filename!.includes(Buffer.from('ykmrtz'))).toBe(false);
  });

  it('serves it to staff only as a download, with its detected type, and audits it', async () => {
    const response = await download(staff.cookie);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Council tax bill ykmrtz _ M_rz.pdf"; filename*=UTF-8''Council%20tax%20bill%20ykmrtz%20%E2%80%93%20M%C3%A4rz.pdf`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'action', 'fields'])
      .where('record_type', '=', 'email_attachment')
      .execute();
    expect(audit).toEqual([
      { actor_kind: 'staff', action: 'export', fields: ['email_attachments.filename', 'email_attachments.content'] },
    ]);
  });

  it('refuses residents, other departments’ agents, and ids that do not fit', async () => {
    expect((await fetch(`${t.url}/api/emails/${email.id}/attachments/${email.attachments[0]!.id}`)).status).toBe(401);
    const housing = await t.signUpStaff();
    const housingStaff = await t.app.db
      .selectFrom('staff')
      .select('id')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['housing'] })
      .where('id', '=', housingStaff.id)
      .execute();
    const refused = await download(housing.cookie);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(
      (await fetch(`${t.url}/api/cases/${email.caseId}/emails`, { headers: { cookie: housing.cookie } })).status,
    ).toBe(403);
    expect((await download(staff.cookie, email.id, randomUUID())).status).toBe(404);
    expect((await download(staff.cookie, randomUUID(), email.attachments[0]!.id)).status).toBe(404);
    expect((await download(staff.cookie, 'not-an-id')).status).toBe(400);
    const audit = await t.app.db
      .selectFrom('audit_events')
      .select('id')
      .where('record_type', '=', 'email_attachment')
      .execute();
    expect(audit).toHaveLength(1); // refused downloads read nothing
  });
});
