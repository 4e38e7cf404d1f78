import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

type Staff = { cookie: string; id: string; email: string };
type ErrorBody = { error?: { code: string; message: string } };

describe('staff roles (ADR 25): agent, supervisor, privacy officer, administrator', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: Staff;

  const setRole = (id: string, role: unknown, who: Staff = admin) =>
    api.call<{ staff: StaffMember } & ErrorBody>('PUT', `/api/staff/${id}/role`, { cookie: who.cookie }, { role });
  const signIn = async (who: Staff) => {
    const response = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: 'correct horse battery staple' }),
    });
    expect(response.status).toBe(200);
    who.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
  });
  afterAll(async () => t?.close());

  it('makes an agent a privacy officer: their sessions end, and signed in again they read the audit trail', async () => {
    const agent = await api.staff('agent', ['housing']);
    expect((await api.call('GET', '/api/audit', { cookie: agent.cookie })).status).toBe(403);

    const changed = await setRole(agent.id, 'privacy_officer');
    expect(changed.status).toBe(200);
    expect(changed.body.staff.role).toBe('privacy_officer');
    expect((await api.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(401);

    await signIn(agent);
    expect((await api.call('GET', '/api/audit', { cookie: agent.cookie })).status).toBe(200);
    expect((await api.call('GET', '/api/retention/holds', { cookie: agent.cookie })).status).toBe(200);
    // Privacy work is not administration.
    expect((await api.call('GET', '/api/staff', { cookie: agent.cookie })).status).toBe(403);
    expect((await api.call('GET', '/api/api-keys', { cookie: agent.cookie })).status).toBe(403);
  });

  it('keeps at least one administrator', async () => {
    const refused = await setRole(admin.id, 'agent');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/at least one administrator/);
    expect((await api.call('GET', '/api/staff', { cookie: admin.cookie })).status).toBe(200);

    const second = await api.staff('agent');
    expect((await setRole(second.id, 'admin')).status).toBe(200);
    await signIn(second);
    expect((await setRole(admin.id, 'supervisor', second)).status).toBe(200);
    expect((await api.call('GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(401);
    await signIn(admin);
    expect((await api.call('GET', '/api/staff', { cookie: admin.cookie })).status).toBe(403);
    expect((await setRole(admin.id, 'admin', second)).status).toBe(200);
    await signIn(admin);
  });

  it('refuses an unknown role or member of staff with a clear 4xx, changing nothing', async () => {
    const agent = await api.staff('agent');
    const unknown = await setRole(agent.id, 'owner');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toBe('Select a role');
    expect((await setRole('00000000-0000-4000-8000-000000000000', 'agent')).status).toBe(404);
    expect((await api.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(200);
    expect((await setRole(agent.id, 'admin', agent)).status).toBe(403);
  });
});
