import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandScope, scopeOfCaseReference } from '../src/features/rights/subject-scope.repository.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Intake = { caseId: string; caseReference: string; recordId: string };

describe('a subject scope: a record brings its merge family and every contact on it', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let cookie: string;
  let organisationId: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    cookie = (await api.staff('admin')).cookie;
    organisationId = (await t.app.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t?.close());

  const logContact = async (body: Record<string, unknown>) => {
    const reply = await api.call<Intake>(
      'POST',
      '/api/intake/contacts',
      { cookie },
      { channel: 'phone', departmentId: 'council-tax', ...body },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };

  it('follows merges both ways and stops at other residents', async () => {
    const first = await logContact({ summary: 'Bin missed', name: 'Scope Person', email: 'scope.one@example.com' });
    const second = await logContact({ summary: 'Bin missed again', recordId: first.recordId });
    const other = await logContact({ summary: 'Pothole', name: 'Someone Else', email: 'else@example.com' });
    const duplicate = await logContact({ summary: 'Noise', name: 'Scope P', email: 'scope.two@example.com' });
    const merged = await api.call(
      'POST',
      `/api/records/${duplicate.recordId}/merge`,
      { cookie },
      { intoRecordId: first.recordId, reason: 'Same resident, confirmed by phone' },
    );
    expect(merged.status).toBe(200);

    for (const root of [
      { kind: 'customer-record' as const, id: first.recordId },
      { kind: 'customer-record' as const, id: duplicate.recordId },
    ]) {
      const scope = await expandScope(t.app.db, organisationId, [root]);
      expect(scope.records.map((r) => r.id).sort()).toEqual([first.recordId, duplicate.recordId].sort());
      expect(scope.cases.map((c) => c.caseReference).sort()).toEqual(
        [first.caseReference, second.caseReference, duplicate.caseReference].sort(),
      );
      expect(scope.cases.map((c) => c.caseReference)).not.toContain(other.caseReference);
      const keys = new Set([...scope.records, ...scope.cases].map((item) => item.dataSubjectId));
      expect(scope.dataSubjectIds).toEqual([...keys].sort());
    }

    const byReference = await scopeOfCaseReference(t.app.db, organisationId, second.caseReference);
    expect(byReference?.records.map((r) => r.id)).toContain(duplicate.recordId);
    expect(await scopeOfCaseReference(t.app.db, organisationId, 'WRD-0000-0000')).toBeNull();
  });

  it('a case alone brings its chat, and another organisation’s ids bring nothing', async () => {
    const chat = await t.startChat({ name: 'Chat Person', email: 'chat.person@example.com' });
    const row = await t.app.db
      .selectFrom('cases')
      .select(['id', 'data_subject_id'])
      .where('conversation_id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    const scope = await expandScope(t.app.db, organisationId, [{ kind: 'case', id: row.id }]);
    expect(scope.records).toEqual([]);
    expect(scope.conversations.map((c) => c.id)).toEqual([chat.conversationId]);
    expect(scope.dataSubjectIds).toContain(row.data_subject_id);

    const elsewhere = await expandScope(t.app.db, '00000000-0000-4000-8000-000000000000', [
      { kind: 'case', id: row.id },
    ]);
    expect(elsewhere.cases).toEqual([]);
    expect(elsewhere.dataSubjectIds).toEqual([]);
  });
});
