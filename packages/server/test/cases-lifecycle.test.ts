import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseLookupResult, CasePage, IntakeResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string };

describe('the life of a case: status, owner, department, notes, links, summary', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: Staff;
  let colleague: Staff;
  let housingOnly: Staff;

  const logPhoneCall = async (who: Staff, body: Record<string, unknown> = {}) => {
    const response = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: who.cookie },
      {
        channel: 'phone',
        summary: 'Asked about a missed collection',
        departmentId: 'waste',
        name: 'Bob Resident',
        ...body,
      },
    );
    expect(response.status).toBe(201);
    return response.body;
  };
  const read = async (id: string, who: Staff = agent) =>
    api.call<{ case: CaseDetail; error?: { code: string; message: string } }>('GET', `/api/cases/${id}`, {
      cookie: who.cookie,
    });
  const change = async (
    id: string,
    what: 'status' | 'owner' | 'department' | 'summary',
    body: unknown,
    who: Staff = agent,
  ) =>
    api.call<{ case: CaseDetail; error?: { code: string } }>(
      'PUT',
      `/api/cases/${id}/${what}`,
      { cookie: who.cookie },
      body,
    );

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = await api.staff('agent', [], { firstName: 'Priya', lastName: 'Shah' });
    colleague = await api.staff('agent', ['waste'], { firstName: 'Tom', lastName: 'Reed' });
    housingOnly = await api.staff('agent', ['housing']);
  });
  afterAll(async () => t?.close());

  it('opens a logged phone call as an open case owned by the agent, with its summary', async () => {
    const logged = await logPhoneCall(agent);
    const { status, body } = await read(logged.caseId);
    expect(status).toBe(200);
    expect(body.case).toMatchObject({
      caseReference: logged.caseReference,
      channel: 'phone',
      channelDetail: null,
      topic: 'Waste and recycling',
      departmentId: 'waste',
      departmentLabel: 'Waste and recycling',
      status: 'open',
      owner: { id: agent.id, name: 'Priya Shah' },
      recordId: logged.recordId,
      summary: 'Asked about a missed collection',
      closedAt: null,
      entries: [],
      linkedCases: [],
    });
  });

  it('moves through statuses; closing stamps closed_at, reopening clears it; each change is an entry', async () => {
    const { caseId } = await logPhoneCall(agent);
    expect((await change(caseId, 'status', { status: 'awaiting-resident' })).body.case.status).toBe(
      'awaiting-resident',
    );
    const closed = (await change(caseId, 'status', { status: 'closed' })).body.case;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const reopened = (await change(caseId, 'status', { status: 'open' })).body.case;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
    expect(reopened.entries.map((e) => [e.kind, e.change?.from, e.change?.to, e.author?.id])).toEqual([
      ['status', 'open', 'awaiting-resident', agent.id],
      ['status', 'awaiting-resident', 'closed', agent.id],
      ['status', 'closed', 'open', agent.id],
    ]);
    expect(reopened.entries[2]?.change).toMatchObject({ fromLabel: 'Closed', toLabel: 'Open' });
    expect((await change(caseId, 'status', { status: 'open' })).status).toBe(409);
    expect((await change(caseId, 'status', { status: 'finished' })).status).toBe(400);
  });

  it('gives the case to a colleague of its department, or to nobody; not to staff of other departments', async () => {
    const { caseId } = await logPhoneCall(agent);
    const given = (await change(caseId, 'owner', { ownerStaffId: colleague.id })).body.case;
    expect(given.owner).toEqual({ id: colleague.id, name: 'Tom Reed' });
    expect(given.entries.at(-1)?.change).toEqual({
      from: agent.id,
      to: colleague.id,
      fromLabel: 'Priya Shah',
      toLabel: 'Tom Reed',
    });
    expect((await change(caseId, 'owner', { ownerStaffId: housingOnly.id })).status).toBe(400);
    expect((await change(caseId, 'owner', { ownerStaffId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await change(caseId, 'owner', { ownerStaffId: null })).body.case.owner).toBeNull();
    expect((await read(caseId)).body.case.owner).toBeNull();
  });

  it('transfers a case to another department; an owner who does not work there lets it go', async () => {
    const { caseId } = await logPhoneCall(colleague);
    const moved = (await change(caseId, 'department', { departmentId: 'housing' }, colleague)).body.case;
    expect(moved).toMatchObject({ departmentId: 'housing', departmentLabel: 'Housing', owner: null });
    expect(moved.entries.map((e) => [e.kind, e.change?.from, e.change?.to])).toEqual([
      ['department', 'waste', 'housing'],
      ['owner', colleague.id, null],
    ]);
    // Now it is housing's: the waste colleague no longer reads it, housing does.
    expect((await read(caseId, colleague)).status).toBe(403);
    expect((await read(caseId, housingOnly)).status).toBe(200);
    expect((await change(caseId, 'department', { departmentId: 'nowhere' }, housingOnly)).status).toBe(400);
    expect((await change(caseId, 'department', { departmentId: 'housing' }, housingOnly)).status).toBe(409);
  });

  it('adds notes, redacted and sealed, with their author', async () => {
    const { caseId } = await logPhoneCall(agent);
    const added = await api.call<{ case: CaseDetail }>(
      'POST',
      `/api/cases/${caseId}/notes`,
      { cookie: agent.cookie },
      { text: 'Resident read out card 4111 1111 1111 1111 by mistake' },
    );
    expect(added.status).toBe(201);
    const note = added.body.case.entries.at(-1);
    expect(note).toMatchObject({ kind: 'note', author: { id: agent.id, name: 'Priya Shah' } });
    expect(note?.text).not.toContain('4111');
    expect(note?.text).toContain('Resident read out card');
    const stored = await t.app.db
      .selectFrom('case_entries')
      .select('body')
      .where('id', '=', note!.id)
      .executeTakeFirstOrThrow();
    expect(stored.body?.toString('latin1')).not.toContain('Resident read out');
    expect(
      (await api.call('POST', `/api/cases/${caseId}/notes`, { cookie: agent.cookie }, { text: '   ' })).status,
    ).toBe(400);
    expect(
      (await api.call('POST', `/api/cases/${caseId}/notes`, { cookie: agent.cookie }, { text: 'x'.repeat(4001) }))
        .status,
    ).toBe(400);
  });

  it('links related cases both ways, once per pair, and unlinks them', async () => {
    const a = await logPhoneCall(agent);
    const b = await logPhoneCall(agent, { departmentId: 'housing' });
    const typed = b.caseReference.toLowerCase().replace('-', ' ');
    const linked = await api.call<{ case: CaseDetail }>(
      'POST',
      `/api/cases/${a.caseId}/links`,
      { cookie: agent.cookie },
      { caseReference: typed },
    );
    expect(linked.status).toBe(201);
    expect(linked.body.case.linkedCases.map((c) => c.caseReference)).toEqual([b.caseReference]);
    const other = (await read(b.caseId)).body.case;
    expect(other.linkedCases.map((c) => c.caseReference)).toEqual([a.caseReference]);
    expect(other.entries.at(-1)?.link).toEqual({ action: 'linked', caseId: a.caseId, caseReference: a.caseReference });
    expect(
      (
        await api.call(
          'POST',
          `/api/cases/${b.caseId}/links`,
          { cookie: agent.cookie },
          { caseReference: a.caseReference },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await api.call(
          'POST',
          `/api/cases/${a.caseId}/links`,
          { cookie: agent.cookie },
          { caseReference: a.caseReference },
        )
      ).status,
    ).toBe(400);
    expect(
      (await api.call('POST', `/api/cases/${a.caseId}/links`, { cookie: agent.cookie }, { caseReference: 'ABCD-EFGH' }))
        .status,
    ).toBe(400);
    const pairs = await t.app.db
      .selectFrom('case_links')
      .selectAll()
      .where((eb) =>
        eb.or([eb('case_id', 'in', [a.caseId, b.caseId]), eb('linked_case_id', 'in', [a.caseId, b.caseId])]),
      )
      .execute();
    expect(pairs).toHaveLength(1);

    const unlinked = await api.call<{ case: CaseDetail }>('DELETE', `/api/cases/${b.caseId}/links/${a.caseId}`, {
      cookie: agent.cookie,
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.case.linkedCases).toEqual([]);
    const first = (await read(a.caseId)).body.case;
    expect(first.linkedCases).toEqual([]);
    expect(first.entries.map((e) => e.link?.action)).toEqual(['linked', 'unlinked']);
    expect(
      (await api.call('DELETE', `/api/cases/${b.caseId}/links/${a.caseId}`, { cookie: agent.cookie })).status,
    ).toBe(404);
  });

  it('writes and replaces the summary of a logged contact, redacted; a chat’s summary stays on its conversation', async () => {
    const { caseId } = await logPhoneCall(agent);
    expect((await change(caseId, 'summary', { summary: 'First version' })).body.case.summary).toBe('First version');
    const replaced = (
      await change(caseId, 'summary', { summary: 'Card 4111 1111 1111 1111 mentioned; collection booked' })
    ).body.case;
    expect(replaced.summary).toContain('collection booked');
    expect(replaced.summary).not.toContain('4111');
    const chat = await t.startChat({ topic: 'bins' });
    const found = await api.call<CaseLookupResult>(
      'POST',
      '/api/cases/lookup',
      { cookie: agent.cookie },
      { caseReference: chat.caseReference },
    );
    expect(found.body).toMatchObject({
      access: 'full',
      case: { channel: 'chat', conversationId: chat.conversationId },
    });
    expect((await change(found.body.case.id, 'summary', { summary: 'Should not be here' })).status).toBe(409);
  });

  it('finds a case by its reference on any channel; a malformed or unknown reference is refused', async () => {
    const logged = await logPhoneCall(agent);
    const found = await api.call<CaseLookupResult>(
      'POST',
      '/api/cases/lookup',
      { cookie: agent.cookie },
      { caseReference: ` ${logged.caseReference.toLowerCase()} ` },
    );
    expect(found.body).toMatchObject({
      access: 'full',
      case: { id: logged.caseId, channel: 'phone', summary: 'Asked about a missed collection' },
    });
    const wrongCheck = logged.caseReference.slice(0, -1) + (logged.caseReference.endsWith('0') ? '1' : '0');
    expect(
      (await api.call('POST', '/api/cases/lookup', { cookie: agent.cookie }, { caseReference: wrongCheck })).status,
    ).toBe(400);
    expect(
      (await api.call('POST', '/api/cases/lookup', { cookie: agent.cookie }, { caseReference: 'nonsense' })).status,
    ).toBe(400);
    expect((await api.call('POST', '/api/cases/lookup', { cookie: agent.cookie }, {})).status).toBe(400);
    expect((await api.call('POST', '/api/cases/lookup', {}, { caseReference: logged.caseReference })).status).toBe(401);
  });

  it('lists my open cases and a department’s open cases, newest first, paged', async () => {
    const mine = await api.staff('agent', ['parking']);
    const first = await logPhoneCall(mine, {
      departmentId: 'parking',
      contactedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const second = await logPhoneCall(mine, { departmentId: 'parking' });
    const closed = await logPhoneCall(mine, { departmentId: 'parking' });
    await change(closed.caseId, 'status', { status: 'closed' }, mine);
    const page = await api.call<CasePage>('GET', '/api/cases/mine?limit=1', { cookie: mine.cookie });
    expect(page.body.cases.map((c) => c.id)).toEqual([second.caseId]);
    expect(page.body.nextOffset).toBe(1);
    const next = await api.call<CasePage>('GET', `/api/cases/mine?limit=1&offset=${page.body.nextOffset}`, {
      cookie: mine.cookie,
    });
    expect(next.body).toEqual({
      cases: [expect.objectContaining({ id: first.caseId, owner: expect.objectContaining({ id: mine.id }) })],
      nextOffset: null,
    });
    const department = await api.call<CasePage>('GET', '/api/cases/departments/parking', { cookie: mine.cookie });
    expect(department.body.cases.map((c) => c.id)).toEqual([second.caseId, first.caseId]);
    expect(JSON.stringify(department.body)).not.toContain('Asked about');
    expect((await api.call('GET', '/api/cases/departments/parking', { cookie: housingOnly.cookie })).status).toBe(403);
    expect((await api.call('GET', '/api/cases/departments/nowhere', { cookie: mine.cookie })).status).toBe(404);
    expect((await api.call('GET', '/api/cases/mine?limit=1000', { cookie: mine.cookie })).status).toBe(400);
  });

  it('audits every change and read with field names, never values', async () => {
    const { caseId, caseReference } = await logPhoneCall(agent);
    await api.call(
      'POST',
      `/api/cases/${caseId}/notes`,
      { cookie: agent.cookie },
      { text: 'Audit canary note qzxvwy' },
    );
    await change(caseId, 'status', { status: 'awaiting-council' });
    await read(caseId);
    const entries = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_reference', '=', caseReference)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.record_type, e.action, e.fields.join(','), e.actor_id])).toEqual([
      ['case', 'create', 'summary', agent.id],
      ['customer-record', 'create', 'record_details.name', agent.id],
      ['case', 'update', 'case_entries.body', agent.id],
      ['case', 'read', 'summary,case_entries.body', agent.id],
      ['case', 'update', 'status', agent.id],
      ['case', 'read', 'summary,case_entries.body', agent.id],
      ['case', 'read', 'summary,case_entries.body', agent.id],
    ]);
    expect(JSON.stringify(entries)).not.toContain('qzxvwy');
  });
});

describe('the department rule (ADR 14)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
  });
  afterAll(async () => t?.close());

  it('keeps a waste case from a housing agent: no read, no change, a brief on lookup; admins see everything', async () => {
    const waste = await api.staff('agent', ['waste']);
    const housing = await api.staff('agent', ['housing']);
    const admin = await api.staff('admin', ['housing']);
    const logged = (
      await api.call<IntakeResponse>(
        'POST',
        '/api/intake/contacts',
        { cookie: waste.cookie },
        { channel: 'face-to-face', summary: 'Bob Resident asked about his green bin', departmentId: 'waste' },
      )
    ).body;

    const refused = await api.call('GET', `/api/cases/${logged.caseId}`, { cookie: housing.cookie });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('green bin');
    for (const [method, path, body] of [
      ['PUT', 'status', { status: 'closed' }],
      ['PUT', 'owner', { ownerStaffId: housing.id }],
      ['PUT', 'department', { departmentId: 'housing' }],
      ['PUT', 'summary', { summary: 'x' }],
      ['POST', 'notes', { text: 'x' }],
      ['POST', 'links', { caseReference: logged.caseReference }],
    ] as const) {
      expect(
        (await api.call(method, `/api/cases/${logged.caseId}/${path}`, { cookie: housing.cookie }, body)).status,
      ).toBe(403);
    }
    const unchanged = await t.app.db
      .selectFrom('cases')
      .select(['status', 'department_id', 'owner_staff_id'])
      .where('id', '=', logged.caseId)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ status: 'open', department_id: 'waste', owner_staff_id: waste.id });
    expect(
      await t.app.db.selectFrom('case_entries').select('id').where('case_id', '=', logged.caseId).execute(),
    ).toEqual([]);

    const brief = await api.call<CaseLookupResult>(
      'POST',
      '/api/cases/lookup',
      { cookie: housing.cookie },
      { caseReference: logged.caseReference },
    );
    expect(brief.body).toEqual({
      access: 'limited',
      case: {
        id: logged.caseId,
        caseReference: logged.caseReference,
        channel: 'face-to-face',
        channelDetail: null,
        topic: 'Waste and recycling',
        departmentId: 'waste',
        departmentLabel: 'Waste and recycling',
        status: 'open',
        contactedAt: expect.any(String),
      },
    });
    expect((await api.call('GET', `/api/cases/${logged.caseId}`, { cookie: admin.cookie })).status).toBe(200);
    expect((await api.call('GET', `/api/cases/${logged.caseId}`, { cookie: waste.cookie })).status).toBe(200);
    expect(
      (await api.call('GET', '/api/cases/00000000-0000-4000-8000-000000000000', { cookie: admin.cookie })).status,
    ).toBe(404);
    expect((await api.call('GET', '/api/cases/not-a-uuid', { cookie: admin.cookie })).status).toBe(400);
  });
});
