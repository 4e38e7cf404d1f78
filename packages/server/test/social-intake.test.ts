import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CreatedApiKey, DepartmentsResponse, IntakeResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { openRecordDetail } from '../src/features/records/record-details.repository.ts';
import { loadSubjectKeys } from '../src/features/crypto/subject-keys.ts';

describe('transferring a social-media request into Ward', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: { cookie: string; id: string };
  let token: string;
  let keyId: string;
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  const valid = () => ({
    platform: 'facebook',
    handle: '@bob.resident',
    request: 'My bin was not collected',
    receivedAt: minutesAgo(30),
    topic: 'bins',
  });
  const send = (body: unknown, auth: { bearer?: string; cookie?: string } = { bearer: token }) =>
    api.call<IntakeResponse & { error?: { message: string } }>('POST', '/api/intake/social-media', auth, body);
  const countRows = async () => ({
    cases: (await t.app.db.selectFrom('cases').select('id').execute()).length,
    records: (await t.app.db.selectFrom('customer_records').select('id').execute()).length,
    entries: (await t.app.db.selectFrom('case_entries').select('id').execute()).length,
  });
  const recordDetails = async (recordId: string) => {
    const record = await t.app.db
      .selectFrom('customer_records')
      .select('data_subject_id')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    const key =
      (await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [record.data_subject_id])).get(record.data_subject_id) ??
      null;
    const rows = await t.app.db
      .selectFrom('record_details')
      .select(['id', 'value'])
      .where('record_id', '=', recordId)
      .where('superseded_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => openRecordDetail(key, row));
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    admin = await api.staff('admin');
    const created = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Social desk', scopes: ['intake'] },
    );
    token = created.body.token;
    keyId = created.body.apiKey.id;
  });
  afterAll(async () => t?.close());

  it('opens a social-media case on a new record, with the request as it arrived and the handle on the record', async () => {
    const received = minutesAgo(45);
    const response = await send({ ...valid(), receivedAt: received, name: 'Bob Resident', phone: '07700 900982' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseReference: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      recordCreated: true,
    });
    const { body } = await api.call<{ case: CaseDetail }>('GET', `/api/cases/${response.body.caseId}`, {
      cookie: admin.cookie,
    });
    expect(body.case).toMatchObject({
      channel: 'social-media',
      channelDetail: 'facebook',
      topic: 'Bins and recycling',
      departmentId: 'waste',
      status: 'open',
      owner: null,
      recordId: response.body.recordId,
      contactedAt: new Date(received).toISOString(),
    });
    expect(body.case.entries).toEqual([
      expect.objectContaining({ kind: 'request', text: 'My bin was not collected', author: null }),
    ]);
    expect(await recordDetails(response.body.recordId)).toEqual([
      { kind: 'name', name: 'Bob Resident' },
      { kind: 'phone', number: '+447700900982', label: null },
      { kind: 'social-handle', platform: 'facebook', handle: '@bob.resident' },
    ]);
    const stored = await t.app.db
      .selectFrom('case_entries')
      .select('body')
      .where('case_id', '=', response.body.caseId)
      .executeTakeFirstOrThrow();
    expect(stored.body?.toString('latin1')).not.toContain('bin was not');
  });

  it('removes a card number from the request before it is stored', async () => {
    const response = await send({ ...valid(), request: 'Please take the payment from 4111 1111 1111 1111 exp 12/29' });
    const { body } = await api.call<{ case: CaseDetail }>('GET', `/api/cases/${response.body.caseId}`, {
      cookie: admin.cookie,
    });
    const text = body.case.entries[0]?.text ?? '';
    expect(text).toContain('Please take the payment from');
    expect(text).not.toMatch(/4111/);
  });

  it('links the request to the quoted case’s record and case, and adds the handle to that record', async () => {
    const first = await send({ ...valid(), email: 'quoted.person@example.com', handle: '@first' });
    const second = await send({
      ...valid(),
      handle: '@second',
      caseReference: first.body.caseReference.toLowerCase().replace('-', ' '),
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ recordId: first.body.recordId, recordCreated: false });
    const { body } = await api.call<{ case: CaseDetail }>('GET', `/api/cases/${second.body.caseId}`, {
      cookie: admin.cookie,
    });
    expect(body.case.linkedCases.map((c) => c.caseReference)).toEqual([first.body.caseReference]);
    const handles = (await recordDetails(first.body.recordId)).filter((d) => d?.kind === 'social-handle');
    expect(handles).toEqual([
      { kind: 'social-handle', platform: 'facebook', handle: '@first' },
      { kind: 'social-handle', platform: 'facebook', handle: '@second' },
    ]);
    // The only record with that email address gets the next request too (ADR 14).
    const third = await send({ ...valid(), handle: '@first', email: 'Quoted.Person@example.com' });
    expect(third.body).toMatchObject({ recordId: first.body.recordId, recordCreated: false });
    expect((await recordDetails(first.body.recordId)).filter((d) => d?.kind === 'social-handle')).toHaveLength(2);
  });

  it('refuses hostile or wrong input with a 400 and stores nothing', async () => {
    const before = await countRows();
    const wrongCheck = (reference: string) => reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
    const anyReference = (await send(valid())).body.caseReference;
    const baseline = await countRows();
    expect(baseline.cases).toBe(before.cases + 1);
    for (const [change, message] of [
      [{ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }, /future/],
      [{ receivedAt: 'yesterday' }, /date and time/],
      [{ platform: 'myspace' }, /platform/],
      [{ request: 'x'.repeat(4001) }, /at most/],
      [{ request: '   ' }, /Enter the request/],
      [{ handle: '' }, /handle/],
      [{ caseReference: 'NOT-A-REF' }, /case reference/],
      [{ caseReference: wrongCheck(anyReference) }, /case reference/],
      [{ email: 'not-an-email' }, /email/],
      [{ phone: '12345' }, /phone/],
      [{ topic: 'unknown-topic' }, /topic/],
      [{ topic: undefined }, /department or a topic/],
      [{ topic: undefined, departmentId: 'nowhere' }, /department/],
    ] as const) {
      const response = await send({ ...valid(), ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(response.body.error?.message).toMatch(message);
    }
    expect((await api.call('POST', '/api/intake/social-media', { bearer: token }, '"just a string"')).status).toBe(400);
    expect(await countRows()).toEqual(baseline);
  });

  it('audits the intake against the key, with field names only', async () => {
    const response = await send({ ...valid(), name: 'Bob Resident', request: 'Audit canary qzxvwy' });
    const entries = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_reference', '=', response.body.caseReference)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.record_type, e.action, e.actor_kind, e.reason, e.fields.join(',')])).toEqual([
      ['case', 'create', 'system', `api-key ${keyId}`, 'case_entries.body'],
      ['customer-record', 'create', 'system', `api-key ${keyId}`, 'record_details.name,record_details.social-handle'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('qzxvwy');
    expect(JSON.stringify(entries)).not.toContain('Bob');
  });

  it('lets staff transfer a request from the console with their session', async () => {
    const agent = await api.staff('agent', ['waste']);
    const response = await send(valid(), { cookie: agent.cookie });
    expect(response.status).toBe(201);
    const { body } = await api.call<{ case: CaseDetail }>('GET', `/api/cases/${response.body.caseId}`, {
      cookie: agent.cookie,
    });
    expect(body.case.owner?.id).toBe(agent.id);
    expect(body.case.entries[0]?.author?.id).toBe(agent.id);
    expect((await send(valid(), {})).status).toBe(401);
  });

  it('logs a phone call on an existing record; an unknown record is refused', async () => {
    const first = await send(valid());
    const agent = await api.staff('agent');
    const logged = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      {
        channel: 'phone',
        summary: 'Called back about the bin',
        topic: 'bins',
        recordId: first.body.recordId,
        contactedAt: minutesAgo(5),
      },
    );
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ recordId: first.body.recordId, recordCreated: false });
    const unknown = await api.call(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'phone', summary: 'x', topic: 'bins', recordId: '00000000-0000-4000-8000-000000000000' },
    );
    expect(unknown.status).toBe(404);
    expect(
      (
        await api.call(
          'POST',
          '/api/intake/contacts',
          { cookie: agent.cookie },
          { channel: 'letter', summary: 'x', topic: 'bins' },
        )
      ).status,
    ).toBe(400);
  });

  it('offers the council’s topics with their departments, and a logged contact takes the topic’s label and department', async () => {
    const agent = await api.staff('agent');
    const listed = await api.call<DepartmentsResponse>('GET', '/api/departments', { cookie: agent.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.topics).toEqual(
      t.app.ctx.organisation.settings.topics.map((topic) => ({
        id: topic.id,
        label: topic.label,
        departmentId: topic.department,
      })),
    );
    expect(listed.body.topics).toContainEqual({ id: 'council-tax', label: 'Council Tax', departmentId: 'council-tax' });
    const departmentIds = listed.body.departments.map((d) => d.id);
    expect(listed.body.topics.every((topic) => departmentIds.includes(topic.departmentId))).toBe(true);

    const readCase = async (caseId: string) =>
      (await api.call<{ case: CaseDetail }>('GET', `/api/cases/${caseId}`, { cookie: agent.cookie })).body.case;
    // The topic alone: its label, its department.
    const byTopic = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'face-to-face', summary: 'Asked about a bill', topic: 'council-tax' },
    );
    expect(byTopic.status).toBe(201);
    expect(await readCase(byTopic.body.caseId)).toMatchObject({
      channel: 'face-to-face',
      topic: 'Council Tax',
      departmentId: 'council-tax',
    });
    // The console sends the department too (preselected from the topic, which staff may change).
    const moved = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'phone', summary: 'Bins at a council flat', topic: 'bins', departmentId: 'housing' },
    );
    expect(moved.status).toBe(201);
    expect(await readCase(moved.body.caseId)).toMatchObject({ topic: 'Bins and recycling', departmentId: 'housing' });
    // No topic: the department's name is the topic.
    const noTopic = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'phone', summary: 'A question', departmentId: 'parking' },
    );
    expect(await readCase(noTopic.body.caseId)).toMatchObject({ topic: 'Parking', departmentId: 'parking' });
    // A social-media transfer from the console, the same way.
    const social = await send({ ...valid(), topic: 'housing', departmentId: 'housing' }, { cookie: agent.cookie });
    expect(social.status).toBe(201);
    expect(await readCase(social.body.caseId)).toMatchObject({ topic: 'Housing', departmentId: 'housing' });
    const unknown = await api.call<{ error: { message: string } }>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'phone', summary: 'x', topic: 'libraries', departmentId: 'parking' },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Choose one of the council’s topics');
  });
});
