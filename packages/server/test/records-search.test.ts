import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecordView, RecordSummary, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

type Staff = { cookie: string; id: string };
type Reply<T> = { status: number; body: T & { error?: { code: string; message: string } } };

describe('searching customer records, and what each member of staff may see', () => {
  let t: TestApp;
  let admin: Staff;
  let housingAgent: Staff;
  let wasteAgent: Staff;
  let anyAgent: Staff;

  const call = async <T = { record: CustomerRecordView }>(
    method: string,
    path: string,
    body: unknown,
    who: Staff,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { cookie: who.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Reply<T>['body'] };
  };
  const signUp = async (role: 'agent' | 'admin', departments: string[] = []) => {
    const { cookie } = await t.signUpStaff({ role });
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as { staff: StaffMember };
    await t.app.db.updateTable('staff').set({ departments }).where('id', '=', me.staff.id).execute();
    return { cookie, id: me.staff.id };
  };
  const create = async (details: unknown[]) => (await call('POST', '/api/records', { details }, admin)).body.record;
  const search = (query: Record<string, string>, who = admin) =>
    call<{ records: RecordSummary[] }>('POST', '/api/records/search', query, who);
  const found = async (query: Record<string, string>, who = admin) =>
    (await search(query, who)).body.records.map((r) => r.id);
  const tag = () => randomUUID().slice(0, 8).replace(/\d/g, 'q');

  /** A chat on `topic` (its department), ended with a summary and linked to the record by an administrator. */
  const chatOnRecord = async (recordId: string, topic: string, summary: string) => {
    const chat = await t.startChat({ topic, name: 'Linked Resident', email: '' });
    const socket = await t.agentSocket(admin.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary });
    socket.disconnect();
    expect(
      (await call('POST', `/api/records/${recordId}/link-chat`, { conversationId: chat.conversationId }, admin)).status,
    ).toBe(200);
    return chat;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp('admin');
    housingAgent = await signUp('agent', ['housing']);
    wasteAgent = await signUp('agent', ['waste']);
    anyAgent = await signUp('agent');
  });
  afterAll(async () => t?.close());

  it('finds a record by name, email, phone and postcode however they are typed, combining terms with AND', async () => {
    const id = tag();
    const record = await create([
      { kind: 'name', name: `Zoë Fínder${id}` },
      { kind: 'email', address: `Zoe.${id}@Example.com` },
      { kind: 'phone', number: '07700 900 456' },
      { kind: 'address', lines: ['3 Mill Lane'], postcode: 'b33 8th' },
    ]);
    const other = await create([
      { kind: 'name', name: `Zoe Other${id}` },
      { kind: 'address', lines: ['4 Mill Lane'], postcode: 'B33 8TH' },
    ]);
    expect(await found({ name: `finder${id} ZOE` })).toEqual([record.id]);
    expect(await found({ email: ` ZOE.${id.toUpperCase()}@example.COM` })).toEqual([record.id]);
    expect(await found({ phone: '+44 (0)7700 900456', name: `finder${id}` })).toEqual([record.id]);
    expect((await found({ postcode: 'B338TH' })).sort()).toEqual([record.id, other.id].sort());
    expect(await found({ postcode: 'B33 8TH', name: `other${id}` })).toEqual([other.id]);
    expect(await found({ email: `zoe.${id}@example.com`, postcode: 'SW1A 1AA' })).toEqual([]);
    const summary = (await search({ email: `zoe.${id}@example.com` })).body.records[0];
    expect(summary).toMatchObject({
      names: [`Zoë Fínder${id}`],
      emails: [`zoe.${id}@example.com`],
      phones: ['+447700900456'],
      postcodes: ['B33 8TH'],
      cases: 0,
      lastContactAt: null,
    });
  });

  it('finds the record of a case by its case reference', async () => {
    const id = tag();
    const record = await create([{ kind: 'name', name: `Case Holder${id}` }]);
    const chat = await chatOnRecord(record.id, 'other', 'Asked about opening hours');
    expect(await found({ caseReference: chat.caseReference.toLowerCase().replace('-', ' ') })).toEqual([record.id]);
    expect(await found({ caseReference: chat.caseReference, name: `holder${id}` })).toEqual([record.id]);
    expect(await found({ caseReference: chat.caseReference, name: `nobody${id}` })).toEqual([]);
    // A chat not linked to any record has no record to find.
    const unlinked = await t.startChat({ topic: 'other' });
    expect(await found({ caseReference: unlinked.caseReference })).toEqual([]);
  });

  it('refuses a malformed search with a 400', async () => {
    for (const query of [
      {},
      { email: 'nope' },
      { phone: '12' },
      { postcode: 'SW1' },
      { name: 'a' },
      { caseReference: 'NOPE' },
      { name: 'Ann', colour: 'red' },
    ]) {
      expect((await search(query as Record<string, string>)).status, JSON.stringify(query)).toBe(400);
    }
    expect(
      (
        await fetch(`${t.url}/api/records/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"ann"}',
        })
      ).status,
    ).toBe(401);
  });

  it('limits agents who work in departments to records with a case in one of them (or no case yet), and shows other departments’ cases only in outline', async () => {
    const id = tag();
    const both = await create([{ kind: 'name', name: `Both Departments${id}` }]);
    const wasteOnly = await create([{ kind: 'name', name: `Waste Only${id}` }]);
    const noCases = await create([{ kind: 'name', name: `No Cases${id}` }]);
    const housingChat = await chatOnRecord(both.id, 'housing', 'Housing summary qzxvwy');
    await chatOnRecord(both.id, 'bins', 'Waste summary qzxvwy');
    await chatOnRecord(wasteOnly.id, 'bins', 'Another waste summary');

    const everything = [both.id, wasteOnly.id, noCases.id].sort();
    expect(await found({ name: `departments${id}` }, housingAgent)).toEqual([both.id]);
    expect(await found({ name: `only${id}` }, housingAgent)).toEqual([]);
    expect(await found({ name: `cases${id}` }, housingAgent)).toEqual([noCases.id]);
    for (const who of [admin, anyAgent]) {
      const all = [
        ...(await found({ name: `departments${id}` }, who)),
        ...(await found({ name: `only${id}` }, who)),
        ...(await found({ name: `cases${id}` }, who)),
      ];
      expect(all.sort()).toEqual(everything);
    }
    expect((await call('GET', `/api/records/${wasteOnly.id}`, undefined, housingAgent)).status).toBe(404);
    expect((await call('GET', `/api/records/${wasteOnly.id}`, undefined, wasteAgent)).status).toBe(200);

    const timeline = (await call('GET', `/api/records/${both.id}`, undefined, housingAgent)).body.record.timeline;
    expect(timeline).toHaveLength(2);
    expect(timeline.find((c) => c.departmentId === 'housing')).toMatchObject({
      restricted: false,
      summary: 'Housing summary qzxvwy',
      topic: 'Housing',
      caseReference: housingChat.caseReference,
      channel: 'chat',
    });
    expect(timeline.find((c) => c.departmentId === 'waste')).toMatchObject({
      restricted: true,
      summary: null,
      topic: null,
      departmentLabel: 'Waste and recycling',
      status: 'closed',
      channel: 'chat',
    });
    const full = (await call('GET', `/api/records/${both.id}`, undefined, admin)).body.record.timeline;
    expect(full.map((c) => [c.restricted, c.summary]).sort()).toEqual([
      [false, 'Housing summary qzxvwy'],
      [false, 'Waste summary qzxvwy'],
    ]);

    // The housing agent's read was audited: the record, and the one case they saw in full.
    const reads = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', housingAgent.id)
      .where('action', '=', 'read')
      .where('purpose', '=', 'review-contact')
      .execute();
    expect(reads.filter((e) => e.record_type === 'customer-record').map((e) => e.record_id)).toContain(both.id);
    expect(reads.filter((e) => e.record_type === 'case').map((e) => e.case_reference)).toEqual([
      housingChat.caseReference,
    ]);
  });

  it('audits every search: each record shown, or that nothing was found; never the searched value', async () => {
    const id = tag();
    const record = await create([
      { kind: 'name', name: `Searched Person${id}` },
      { kind: 'phone', number: '0161 496 0321' },
    ]);
    await found({ phone: '0161 496 0321' }, anyAgent);
    const subject = (
      await t.app.db
        .selectFrom('customer_records')
        .select('data_subject_id')
        .where('id', '=', record.id)
        .executeTakeFirstOrThrow()
    ).data_subject_id;
    const [hit] = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', anyAgent.id)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(hit).toMatchObject({
      action: 'read',
      purpose: 'search',
      record_type: 'customer-record',
      record_id: record.id,
      data_subject_id: subject,
      reason: 'searched by phone',
    });
    await found({ email: `nobody.${id}@example.com`, name: `nobody${id}` }, anyAgent);
    const [miss] = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', anyAgent.id)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(miss).toMatchObject({
      action: 'read',
      purpose: 'search',
      record_id: null,
      fields: [],
      reason: 'searched by name, email; nothing found',
    });
    const all = JSON.stringify(await t.app.db.selectFrom('audit_events').selectAll().execute());
    expect(all).not.toContain(id);
    expect(all).not.toContain('4960321');
  });
});
