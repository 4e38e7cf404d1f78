import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseDetail,
  DepartmentsResponse,
  IntakeResponse,
  InvitationResponse,
  StaffDirectoryResponse,
  StaffMember,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string; email: string };
type ErrorBody = { error?: { code: string; message: string } };

describe('staff departments (ADR 14): set by administrators, read by everyone, enforced on cases', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: Staff;
  let agent: Staff;
  let colleague: Staff;

  const setDepartments = (id: string, departments: unknown, who: Staff = admin) =>
    api.call<{ staff: StaffMember } & ErrorBody>(
      'PUT',
      `/api/staff/${id}/departments`,
      { cookie: who.cookie },
      { departments },
    );
  /** A change of departments ends the person's sessions (issue 8): they sign in again. */
  const signInAgain = async (who: Staff) => {
    expect((await api.call('GET', '/api/auth/me', { cookie: who.cookie })).status).toBe(401);
    const response = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: 'correct horse battery staple' }),
    });
    expect(response.status).toBe(200);
    who.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const me = async (who: Staff) =>
    (await api.call<{ staff: StaffMember }>('GET', '/api/auth/me', { cookie: who.cookie })).body.staff;
  const logPhoneCall = async (who: Staff, departmentId: string) => {
    const response = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: who.cookie },
      { channel: 'phone', summary: 'Asked about their account', departmentId, name: 'Bob Resident' },
    );
    expect(response.status).toBe(201);
    return response.body;
  };
  const readCase = (id: string, who: Staff) =>
    api.call<{ case: CaseDetail } & ErrorBody>('GET', `/api/cases/${id}`, { cookie: who.cookie });

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
    agent = await api.staff('agent', [], { firstName: 'Priya', lastName: 'Shah' });
    colleague = await api.staff('agent', [], { firstName: 'Tom', lastName: 'Reed' });
  });
  afterAll(async () => t?.close());

  it('lists the council’s departments for any member of staff, not for the public', async () => {
    const { status, body } = await api.call<DepartmentsResponse>('GET', '/api/departments', { cookie: agent.cookie });
    expect(status).toBe(200);
    expect(body.departments).toContainEqual({ id: 'waste', label: 'Waste and recycling' });
    expect(body.departments.map((d) => d.id)).toEqual(t.app.ctx.organisation.settings.departments.map((d) => d.id));
    expect((await api.call('GET', '/api/departments', {})).status).toBe(401);
  });

  it('lets an administrator set a member of staff’s departments, shown in listings and in their own session', async () => {
    expect((await me(agent)).departments).toEqual([]);
    const { status, body } = await setDepartments(agent.id, ['housing', 'council-tax']);
    expect(status).toBe(200);
    // Kept in the order of the council's settings.
    expect(body.staff).toMatchObject({ id: agent.id, departments: ['council-tax', 'housing'] });
    await signInAgain(agent);
    expect((await me(agent)).departments).toEqual(['council-tax', 'housing']);
    const listed = await api.call<{ staff: StaffMember[] }>('GET', '/api/staff', { cookie: admin.cookie });
    expect(listed.body.staff.find((s) => s.id === agent.id)?.departments).toEqual(['council-tax', 'housing']);
    expect((await setDepartments(agent.id, [])).body.staff.departments).toEqual([]);
    await signInAgain(agent);
    expect((await me(agent)).departments).toEqual([]);
  });

  it('refuses an unknown department with a 400 and changes nothing', async () => {
    await setDepartments(colleague.id, ['waste']);
    await signInAgain(colleague);
    for (const departments of [['waste', 'libraries'], ['Not an id!'], ['waste', 'waste'], 'waste', null]) {
      const response = await setDepartments(colleague.id, departments);
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe('bad_request');
    }
    expect((await me(colleague)).departments).toEqual(['waste']);
    expect((await setDepartments('00000000-0000-4000-8000-000000000000', ['waste'])).status).toBe(404);
    expect((await setDepartments('not-a-uuid', ['waste'])).status).toBe(400);
  });

  it('lets only administrators set departments or list staff with their email addresses', async () => {
    const response = await setDepartments(agent.id, ['waste'], agent);
    expect(response.status).toBe(403);
    expect((await me(agent)).departments).toEqual([]);
    expect((await setDepartments(colleague.id, [], agent)).status).toBe(403);
    expect((await api.call('GET', '/api/staff', { cookie: agent.cookie })).status).toBe(403);
    expect((await api.call('PUT', `/api/staff/${agent.id}/departments`, {}, { departments: [] })).status).toBe(401);
  });

  it('gives agents a directory of active staff with names and departments, without email addresses', async () => {
    const { status, body } = await api.call<StaffDirectoryResponse>('GET', '/api/staff/directory', {
      cookie: agent.cookie,
    });
    expect(status).toBe(200);
    expect(body.staff).toContainEqual({
      id: colleague.id,
      displayName: 'Tom Reed',
      role: 'agent',
      departments: ['waste'],
    });
    expect(body.staff).toContainEqual({ id: admin.id, displayName: 'Ada Admin', role: 'admin', departments: [] });
    expect(JSON.stringify(body)).not.toContain('@council.example');
    for (const entry of body.staff)
      expect(Object.keys(entry).sort()).toEqual(['departments', 'displayName', 'id', 'role']);

    await t.app.db.updateTable('staff').set({ disabled_at: new Date() }).where('id', '=', colleague.id).execute();
    const after = await api.call<StaffDirectoryResponse>('GET', '/api/staff/directory', { cookie: agent.cookie });
    expect(after.body.staff.map((s) => s.id)).not.toContain(colleague.id);
    await t.app.db.updateTable('staff').set({ disabled_at: null }).where('id', '=', colleague.id).execute();
    expect((await api.call('GET', '/api/staff/directory', {})).status).toBe(401);
  });

  it('an agent given a department then opens only that department’s cases in full', async () => {
    const wasteCase = await logPhoneCall(admin, 'waste');
    const housingCase = await logPhoneCall(admin, 'housing');
    expect((await readCase(housingCase.caseId, agent)).status).toBe(200);

    expect((await setDepartments(agent.id, ['waste'])).status).toBe(200);
    await signInAgain(agent);
    const allowed = await readCase(wasteCase.caseId, agent);
    expect(allowed.status).toBe(200);
    expect(allowed.body.case).toMatchObject({ departmentId: 'waste', summary: 'Asked about their account' });
    const refused = await readCase(housingCase.caseId, agent);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Asked about their account');

    expect((await setDepartments(agent.id, [])).status).toBe(200);
    await signInAgain(agent);
    expect((await readCase(housingCase.caseId, agent)).status).toBe(200);
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const { status, body } = await api.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
      {},
    );
    expect(status).toBe(200);
    expect(Object.keys(body.paths['/api/staff/{id}/departments'] ?? {})).toContain('put');
    expect(Object.keys(body.paths['/api/staff/directory'] ?? {})).toContain('get');
    expect(Object.keys(body.paths['/api/departments'] ?? {})).toContain('get');
  });

  it('an invitation may name departments; accepting it gives them to the new member of staff', async () => {
    const email = `invited-${Date.now()}@council.example`;
    const unknown = await api.call<ErrorBody>(
      'POST',
      '/api/staff/invitations',
      { cookie: admin.cookie },
      { email, role: 'agent', departments: ['libraries'] },
    );
    expect(unknown.status).toBe(400);
    expect(
      (
        await api.call(
          'POST',
          '/api/staff/invitations',
          { cookie: agent.cookie },
          { email, role: 'agent', departments: ['waste'] },
        )
      ).status,
    ).toBe(403);

    const invited = await api.call<InvitationResponse>(
      'POST',
      '/api/staff/invitations',
      { cookie: admin.cookie },
      { email, role: 'agent', departments: ['parking', 'waste'] },
    );
    expect(invited.status).toBe(201);
    const token = invited.body.inviteUrl.split('/').at(-1) ?? '';
    const accepted = await api.call<{ staff: StaffMember }>(
      'POST',
      `/api/invitations/${token}/accept`,
      {},
      { firstName: 'Nia', lastName: 'Jones', password: 'correct horse battery staple' },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.staff.departments).toEqual(['waste', 'parking']);

    // Without departments: every department, as before.
    const plain = await api.call<InvitationResponse>(
      'POST',
      '/api/staff/invitations',
      { cookie: admin.cookie },
      { email: `plain-${Date.now()}@council.example`, role: 'agent' },
    );
    expect(plain.status).toBe(201);
  });
});
