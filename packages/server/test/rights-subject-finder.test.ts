import type { RightsRequestDetail, SubjectCandidatesResponse, SubjectScopeResponse } from '@ward/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string };
type Intake = { caseId: string; caseReference: string; recordId: string };
type Failure = { error: { code: string; message: string } };

const resident = { name: 'Morwenna Blackthorn', email: 'morwenna.blackthorn@example.com', phone: '01632 960 417' };

describe("finding a rights request's resident (issue 9)", () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let officer: Staff;
  let requestId: string;
  let phoneCall: Intake;
  let chatCaseId: string;
  let chatReference: string;
  let other: Intake;

  const logContact = async (body: Record<string, unknown>) => {
    const reply = await api.call<Intake>(
      'POST',
      '/api/intake/contacts',
      { cookie: officer.cookie },
      { channel: 'phone', departmentId: 'council-tax', summary: 'Called about a bill', ...body },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const logRequest = async () => {
    const reply = await api.call<{ request: RightsRequestDetail }>(
      'POST',
      '/api/rights-requests',
      { cookie: officer.cookie },
      {
        type: 'access',
        receivedOn: '2026-11-02',
        channel: 'email',
        requesterName: resident.name,
        requesterContact: resident.email,
      },
    );
    expect(reply.status).toBe(201);
    return reply.body.request.id;
  };
  const search = (body: unknown, id = requestId) =>
    api.call<SubjectCandidatesResponse & Failure>(
      'POST',
      `/api/rights-requests/${id}/candidates`,
      { cookie: officer.cookie },
      body,
    );
  const scopeCall = (verb: 'confirm' | 'remove', body: unknown, id = requestId) =>
    api.call<SubjectScopeResponse & Failure>(
      'POST',
      `/api/rights-requests/${id}/scope${verb === 'remove' ? '/remove' : ''}`,
      { cookie: officer.cookie },
      body,
    );

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    officer = await api.staff('privacy_officer', [], { firstName: 'Priya', lastName: 'Officer' });
    phoneCall = await logContact({ name: resident.name, phone: resident.phone });
    other = await logContact({ name: 'Someone Else', email: 'someone.else@example.com' });
    const chat = await t.startChat({ name: resident.name, email: resident.email });
    chatReference = chat.caseReference;
    chatCaseId = (
      await t.app.db
        .selectFrom('cases')
        .select('id')
        .where('conversation_id', '=', chat.conversationId)
        .executeTakeFirstOrThrow()
    ).id;
    requestId = await logRequest();
  });
  afterAll(() => t?.close());

  it('finds the record and the chat by name, says which fields matched, and attaches nothing', async () => {
    const found = await search({ name: 'morwenna blackthorn' });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.records).toEqual([
      expect.objectContaining({
        id: phoneCall.recordId,
        names: [resident.name],
        cases: 1,
        matched: ['name'],
        confirmed: false,
        inScope: false,
      }),
    ]);
    const references = found.body.cases.map((c) => c.caseReference).sort();
    expect(references).toEqual([phoneCall.caseReference, chatReference].sort());
    expect(found.body.cases.find((c) => c.id === chatCaseId)).toMatchObject({
      channel: 'chat',
      matched: ['name'],
      recordId: null,
      confirmed: false,
    });
    expect(found.body.cases.find((c) => c.caseReference === phoneCall.caseReference)).toMatchObject({
      channel: 'phone',
      department: expect.any(String),
      recordId: phoneCall.recordId,
    });
    expect(found.body.cases.map((c) => c.caseReference)).not.toContain(other.caseReference);
    const scope = await api.call<SubjectScopeResponse>('GET', `/api/rights-requests/${requestId}/scope`, {
      cookie: officer.cookie,
    });
    expect(scope.body.roots).toEqual([]);
  });

  it('finds by phone, email and case reference, each field on its own', async () => {
    const byPhone = await search({ phone: '+44 1632 960417' });
    expect(byPhone.body.records.map((r) => [r.id, r.matched])).toEqual([[phoneCall.recordId, ['phone']]]);
    const byEmail = await search({ email: resident.email.toUpperCase() });
    expect(byEmail.body.records).toEqual([]);
    expect(byEmail.body.cases.map((c) => [c.id, c.matched])).toEqual([[chatCaseId, ['email']]]);
    const both = await search({ name: resident.name, caseReference: phoneCall.caseReference.toLowerCase() });
    expect(both.body.records[0]).toMatchObject({ id: phoneCall.recordId, matched: ['name', 'caseReference'] });
    expect(both.body.cases[0]).toMatchObject({
      caseReference: phoneCall.caseReference,
      matched: ['name', 'caseReference'],
    });
  });

  it('refuses an empty or unusable search with what to fix', async () => {
    const empty = await search({ name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Enter a name, email address, phone number, postcode or case reference');
    const badEmail = await search({ email: 'not an address' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.message).toBe('Enter an email address in the correct format, like name@example.com');
    expect((await search({ postcode: 'XX' })).status).toBe(400);
    expect((await search({ name: resident.name }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('confirms the record and the chat into the scope, with counts, and removes one', async () => {
    const record = await scopeCall('confirm', { kind: 'customer-record', id: phoneCall.recordId });
    expect(record.status, JSON.stringify(record.body)).toBe(200);
    expect(record.body.roots).toEqual([
      expect.objectContaining({ kind: 'customer-record', id: phoneCall.recordId, names: [resident.name], cases: 1 }),
    ]);
    const chat = await scopeCall('confirm', { kind: 'case', id: chatCaseId });
    expect(chat.body.roots.map((r) => r.caseReference)).toEqual([null, chatReference]);
    expect(chat.body.counts).toMatchObject({ records: 1, cases: 2, chats: 1, forms: 0, emails: 0 });
    expect(chat.body.counts.dataKeys).toBe(2);

    const found = await search({ name: resident.name });
    expect(found.body.records[0]).toMatchObject({ confirmed: true, inScope: true });
    expect(found.body.cases.find((c) => c.caseReference === phoneCall.caseReference)).toMatchObject({
      confirmed: false,
      inScope: true,
    });

    const removed = await scopeCall('remove', { kind: 'customer-record', id: phoneCall.recordId });
    expect(removed.status).toBe(200);
    expect(removed.body.roots.map((r) => r.id)).toEqual([chatCaseId]);
    expect(removed.body.counts).toMatchObject({ records: 0, cases: 1, chats: 1 });
    const again = await scopeCall('remove', { kind: 'customer-record', id: phoneCall.recordId });
    expect(again.status).toBe(404);

    const audit = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', requestId)
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((e) => [e.purpose, e.fields.join(','), e.reason])).toEqual([
      ['rights-request', 'rights_request_items', "confirmed a customer-record as the resident's"],
      ['rights-request', 'rights_request_items', "confirmed a case as the resident's"],
      ['rights-request', 'rights_request_items', "removed a customer-record from the resident's data"],
    ]);
    const searches = await t.app.db
      .selectFrom('audit_events')
      .select(['reason', 'purpose'])
      .where('record_id', '=', requestId)
      .where('action', '=', 'read')
      .where('reason', 'like', 'searched by%')
      .execute();
    expect(searches.length).toBeGreaterThanOrEqual(5);
    const everything = JSON.stringify(await t.app.db.selectFrom('audit_events').selectAll().execute());
    expect(everything).not.toContain('Blackthorn');
    // The phone number in any form (a bare '960' can turn up in ids and hashes by chance).
    for (const digits of ['960 417', '960417']) expect(everything).not.toContain(digits);
  });

  it('refuses items it does not have (404) and a closed request’s scope (409)', async () => {
    const unknown = await scopeCall('confirm', { kind: 'case', id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect((await scopeCall('confirm', { kind: 'record', id: chatCaseId })).status).toBe(400);

    const closing = await logRequest();
    await scopeCall('confirm', { kind: 'case', id: chatCaseId }, closing);
    const closed = await api.call(
      'POST',
      `/api/rights-requests/${closing}/close`,
      { cookie: officer.cookie },
      {
        outcome: 'withdrawn',
      },
    );
    expect(closed.status).toBe(200);
    for (const verb of ['confirm', 'remove'] as const) {
      const refused = await scopeCall(verb, { kind: 'case', id: chatCaseId }, closing);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        'This request is closed: the data found for its resident can no longer change',
      );
    }
  });
});
