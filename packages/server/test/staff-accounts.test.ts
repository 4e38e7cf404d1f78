import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, InvitationDetails, InvitationResponse, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { createInvitation } from '../src/features/staff/invitations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const json = { 'content-type': 'application/json' };
const password = 'a long enough passphrase';

describe('staff accounts', () => {
  it('lets the first administrator set up their account from the one-time link, once', async () => {
    const { token } = await createInvitation(t.app.ctx, { email: null, role: 'admin', createdBy: null });
    const details = (await (await fetch(`${t.url}/api/invitations/${token}`)).json()) as InvitationDetails;
    expect(details).toMatchObject({ email: null, role: 'admin' });

    const accept = (body: unknown) =>
      fetch(`${t.url}/api/invitations/${token}/accept`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    const withoutEmail = await accept({ firstName: 'Alex', lastName: 'Admin', password });
    expect(withoutEmail.status).toBe(400);
    const short = await accept({
      firstName: 'Alex',
      lastName: 'Admin',
      email: 'alex@council.example',
      password: 'short',
    });
    expect(((await short.json()) as ErrorBody).error.message).toBe('Password must be 12 characters or more');

    const accepted = await accept({ firstName: 'Alex', lastName: 'Admin', email: 'alex@council.example', password });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { staff: StaffMember }).staff).toMatchObject({
      email: 'alex@council.example',
      role: 'admin',
      displayName: 'Alex',
    });
    expect(accepted.headers.get('set-cookie')).toMatch(/ward_session=.*HttpOnly.*SameSite=Strict/i);

    const again = await accept({ firstName: 'Eve', lastName: 'Again', email: 'eve@council.example', password });
    expect(again.status).toBe(404);
    expect((await fetch(`${t.url}/api/invitations/${token}`)).status).toBe(404);
  });

  it('signs in with email and password, and out again', async () => {
    const { email } = await t.signUpStaff({ firstName: 'Jo', lastName: 'Bloggs' });
    const wrong = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: 'wrong password!' }),
    });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'nobody@council.example', password }),
    });
    expect(((await unknown.json()) as ErrorBody).error.message).toBe(((await wrong.json()) as ErrorBody).error.message);

    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: email.toUpperCase(), password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { staff: StaffMember }).staff).toMatchObject({
      firstName: 'Jo',
      lastName: 'Bloggs',
      role: 'agent',
    });

    await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { ...json, cookie }, body: '{}' });
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('lets an administrator invite staff, and lists them', async () => {
    const admin = await t.signUpStaff({ role: 'admin' });
    const invite = await fetch(`${t.url}/api/staff/invitations`, {
      method: 'POST',
      headers: { ...json, cookie: admin.cookie, origin: t.url },
      body: JSON.stringify({ email: 'new.agent@council.example', role: 'agent' }),
    });
    expect(invite.status).toBe(201);
    const { inviteUrl } = (await invite.json()) as InvitationResponse;
    expect(inviteUrl).toMatch(new RegExp(`^${t.url}/console/invitations/`));
    const token = inviteUrl.split('/').pop() ?? '';
    expect(((await (await fetch(`${t.url}/api/invitations/${token}`)).json()) as InvitationDetails).email).toBe(
      'new.agent@council.example',
    );

    const duplicate = await fetch(`${t.url}/api/staff/invitations`, {
      method: 'POST',
      headers: { ...json, cookie: admin.cookie },
      body: JSON.stringify({ email: admin.email, role: 'agent' }),
    });
    expect(duplicate.status).toBe(409);
    const list = (await (await fetch(`${t.url}/api/staff`, { headers: { cookie: admin.cookie } })).json()) as {
      staff: StaffMember[];
    };
    expect(list.staff.map((s) => s.email)).toContain(admin.email);
  });
});

describe('operations endpoints', () => {
  it('answers health and readiness checks', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI document of the API', async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/widget/{organisation}/conversations']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).toContain('/api/conversations/by-reference/{caseReference}');
  });
});
