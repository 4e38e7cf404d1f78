import type { StaffMember, StaffRole } from '@ward/protocol';
import type { TestApp } from './test-app.ts';

/** JSON requests against a test app, with a staff cookie or a bearer token. */
export function caseClient(t: TestApp) {
  const call = async <T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    auth: { cookie?: string; bearer?: string },
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = {};
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };

  /** A member of staff with their id; departments set straight in the database (no admin UI for them yet). */
  const staff = async (
    role: StaffRole = 'agent',
    departments: string[] = [],
    names: { firstName?: string; lastName?: string } = {},
  ) => {
    const { cookie, email } = await t.signUpStaff({ role, ...names });
    const me = await call<{ staff: StaffMember }>('GET', '/api/auth/me', { cookie });
    if (departments.length > 0)
      await t.app.db.updateTable('staff').set({ departments }).where('id', '=', me.body.staff.id).execute();
    return { cookie, id: me.body.staff.id, email };
  };

  return { call, staff };
}
