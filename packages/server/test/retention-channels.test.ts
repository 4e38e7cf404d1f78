import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type { FormSubmissionView } from '@ward/protocol';
import { withChannelOutcomes } from '../src/features/retention/expire-channels.ts';
import { describeRun } from '../src/cli/retention-run.ts';
import { receiveEmail } from '../src/features/emails/receive-email.ts';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';
import { closedOn31January, justAfter, lastInstantKept, pdf, useRetentionApp } from './support/retention-app.ts';

describe('retention of cases, form answers and emails', () => {
  const k = useRetentionApp();
  const { run, logged, phoneContact, addNote, close, caseView, upcoming, retentionAudit, hex, stillStored } = k;

  it('clears a closed case’s summary and notes one calendar month after it closed (London), and never an open case’s', async () => {
    const closed = await phoneContact('Reported a dangerous wall qzxvwy', {
      name: 'Wall Resident',
      email: 'wall.qzxvwy@example.com',
    });
    await addNote(closed.caseId, 'Called back, inspection booked qzxvwy');
    await close(closed.caseId, closedOn31January);
    const open = await phoneContact('Still waiting for a repair qzxvwy');
    await addNote(open.caseId, 'Chased the contractor qzxvwy');
    await k.t.app.db
      .updateTable('cases')
      .set({ contacted_at: new Date('2000-01-01T00:00:00Z') })
      .where('id', '=', open.caseId)
      .execute();
    // Closed at 00:30 on 1 May in London (23:30 UTC on 30 April): kept to the end of 1 June in London.
    const bst = await phoneContact('Summer case qzxvwy');
    await close(bst.caseId, new Date('2099-04-30T23:30:00Z'));

    const stored = await k.t.app.db
      .selectFrom('cases')
      .select(['summary'])
      .where('id', '=', closed.caseId)
      .executeTakeFirstOrThrow();
    const entries = await k.t.app.db
      .selectFrom('case_entries')
      .select(['body'])
      .where('case_id', '=', closed.caseId)
      .where('body', 'is not', null)
      .execute();
    expect(entries.length).toBeGreaterThan(0);
    const ciphertexts = [hex(stored.summary), ...entries.map((e) => hex(e.body))];
    expect(await stillStored(ciphertexts)).toEqual(ciphertexts); // the check can see them while they are there

    await run(lastInstantKept);
    expect(await caseView(closed.caseId)).toMatchObject({ summary: 'Reported a dangerous wall qzxvwy' });

    const { jobId, outcomes } = await run(justAfter);
    const after = await caseView(closed.caseId);
    expect(after).toMatchObject({ caseReference: closed.caseReference, status: 'closed', summary: null });
    expect(after.entries.filter((e) => e.text !== null)).toEqual([]);
    expect(after.entries.map((e) => e.kind)).toContain('note'); // what happened stays, not what was written
    const row = await k.t.app.db
      .selectFrom('cases')
      .select(['summary', 'personal_data_deleted_at'])
      .where('id', '=', closed.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: null, personal_data_deleted_at: justAfter });
    expect(await stillStored(ciphertexts)).toEqual([]);

    expect(outcomes.find((o) => o.unit === 'cases')).toMatchObject({
      category: 'contact-summaries',
      count: 1,
      rule: 'contact-summaries: 1 month',
    });
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'contact-summaries', unit: 'cases', count: 1 })]),
    );
    expect(await retentionAudit(closed.caseId)).toEqual([
      {
        actor_kind: 'system',
        action: 'delete',
        purpose: 'retention',
        record_type: 'case',
        fields: ['summary', 'case_entries.body'],
        reason: `contact-summaries: 1 month (run ${jobId})`,
        case_reference: closed.caseReference,
      },
    ]);
    const log = JSON.stringify(await k.t.app.db.selectFrom('destruction_log').selectAll().execute());
    expect(log).not.toContain('qzxvwy');
    expect(log).not.toContain(closed.caseReference);

    await run(new Date('2099-06-01T22:59:59.999Z'));
    expect((await caseView(bst.caseId)).summary).toBe('Summer case qzxvwy');
    await run(new Date('2099-06-01T23:00:00.000Z'));
    expect((await caseView(bst.caseId)).summary).toBeNull();

    // Reopened, noted and closed again: the new note goes its period after the new closing.
    expect((await k.api.call('PUT', `/api/cases/${closed.caseId}/status`, k.agent, { status: 'open' })).status).toBe(
      200,
    );
    await addNote(closed.caseId, 'Wall fell again qzxvwy');
    await close(closed.caseId, new Date('2099-06-15T10:00:00Z'));
    await run(new Date('2099-07-15T22:59:59.999Z'));
    expect((await caseView(closed.caseId)).entries.map((e) => e.text)).toContain('Wall fell again qzxvwy');
    await run(new Date('2099-07-15T23:00:00.000Z'));
    expect((await caseView(closed.caseId)).entries.filter((e) => e.text !== null)).toEqual([]);

    // An open case is never expired, however old: staff are still working on it.
    await run(new Date('2105-01-01T00:00:00Z'));
    const stillOpen = await caseView(open.caseId);
    expect(stillOpen).toMatchObject({ summary: 'Still waiting for a repair qzxvwy' });
    expect(stillOpen.entries.map((e) => e.text)).toContain('Chased the contractor qzxvwy');
  });

  it('deletes form answers and the confirmation address their form’s period after the case closed', async () => {
    // The council keeps fault reports for its survey-answers period (12 months); other forms keep the default.
    const organisation = await k.t.app.db
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', k.t.app.ctx.organisation.id)
      .executeTakeFirstOrThrow();
    const settings = OrganisationSettings.parse(organisation.settings);
    settings.forms = settings.forms.map((form) =>
      form.id === 'report-a-fault' ? { ...form, retention: 'survey-answers' } : form,
    );
    await k.t.app.db
      .updateTable('organisations')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', k.t.app.ctx.organisation.id)
      .execute();

    const submit = async (formId: string, body: unknown) => {
      const response = await fetch(`${k.t.url}/api/forms/demo/${formId}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      const { caseReference } = (await response.json()) as { caseReference: string };
      return k.t.app.db
        .selectFrom('cases')
        .select(['id', 'case_reference'])
        .where('case_reference', '=', caseReference)
        .executeTakeFirstOrThrow();
    };
    const details = {
      answers: {
        name: 'Form Resident',
        email: 'form.qzxvwy@example.com',
        message: 'Please ring me about my bin qzxvwy',
      },
      consent: true,
    };
    const callBack = await submit('leave-your-details', details);
    const fault = await submit('report-a-fault', {
      answers: {
        faultType: 'pothole',
        location: { where: 'Mill Lane qzxvwy' },
        description: 'Deep hole qzxvwy',
        email: 'fault.qzxvwy@example.com',
      },
    });
    const stillOpen = await submit('leave-your-details', details);
    await close(callBack.id, closedOn31January);
    await close(fault.id, closedOn31January);
    const submission = (caseId: string) =>
      k.t.app.db.selectFrom('form_submissions').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const before = await submission(callBack.id);
    expect(before.confirmation_email).not.toBeNull();
    const view = async (caseId: string) =>
      (await k.api.call<FormSubmissionView>('GET', `/api/cases/${caseId}/form-submission`, k.admin)).body;

    const dry = await run(justAfter, true);
    expect(dry.outcomes.find((o) => o.unit === 'form submissions' && o.category === 'contact-summaries')).toMatchObject(
      { count: 1, oldestExpiry: lastInstantKept },
    );
    expect((await view(callBack.id)).erased).toBe(false);

    const { jobId } = await run(justAfter);
    const after = await submission(callBack.id);
    expect(after).toMatchObject({
      confirmation_email: null,
      personal_data_deleted_at: justAfter,
      form_id: 'leave-your-details',
      consent_given: true,
    });
    expect(after.answers.length).toBe(0);
    expect(await view(callBack.id)).toMatchObject({ erased: true, answers: [] });
    expect(await stillStored([hex(before.answers), hex(before.confirmation_email)])).toEqual([]);
    expect(await retentionAudit(after.id)).toMatchObject([
      {
        record_type: 'form_submission',
        fields: ['answers', 'confirmation_email'],
        case_reference: callBack.case_reference,
      },
    ]);
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'contact-summaries', unit: 'form submissions', count: 1 }),
        expect.objectContaining({
          category: 'survey-answers',
          unit: 'form submissions',
          count: 0,
          rule: 'survey-answers: 12 months',
        }),
      ]),
    );
    // The fault report is kept for its own category's period; the open case's answers are kept.
    expect((await view(fault.id)).erased).toBe(false);
    await run(new Date('2100-01-31T23:59:59.999Z'));
    expect((await view(fault.id)).erased).toBe(false);
    await run(new Date('2100-02-01T00:00:00.000Z'));
    expect((await view(fault.id)).erased).toBe(true);
    expect((await view(stillOpen.id)).erased).toBe(false);
  });

  it('deletes emails on cases and their attachments, counted apart under emails', async () => {
    const raw = await new MailComposer({
      from: 'mailer.qzxvwy@example.net',
      to: 'contact@council.example',
      subject: 'Fence qzxvwy',
      text: 'My fence fell down qzxvwy',
      messageId: `<${randomUUID()}@example.net>`,
      attachments: [{ filename: 'fence.pdf', content: pdf }],
    })
      .compile()
      .build();
    const received = await receiveEmail(k.t.app.ctx, raw, {
      addresses: ['contact@council.example'],
      maxAttachmentBytes: 1024 * 1024,
    });
    if (received.outcome !== 'stored') throw new Error(`email not stored: ${received.outcome}`);
    await k.t.app.db
      .updateTable('emails')
      .set({ received_at: closedOn31January })
      .where('id', '=', received.emailId)
      .execute();
    const before = await k.t.app.db
      .selectFrom('emails')
      .select(['body', 'subject'])
      .where('id', '=', received.emailId)
      .executeTakeFirstOrThrow();

    expect((await upcoming()).find((u) => u.item === 'email' && u.itemId === received.emailId)).toMatchObject({
      category: 'emails',
      caseId: received.caseId,
      expiresAt: lastInstantKept.toISOString(),
      held: false,
    });
    const dry = await run(justAfter, true);
    expect(dry.outcomes.filter((o) => o.category === 'emails').map((o) => [o.unit, o.count])).toEqual([
      ['emails', 1],
      ['attachments', 1],
    ]);
    const printed = describeRun(withChannelOutcomes(dry.conversations, dry.channels));
    expect(printed).toContain('Dry run: nothing was deleted');
    expect(printed).toMatch(/emails\s+1 email\s+\(emails: 1 month, oldest expired 2099-02-28 23:59:59 UTC\)/);
    expect(printed).toMatch(/emails\s+1 attachment\s+\(emails: 1 month/);
    expect(printed).not.toContain('qzxvwy');
    expect(
      (
        await k.t.app.db
          .selectFrom('emails')
          .select('body')
          .where('id', '=', received.emailId)
          .executeTakeFirstOrThrow()
      ).body,
    ).not.toBeNull();
    expect(await logged(dry.jobId)).toEqual([]);

    const { jobId } = await run(justAfter);
    expect(
      await k.t.app.db
        .selectFrom('emails')
        .select(['body', 'subject', 'from_address', 'personal_data_deleted_at'])
        .where('id', '=', received.emailId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      body: null,
      subject: null,
      from_address: null,
      personal_data_deleted_at: justAfter,
    });
    expect(
      await k.t.app.db
        .selectFrom('email_attachments')
        .select(['content', 'filename'])
        .where('email_id', '=', received.emailId)
        .execute(),
    ).toEqual([{ content: null, filename: null }]);
    expect(await stillStored([hex(before.body), hex(before.subject)])).toEqual([]);
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'emails', unit: 'emails', count: 1, rule: 'emails: 1 month' }),
        expect.objectContaining({ category: 'emails', unit: 'attachments', count: 1 }),
      ]),
    );
    expect(await retentionAudit(received.emailId)).toMatchObject([
      { record_type: 'email', reason: `emails: 1 month (run ${jobId})` },
    ]);
  });
});
