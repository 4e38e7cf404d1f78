import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactionMarkers, type FormSubmissionView } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { dumpDatabase } from './support/dump-database.ts';

/** The JSON API, and what a submission leaves behind: record, case, sealed answers, audit, email. */
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_MAIL_FROM: 'Demo Council <forms@demo.example>' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const submit = (
  formId: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
  fetch(`${t.url}/api/forms/demo/${formId}/submissions`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const caseOf = (reference: string) =>
  t.app.db.selectFrom('cases').selectAll().where('case_reference', '=', reference).executeTakeFirstOrThrow();
const formCases = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('channel', '=', 'form')
        .executeTakeFirstOrThrow()
    ).n,
  );

const details = {
  name: 'Ann Resident',
  email: 'ann@example.com',
  message: 'My bin was not collected, card 4111 1111 1111 1111',
};

describe('sending a form through the API', () => {
  it('creates a record and a case, seals the answers, audits it, and emails the case reference', async () => {
    const mail = smtp.next();
    const response = await submit('leave-your-details', { answers: details, consent: true });
    expect(response.status).toBe(201);
    const { caseReference } = (await response.json()) as { caseReference: string };

    const opened = await caseOf(caseReference);
    expect(opened).toMatchObject({
      channel: 'form',
      channel_detail: 'leave-your-details',
      department_id: 'customer-services',
      topic: 'Call-back request',
    });
    expect(opened.record_id).not.toBeNull();
    const record = await t.app.db
      .selectFrom('customer_records')
      .selectAll()
      .where('id', '=', opened.record_id!)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ created_by: 'system:form', data_subject_id: opened.data_subject_id });
    const kinds = await t.app.db
      .selectFrom('record_details')
      .select('kind')
      .where('record_id', '=', record.id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['email', 'name']);
    const submission = await t.app.db
      .selectFrom('form_submissions')
      .selectAll()
      .where('case_id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(submission).toMatchObject({
      form_id: 'leave-your-details',
      consent_given: true,
      data_subject_id: opened.data_subject_id,
    });

    const received = await mail;
    expect(received.to).toBe('ann@example.com');
    expect(received.subject).toBe(`Leave your details for us to reply – case reference ${caseReference}`);
    expect(received.text).toContain(`Your case reference is ${caseReference}`);
    expect(received.text).not.toContain('My bin was not collected');

    // Nothing the resident typed is anywhere in the database as plain text, and the card number nowhere at all.
    const { text } = await dumpDatabase(t.databaseUrl);
    for (const plain of ['Ann Resident', 'ann@example.com', 'My bin was not collected', '4111 1111 1111 1111'])
      expect(text).not.toContain(plain);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_reference', '=', caseReference)
      .orderBy('id')
      .execute();
    expect(audit.map((e) => [e.actor_kind, e.action, e.record_type, e.purpose])).toEqual([
      ['system', 'create', 'customer_record', 'form-submission'],
      ['system', 'create', 'case', 'form-submission'],
      ['system', 'create', 'form_submission', 'form-submission'],
      ['system', 'export', 'form_submission', 'form-submission'],
    ]);
    expect(audit[2]!.fields).toEqual(['answers.name', 'answers.email', 'answers.message', 'confirmation_email']);
  });

  it('lists the fields to fix with a 400, and stores nothing for bad or hostile input', async () => {
    const before = await formCases();
    const invalid = await submit('leave-your-details', {
      answers: { name: '', email: 'nope', message: 'x'.repeat(2001) },
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as {
      error: { code: string; fields: Array<{ field: string; message: string }> };
    };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.fields).toEqual([
      { field: 'name', message: 'Enter your name' },
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'message', message: 'Your message must be 2000 characters or less' },
      { field: 'consent', message: 'Confirm that you have read how we use your information' },
    ]);
    const unknown = await submit('leave-your-details', { answers: { ...details, role: 'admin' }, consent: true });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'The answers include a question this form does not ask',
    );
    expect((await submit('leave-your-details', { answers: details, consent: true, extra: 1 })).status).toBe(400);
    expect(
      (await submit('leave-your-details', { answers: { ...details, message: { where: 'x' } }, consent: true })).status,
    ).toBe(400);
    expect((await submit('leave-your-details', { answers: 'everything' })).status).toBe(400);
    expect(
      (await submit('leave-your-details', { answers: { ...details, message: 'x'.repeat(60 * 1024) }, consent: true }))
        .status,
    ).toBe(400);
    expect((await submit('leave-your-details', 'x'.repeat(70 * 1024))).status).toBe(413);
    expect(
      (await submit('leave-your-details', 'name=Ann', { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    expect((await submit('no-such-form', { answers: details })).status).toBe(404);
    expect(
      (
        await fetch(`${t.url}/api/forms/elsewhere/report-a-fault/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answers: {} }),
        })
      ).status,
    ).toBe(404);
    expect(await formCases()).toBe(before);
  });

  it('still sends the confirmation when the process stopped before queueing it', { timeout: 30_000 }, async () => {
    const first = smtp.next();
    const response = await submit('leave-your-details', {
      answers: { ...details, email: 'lost.job@example.com' },
      consent: true,
    });
    const { caseReference } = (await response.json()) as { caseReference: string };
    await first;
    // As if Ward had stopped between the commit and queueing the email: never sent, and a while ago.
    const { id } = await t.app.db
      .selectFrom('form_submissions')
      .select('id')
      .where('case_id', '=', (await caseOf(caseReference)).id)
      .executeTakeFirstOrThrow();
    // First let the normal job finish, so it cannot mark the row sent after we clear it.
    const jobState = async () =>
      (
        await sql<{
          state: string;
        }>`SELECT state FROM ward_jobs.job WHERE name = 'form-confirmation-email' AND singleton_key = ${id}`.execute(
          t.ownerDb,
        )
      ).rows.map((r) => r.state);
    await expect.poll(jobState, { timeout: 5000 }).toEqual(['completed']);
    await sql`UPDATE form_submissions SET confirmation_sent_at = NULL, created_at = now() - interval '10 minutes' WHERE id = ${id}`.execute(
      t.app.db,
    );

    const resent = smtp.next();
    const restarted = await startTestApp({
      env: { SMTP_URL: smtp.url, WARD_MAIL_FROM: 'Demo Council <forms@demo.example>' },
      sameDatabaseAs: t,
    });
    try {
      const received = await resent;
      expect(received.to).toBe('lost.job@example.com');
      expect(received.text).toContain(`Your case reference is ${caseReference}`);
      const sentAt = async () =>
        (
          await t.app.db
            .selectFrom('form_submissions')
            .select('confirmation_sent_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).confirmation_sent_at;
      await expect.poll(sentAt, { timeout: 5000 }).not.toBeNull();
    } finally {
      await restarted.close();
    }
  });

  it('publishes the forms for other clients', async () => {
    const response = await fetch(`${t.url}/api/forms/demo`);
    const { forms } = (await response.json()) as { forms: Array<{ id: string }> };
    expect(forms.map((f) => f.id)).toEqual(['report-a-fault', 'apply-for-a-service', 'leave-your-details']);
    const openApi = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining([
        '/api/forms/{organisation}',
        '/api/forms/{organisation}/{formId}/submissions',
        '/api/cases/{id}/form-submission',
      ]),
    );
  });
});

describe('which record a submission joins', () => {
  it('joins the one record with the same email address, or the record of a quoted case', async () => {
    const bob = { name: 'Bob Resident', email: 'Bob.Resident@Example.com', message: 'First' };
    const first = (await (await submit('leave-your-details', { answers: bob, consent: true })).json()) as {
      caseReference: string;
    };
    const second = (await (
      await submit('leave-your-details', {
        answers: { ...bob, email: 'bob.resident@example.com', message: 'Second' },
        consent: true,
      })
    ).json()) as { caseReference: string };
    const firstCase = await caseOf(first.caseReference);
    const secondCase = await caseOf(second.caseReference);
    expect(secondCase.record_id).toBe(firstCase.record_id);
    expect(secondCase.id).not.toBe(firstCase.id);

    const quoted = await submit('report-a-fault', {
      answers: {
        faultType: 'pothole',
        location: { where: 'Corner of Mill Lane' },
        description: 'Deep hole',
        caseReference: first.caseReference.toLowerCase().replace('-', ' '),
      },
    });
    expect(quoted.status).toBe(201);
    const third = await caseOf(((await quoted.json()) as { caseReference: string }).caseReference);
    expect(third).toMatchObject({ record_id: firstCase.record_id, department_id: 'highways' });

    const other = (await (
      await submit('leave-your-details', {
        answers: { name: 'Other Resident', phone: '020 7946 0000', message: 'Hi' },
        consent: true,
      })
    ).json()) as { caseReference: string };
    expect((await caseOf(other.caseReference)).record_id).not.toBe(firstCase.record_id);
  });
});

describe('staff reading a submission', () => {
  it('shows the answers, redacted, to staff of the department, and audits the read', async () => {
    const response = await submit('leave-your-details', { answers: details, consent: true });
    const { caseReference } = (await response.json()) as { caseReference: string };
    const opened = await caseOf(caseReference);
    const url = `${t.url}/api/cases/${opened.id}/form-submission`;
    expect((await fetch(url)).status).toBe(401);

    const { cookie } = await t.signUpStaff();
    const read = await fetch(url, { headers: { cookie } });
    expect(read.status).toBe(200);
    const view = (await read.json()) as FormSubmissionView;
    expect(view).toMatchObject({
      caseReference,
      formId: 'leave-your-details',
      formTitle: 'Leave your details for us to reply',
      consentGiven: true,
      erased: false,
    });
    expect(view.answers.map(({ correction: _, ...answer }) => answer)).toEqual([
      { fieldId: 'name', label: 'Your name', value: 'Ann Resident' },
      { fieldId: 'email', label: 'Email address', value: 'ann@example.com' },
      {
        fieldId: 'message',
        label: 'Your message',
        value: `My bin was not collected, card ${redactionMarkers.cardNumber}`,
      },
    ]);
    const reads = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_reference', '=', caseReference)
      .where('action', '=', 'read')
      .execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_kind: 'staff', record_type: 'form_submission', purpose: 'review-contact' });

    const housing = await t.signUpStaff();
    await t.app.db
      .updateTable('staff')
      .set({ departments: ['housing'] })
      .where('email', '=', housing.email)
      .execute();
    expect((await fetch(url, { headers: { cookie: housing.cookie } })).status).toBe(403);
    expect((await fetch(`${t.url}/api/cases/not-a-uuid/form-submission`, { headers: { cookie } })).status).toBe(400);
  });
});
