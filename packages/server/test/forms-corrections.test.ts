import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormSubmissionView } from '@ward/protocol';
import { clearSubmissions } from '../src/features/retention/channels.repository.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

describe('rectification of a form’s answers', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: string;
  let elsewhere: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = (await api.staff('agent', ['customer-services'])).cookie;
    elsewhere = (await api.staff('agent', ['waste'])).cookie;
  });
  afterAll(() => t?.close());

  const submit = async () => {
    const response = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { name: 'Fay Former', email: 'fay@example.com', message: 'Please call me about my bins' },
        consent: true,
      }),
    });
    expect(response.status).toBe(201);
    const { caseReference } = (await response.json()) as { caseReference: string };
    return t.app.db
      .selectFrom('form_submissions as s')
      .innerJoin('cases as k', 'k.id', 's.case_id')
      .select(['s.id', 's.case_id'])
      .where('k.case_reference', '=', caseReference)
      .executeTakeFirstOrThrow();
  };
  const correct = (id: string, fieldId: string, body: unknown, cookie = agent) =>
    api.call<FormSubmissionView & { error?: { message: string } }>(
      'PUT',
      `/api/form-submissions/${id}/answers/${fieldId}`,
      { cookie },
      body,
    );

  it('corrects an answer with a reason, keeps what it replaced, and audits the field only', async () => {
    const form = await submit();
    const before = await api.call<FormSubmissionView>('GET', `/api/cases/${form.case_id}/form-submission`, {
      cookie: agent,
    });
    expect(before.body.answers.find((a) => a.fieldId === 'email')?.correction).toMatchObject({
      type: 'text',
      current: 'fay@example.com',
    });

    const done = await correct(form.id, 'email', {
      value: 'fay.former@example.com',
      reason: 'Resident rang: the address was mistyped',
    });
    expect(done.status).toBe(200);
    expect(done.body.answers.find((a) => a.fieldId === 'email')?.value).toBe('fay.former@example.com');
    expect(done.body.corrections).toMatchObject([
      {
        question: expect.stringMatching(/email/i),
        previous: 'fay@example.com',
        reason: 'Resident rang: the address was mistyped',
      },
    ]);

    // A card number typed into the new answer is redacted, as on the form page.
    const redacted = await correct(form.id, 'message', {
      value: 'Call me, card 4111 1111 1111 1111',
      reason: 'Resident asked',
      rightsRequest: true,
    });
    expect(redacted.status).toBe(200);
    expect(redacted.body.answers.find((a) => a.fieldId === 'message')?.value).not.toContain('4111');
    expect(redacted.body.corrections).toHaveLength(2);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'fields', 'purpose', 'reason'])
      .where('record_id', '=', form.id)
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'update', fields: ['answers.email'], purpose: 'review-contact', reason: 'corrected an answer' },
      { action: 'update', fields: ['answers.message'], purpose: 'rights-request', reason: 'corrected an answer' },
    ]);
    expect(JSON.stringify(audit)).not.toContain('fay');
    // Reading the answers back reads what the corrections replaced too, and says so.
    const reads = await t.app.db
      .selectFrom('audit_events')
      .select('fields')
      .where('record_id', '=', form.id)
      .where('action', '=', 'read')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(reads[0]?.fields).toContain('form_answer_corrections.previous_value');
  });

  it('refuses what the form would refuse, and what the member of staff may not touch, changing nothing', async () => {
    const form = await submit();
    const reason = 'Typo';
    expect((await correct(form.id, 'email', { value: 'not an email', reason })).status).toBe(400);
    expect((await correct(form.id, 'name', { value: '', reason })).status).toBe(400);
    expect((await correct(form.id, 'email', { value: 'fay@example.com', reason })).status).toBe(400);
    expect((await correct(form.id, 'nonsense', { value: 'x', reason })).status).toBe(400);
    expect((await correct(form.id, 'email', { value: 'fay2@example.com', reason: '' })).status).toBe(400);
    expect((await correct(form.id, 'email', { value: 'fay2@example.com', reason }, elsewhere)).status).toBe(403);
    const rows = await t.app.db
      .selectFrom('form_answer_corrections')
      .select('id')
      .where('form_submission_id', '=', form.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('lets the earlier answers go when the answers go (retention and erasure)', async () => {
    const form = await submit();
    expect((await correct(form.id, 'message', { value: 'A new message', reason: 'Typo' })).status).toBe(200);
    await t.app.db.transaction().execute((tx) => clearSubmissions(tx, [form.id], new Date()));
    const rows = await t.app.db
      .selectFrom('form_answer_corrections')
      .select('id')
      .where('form_submission_id', '=', form.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await correct(form.id, 'message', { value: 'Another', reason: 'Typo' })).status).toBe(409);
  });
});
