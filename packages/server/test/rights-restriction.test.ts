import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ChatMatchResponse, CustomerRecordResponse, SubjectScopeResponse } from '@ward/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRightsRequests } from '../src/features/rights/purge-rights-requests.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string };
type Intake = { caseId: string; caseReference: string; recordId: string; recordCreated: boolean };
type Failure = { error: { code: string; message: string } };

const resident = { name: 'Tamsin Quillfeather', email: 'tamsin.quillfeather@example.com', phone: '01632 960 733' };

describe('restriction and objection (issue 9, ADR 33)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let api: ReturnType<typeof caseClient>;
  let officer: Staff;
  let admin: Staff;

  const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown, who: Staff = officer) =>
    api.call<T & Failure>(method, path, { cookie: who.cookie }, body);
  const logContact = async (body: Record<string, unknown>) =>
    call<Intake>(
      'POST',
      '/api/intake/contacts',
      { channel: 'phone', departmentId: 'council-tax', summary: 'Called about a bill', ...body },
      admin,
    );
  const logRequest = async (type: string) => {
    const reply = await call<{ request: { id: string } }>('POST', '/api/rights-requests', {
      type,
      receivedOn: '2026-11-02',
      channel: 'email',
      requesterName: resident.name,
      requesterContact: resident.email,
    });
    expect(reply.status).toBe(201);
    return reply.body.request.id;
  };
  const confirm = async (requestId: string, kind: 'customer-record' | 'case', id: string) =>
    expect((await call('POST', `/api/rights-requests/${requestId}/scope`, { kind, id })).status).toBe(200);
  const caseIdOf = async (conversationId: string) =>
    (
      await t.app.db
        .selectFrom('cases')
        .select('id')
        .where('conversation_id', '=', conversationId)
        .executeTakeFirstOrThrow()
    ).id;
  const visitorPost = (token: string, path: string, body: unknown) =>
    fetch(`${t.url}/api/visitor/conversation/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  /** A chat the agent accepted and the resident ended. */
  const endedChat = async (who: { name: string; email: string }) => {
    const chat = await t.startChat(who);
    const agent = await t.agentSocket(admin.cookie);
    expect((await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'About my council tax' });
    expect((await visitor.emitWithAck('conversation:end', {})).ok).toBe(true);
    visitor.disconnect();
    agent.disconnect();
    return chat;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_MAIL_FROM: 'Demo Council <chat@demo.example>' } });
    api = caseClient(t);
    officer = await api.staff('privacy_officer');
    admin = await api.staff('admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('restricts a confirmed scope: no changes, no emails, no matching, until it is lifted', async () => {
    const first = (await logContact({ name: resident.name, email: resident.email, phone: resident.phone })).body;
    // Before: a contact with the same email address joins the record.
    const matched = (await logContact({ email: resident.email })).body;
    expect(matched).toMatchObject({ recordId: first.recordId, recordCreated: false });
    const chat = await endedChat({ name: resident.name, email: resident.email });
    const chatCase = await caseIdOf(chat.conversationId);

    const access = await logRequest('access');
    await confirm(access, 'customer-record', first.recordId);
    const wrongType = await call('POST', `/api/rights-requests/${access}/restriction`);
    expect(wrongType.status).toBe(409);
    expect(wrongType.body.error.message).toBe('Only a restriction request can restrict processing');

    const requestId = await logRequest('restriction');
    const empty = await call('POST', `/api/rights-requests/${requestId}/restriction`);
    expect(empty.status).toBe(409);
    await confirm(requestId, 'customer-record', first.recordId);
    await confirm(requestId, 'case', chatCase);
    const restricted = await call<SubjectScopeResponse>('POST', `/api/rights-requests/${requestId}/restriction`);
    expect(restricted.status).toBe(200);
    expect(restricted.body.restrictedAt).not.toBeNull();

    // Staff see it on the record page, and cannot change the record.
    const record = await call<CustomerRecordResponse>('GET', `/api/records/${first.recordId}`, undefined, admin);
    expect(record.body.record.processingRestricted).toBe(true);
    const change = await call(
      'POST',
      `/api/records/${first.recordId}/details`,
      { value: { kind: 'note', text: 'Prefers letters' } },
      admin,
    );
    expect(change.status).toBe(409);
    expect(change.body.error.message).toMatch(/^This record's processing is restricted: its details cannot be changed/);
    const merge = await call(
      'POST',
      `/api/records/${first.recordId}/merge`,
      { intoRecordId: (await logContact({ name: 'Someone Else' })).body.recordId, reason: 'Same person' },
      admin,
    );
    expect(merge.status).toBe(409);

    // No email reply on its cases.
    const reply = await call('POST', `/api/cases/${first.caseId}/emails`, { body: 'About your bill' }, admin);
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/no email can be sent to this resident/);

    // Nor notes, summaries, or corrections of what the resident gave.
    const note = await call('POST', `/api/cases/${first.caseId}/notes`, { text: 'Rang again' }, admin);
    expect(note.status).toBe(409);
    expect(note.body.error.message).toMatch(/no notes can be added to its cases/);
    const summary = await api.call<Failure>(
      'PUT',
      `/api/cases/${first.caseId}/summary`,
      { cookie: admin.cookie },
      { summary: 'Bill query' },
    );
    expect(summary.status).toBe(409);
    const details = await api.call<Failure>(
      'PUT',
      `/api/conversations/${chat.conversationId}/details`,
      { cookie: admin.cookie },
      { name: 'Another Name', email: resident.email, reason: 'Typo' },
    );
    expect(details.status).toBe(409);

    // New contacts are not matched to it: the same email address gets a record of its own.
    const later = (await logContact({ email: resident.email })).body;
    expect(later.recordCreated).toBe(true);
    expect(later.recordId).not.toBe(first.recordId);
    const chosen = await logContact({ recordId: first.recordId });
    expect(chosen.status).toBe(409);
    const newChat = await t.startChat({ name: resident.name, email: resident.email });
    const agent = await t.agentSocket(admin.cookie);
    await agent.emitWithAck('conversation:accept', { conversationId: newChat.conversationId });
    agent.disconnect();
    const matches = await call<ChatMatchResponse>(
      'POST',
      '/api/records/matches',
      { conversationId: newChat.conversationId },
      admin,
    );
    expect(matches.status).toBe(200);
    expect(matches.body.candidates.map((c) => c.record.id)).not.toContain(first.recordId);
    const linked = await call(
      'POST',
      `/api/records/${first.recordId}/link-chat`,
      { conversationId: newChat.conversationId },
      admin,
    );
    expect(linked.status).toBe(409);

    // The restricted chat's transcript is not sent; another resident's, asked for after it, is.
    expect((await visitorPost(chat.visitorToken, 'transcript', { email: resident.email })).status).toBe(202);
    const other = await endedChat({ name: 'Ollie Other', email: 'ollie.other@example.com' });
    const arrived = smtp.next();
    expect((await visitorPost(other.visitorToken, 'transcript', { email: 'ollie.other@example.com' })).status).toBe(
      202,
    );
    expect((await arrived).to).toBe('ollie.other@example.com');
    expect(smtp.received.map((m) => m.to)).not.toContain(resident.email);

    // Lifted: the record can change again and is matched again.
    const lifted = await call<SubjectScopeResponse>('POST', `/api/rights-requests/${requestId}/restriction/lift`);
    expect(lifted.status).toBe(200);
    expect(lifted.body.restrictedAt).toBeNull();
    expect((await call('POST', `/api/rights-requests/${requestId}/restriction/lift`)).status).toBe(409);
    const again = await call<CustomerRecordResponse>(
      'POST',
      `/api/records/${first.recordId}/details`,
      { value: { kind: 'note', text: 'Prefers letters' } },
      admin,
    );
    expect(again.status).toBe(201);
    expect(again.body.record.processingRestricted).toBe(false);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'record_type', 'purpose', 'reason'])
      .where((eb) => eb.or([eb('record_type', '=', 'processing_restriction'), eb('record_id', '=', requestId)]))
      .where('action', 'in', ['create', 'delete', 'update'])
      .execute();
    expect(audit.filter((e) => e.record_type === 'processing_restriction').map((e) => e.action)).toEqual([
      'create',
      'create',
      'delete',
      'delete',
    ]);
    expect(audit.map((e) => e.reason)).toEqual(expect.arrayContaining(['processing restricted', 'restriction lifted']));
  });

  it('an objection stops service-update emails and surveys for the scope', async () => {
    const chat = await endedChat({ name: 'Ottilie Objector', email: 'ottilie.objector@example.com' });
    expect((await visitorPost(chat.visitorToken, 'survey', { rating: 5, comment: 'Lovely' })).status).toBe(204);
    expect((await visitorPost(chat.visitorToken, 'opt-ins', { optIns: ['service-updates'] })).status).toBe(204);
    const stored = () =>
      t.app.db
        .selectFrom('conversations')
        .select(['opt_ins', 'survey_rating', 'survey_comment'])
        .where('id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
    expect((await stored()).opt_ins).toEqual(['service-updates']);

    const requestId = await logRequest('objection');
    const early = await call('POST', `/api/rights-requests/${requestId}/objections`, { purpose: 'surveys' });
    expect(early.status).toBe(409);
    await confirm(requestId, 'case', await caseIdOf(chat.conversationId));
    expect((await call('POST', `/api/rights-requests/${requestId}/objections`, { purpose: 'marketing' })).status).toBe(
      400,
    );

    const updates = await call<SubjectScopeResponse>('POST', `/api/rights-requests/${requestId}/objections`, {
      purpose: 'service-updates',
    });
    expect(updates.status).toBe(200);
    expect(updates.body.objections).toEqual(['service-updates']);
    expect((await stored()).opt_ins).toEqual([]);
    // The resident's chat does not take the opt-in again.
    expect((await visitorPost(chat.visitorToken, 'opt-ins', { optIns: ['service-updates'] })).status).toBe(204);
    expect((await stored()).opt_ins).toEqual([]);

    const surveys = await call<SubjectScopeResponse>('POST', `/api/rights-requests/${requestId}/objections`, {
      purpose: 'surveys',
    });
    expect(surveys.body.objections).toEqual(['service-updates', 'surveys']);
    expect(await stored()).toMatchObject({ survey_rating: null, survey_comment: null });
    expect((await visitorPost(chat.visitorToken, 'survey', { rating: 1 })).status).toBe(204);
    expect((await stored()).survey_rating).toBeNull();

    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'fields', 'purpose'])
      .where('record_id', '=', chat.conversationId)
      .where('purpose', '=', 'rights-request')
      .where('action', 'in', ['update', 'delete'])
      .execute();
    expect(audit.map((e) => [e.action, e.fields.join(',')])).toEqual([
      ['update', 'opt_ins'],
      ['delete', 'survey_rating,survey_comment'],
    ]);
  });

  it('does not send a form confirmation on a restricted record', { timeout: 30_000 }, async () => {
    const address = 'fenella.formfiller@example.com';
    const first = smtp.next();
    const submitted = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { name: 'Fenella Formfiller', email: address, message: 'Please call me back' },
        consent: true,
      }),
    });
    expect(submitted.status).toBe(201);
    const { caseReference } = (await submitted.json()) as { caseReference: string };
    expect((await first).to).toBe(address);
    const formCase = await t.app.db
      .selectFrom('cases')
      .select(['id', 'record_id'])
      .where('case_reference', '=', caseReference)
      .executeTakeFirstOrThrow();
    const { id } = await t.app.db
      .selectFrom('form_submissions')
      .select('id')
      .where('case_id', '=', formCase.id)
      .executeTakeFirstOrThrow();
    const jobs = async () =>
      (
        await sql<{ state: string }>`SELECT state FROM ward_jobs.job
          WHERE name = 'form-confirmation-email' AND singleton_key = ${id}`.execute(t.ownerDb)
      ).rows.map((r) => r.state);
    await expect.poll(jobs, { timeout: 5000 }).toEqual(['completed']);

    const requestId = await logRequest('restriction');
    await confirm(requestId, 'customer-record', formCase.record_id!);
    expect((await call('POST', `/api/rights-requests/${requestId}/restriction`)).status).toBe(200);
    // As if the confirmation had not gone yet: the job runs again and sends nothing.
    await sql`UPDATE form_submissions SET confirmation_sent_at = NULL WHERE id = ${id}`.execute(t.app.db);
    const sentBefore = smtp.received.length;
    t.app.ctx.events.publish('form.submitted', {
      organisationId: t.app.ctx.organisation.id,
      caseId: formCase.id,
      submissionId: id,
      formId: 'leave-your-details',
    });
    await expect.poll(jobs, { timeout: 5000 }).toEqual(['completed', 'completed']);
    const row = await t.app.db
      .selectFrom('form_submissions')
      .select('confirmation_sent_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.confirmation_sent_at).toBeNull();
    expect(smtp.received.slice(sentBefore).map((m) => m.to)).not.toContain(address);
  });

  it('keeps a closed request while its restriction is in force, so it can still be lifted', async () => {
    const contact = (await logContact({ name: 'Rowena Keepsake', email: 'rowena.keepsake@example.com' })).body;
    const requestId = await logRequest('restriction');
    await confirm(requestId, 'customer-record', contact.recordId);
    expect((await call('POST', `/api/rights-requests/${requestId}/restriction`)).status).toBe(200);
    const closed = await call('POST', `/api/rights-requests/${requestId}/close`, { outcome: 'completed' });
    expect(closed.status).toBe(200);
    expect(
      (
        await call('POST', `/api/rights-requests/${requestId}/scope/remove`, {
          kind: 'customer-record',
          id: contact.recordId,
        })
      ).status,
    ).toBe(409);

    const later = { now: new Date(Date.now() + 3 * 365 * 24 * 3600_000), jobId: randomUUID() };
    await purgeRightsRequests(t.app.ctx, later);
    expect((await call('GET', `/api/rights-requests/${requestId}`)).status).toBe(200);
    expect((await call('POST', `/api/rights-requests/${requestId}/restriction/lift`)).status).toBe(200);
    await purgeRightsRequests(t.app.ctx, later);
    expect((await call('GET', `/api/rights-requests/${requestId}`)).status).toBe(404);
  });
});
