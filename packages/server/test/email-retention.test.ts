import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEmailsResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { receiveEmail } from '../src/features/emails/receive-email.ts';
import { deleteExpiredEmails } from '../src/features/emails/delete-expired-emails.ts';

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('deleting expired emails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const receive = async (mail: Mail.Options) => {
    const raw = await new MailComposer({
      to: 'contact@council.example',
      messageId: `<${randomUUID()}@example.net>`,
      ...mail,
    })
      .compile()
      .build();
    return {
      raw,
      received: await receiveEmail(t.app.ctx, raw, {
        addresses: ['contact@council.example'],
        maxAttachmentBytes: 1024 * 1024,
      }),
    };
  };

  it('deletes the personal data of emails older than the cut-off, except those under a legal hold', async () => {
    const old = await receive({
      from: 'old@example.net',
      subject: 'Old',
      text: 'old body',
      attachments: [{ filename: 'a.pdf', content: pdf }],
    });
    const held = await receive({ from: 'held@example.net', subject: 'Held', text: 'held body' });
    const recent = await receive({ from: 'recent@example.net', subject: 'Recent', text: 'recent body' });
    const longAgo = new Date('2020-01-15T12:00:00Z');
    await t.app.db
      .updateTable('emails')
      .set({ received_at: longAgo })
      .where('id', 'in', [old.received.emailId, held.received.emailId])
      .execute();

    const admin = await t.signUpStaff({ role: 'admin' });
    const adminRow = await t.app.db
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const heldSubject = await t.app.db
      .selectFrom('cases')
      .select('data_subject_id')
      .where('id', '=', held.received.caseId)
      .executeTakeFirstOrThrow();
    await t.app.db
      .insertInto('retention_holds')
      .values({
        organisation_id: t.app.ctx.organisation.id,
        data_subject_id: heldSubject.data_subject_id,
        conversation_id: null,
        reason: 'Complaint',
        placed_by: adminRow.id,
      })
      .execute();

    const scope = {
      organisationId: t.app.ctx.organisation.id,
      cutoff: new Date('2021-01-01T00:00:00Z'),
      now: new Date(),
      reason: 'emails: 1 month (test)',
      batchSize: 1,
    };
    expect(await deleteExpiredEmails(t.app.db, scope)).toEqual({ emails: 1, attachments: 1 });
    expect(await deleteExpiredEmails(t.app.db, scope)).toEqual({ emails: 0, attachments: 0 });

    const rows = await t.app.db
      .selectFrom('emails')
      .select(['id', 'body', 'from_address', 'subject', 'personal_data_deleted_at'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.received.emailId)).toMatchObject({
      body: null,
      from_address: null,
      subject: null,
      personal_data_deleted_at: expect.any(Date),
    });
    expect(byId.get(held.received.emailId)?.body).not.toBeNull();
    expect(byId.get(recent.received.emailId)?.body).not.toBeNull();
    const attachment = await t.app.db
      .selectFrom('email_attachments')
      .select(['content', 'filename', 'size'])
      .executeTakeFirstOrThrow();
    expect(attachment).toEqual({ content: null, filename: null, size: pdf.length });

    // Staff see that it was there, not what it said.
    const list = (await (
      await fetch(`${t.url}/api/cases/${old.received.caseId}/emails`, { headers: { cookie: admin.cookie } })
    ).json()) as CaseEmailsResponse;
    expect(list.emails).toMatchObject([{ personalDataDeleted: true, body: '', from: '', attachments: [] }]);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'purpose', 'reason'])
      .where('action', '=', 'delete')
      .where('record_id', '=', old.received.emailId)
      .execute();
    expect(audit).toEqual([{ actor_kind: 'system', purpose: 'retention', reason: 'emails: 1 month (test)' }]);

    // A relay delivering the deleted email again long after is still recognised, not stored anew.
    expect(
      await receiveEmail(t.app.ctx, old.raw, {
        addresses: ['contact@council.example'],
        maxAttachmentBytes: 1024 * 1024,
      }),
    ).toMatchObject({ outcome: 'duplicate', emailId: old.received.emailId });
  });
});
