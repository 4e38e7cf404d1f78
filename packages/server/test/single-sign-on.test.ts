import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoOutcomeMessages, type AuthMethods, type StaffMember } from '@ward/protocol';
import { freePort } from '../src/shared/free-port.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import {
  browse,
  CookieJar,
  signInAt,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from './support/oidc-provider.ts';

const councilTaxAgents = '5f1c0d2e-0000-4000-8000-000000000001';
const housingAgents = '5f1c0d2e-0000-4000-8000-000000000002';
const wardAdmins = '5f1c0d2e-0000-4000-8000-000000000003';
const unmappedGroup = '5f1c0d2e-0000-4000-8000-000000000099';

describe('single sign-on with OpenID Connect (ADR 23), against a real identity provider', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let callbackPrefix: string;

  beforeAll(async () => {
    const port = await freePort();
    callbackPrefix = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    idp = await startTestIdentityProvider(callbackPrefix);
    t = await startTestApp({
      env: {
        PORT: String(port),
        // Refusals here would soon make every later sign-in from 127.0.0.1 wait: throttling has its own test below.
        WARD_RATE_LIMITS: 'off',
        // The production default: administrators need a second factor, which the provider gives here.
        WARD_MFA_REQUIRED: 'admins-and-privacy-officers',
        WARD_OIDC_ISSUER: idp.issuer,
        WARD_OIDC_CLIENT_ID: idp.clientId,
        WARD_OIDC_CLIENT_SECRET: idp.clientSecret,
        WARD_OIDC_LABEL: 'Sign in with your Northshire account',
        WARD_OIDC_GROUP_MAP: JSON.stringify({
          [councilTaxAgents]: { role: 'agent', departments: ['council-tax'] },
          [housingAgents]: { role: 'agent', departments: ['housing'] },
          [wardAdmins]: { role: 'admin', departments: [] },
        }),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** A browser signing in at the provider as `personId`, then returning to Ward's callback. */
  const signIn = async (personId: string) => {
    const jar = new CookieJar();
    const callback = await signInAt(jar, new URL('/api/auth/oidc/start', t.url), personId, callbackPrefix);
    const response = await browse(jar, callback);
    const session = jar.get(new URL(t.url), 'ward_session');
    return { response, location: response.headers.get('location'), cookie: session && `ward_session=${session}` };
  };
  const me = async (cookie: string) => {
    const response = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
    return {
      status: response.status,
      staff: response.status === 200 ? ((await response.json()) as { staff: StaffMember }).staff : null,
    };
  };
  const staffRow = (email: string) =>
    t.ownerDb.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst();

  it('tells the sign-in page that single sign-on is on, and its button text', async () => {
    const methods = (await (await fetch(`${t.url}/api/auth/methods`)).json()) as AuthMethods;
    expect(methods).toEqual({
      password: true,
      sso: { label: 'Sign in with your Northshire account', startUrl: '/api/auth/oidc/start' },
    });
  });

  it('signs an existing member of staff in, matching their email whatever its case, and audits it', async () => {
    const { email } = await t.signUpStaff({ role: 'agent' });
    idp.addPerson('existing-1', { email: email.toUpperCase(), given_name: 'Sam', family_name: 'Okafor' });

    const { response, location, cookie } = await signIn('existing-1');
    expect(response.status).toBe(302);
    expect(location).toBe(`${t.url}/console/`);
    expect(cookie).toBeTruthy();
    const { status, staff } = await me(cookie!);
    expect(status).toBe(200);
    expect(staff).toMatchObject({ email, role: 'agent', departments: [] });

    const audit = await t.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'record_type', 'purpose', 'actor_id'])
      .where('actor_id', '=', staff!.id)
      .execute();
    expect(audit).toContainEqual({
      action: 'create',
      record_type: 'staff-session',
      purpose: 'sign-in',
      actor_id: staff!.id,
    });
    expect(await staffRow(email)).toMatchObject({ sso_issuer: idp.issuer, sso_subject: 'existing-1' });
  });

  it('brings role and departments up to date from mapped groups, and ends the sessions opened before', async () => {
    const { email, cookie: passwordSession } = await t.signUpStaff({ role: 'agent' });
    idp.addPerson('existing-2', { email, groups: [councilTaxAgents, housingAgents, unmappedGroup] });

    const first = await signIn('existing-2');
    expect((await me(first.cookie!)).staff).toMatchObject({ role: 'agent', departments: ['council-tax', 'housing'] });
    // Their access changed: the session they had before is over.
    expect((await me(passwordSession)).status).toBe(401);

    // Moved to the administrators' group (no departments: every department), they are an administrator.
    idp.addPerson('existing-2', { email, groups: [wardAdmins, councilTaxAgents] });
    const second = await signIn('existing-2');
    expect((await me(second.cookie!)).staff).toMatchObject({ role: 'admin', departments: [] });
    expect((await me(first.cookie!)).status).toBe(401);
    // The provider's second factor stands for Ward's: the administrator is not sent to set up Ward's own.
    const staffList = await fetch(`${t.url}/api/staff`, { headers: { cookie: second.cookie! } });
    expect(staffList.status).toBe(200);

    // Out of every mapped group: the mapping no longer covers them, and their account stays as it is.
    idp.addPerson('existing-2', { email, groups: [unmappedGroup] });
    const third = await signIn('existing-2');
    expect((await me(third.cookie!)).staff).toMatchObject({ role: 'admin', departments: [] });
    expect((await me(second.cookie!)).status).toBe(200);
  });

  it('makes an account for a new person in a mapped group, who can then use the console', async () => {
    const email = `new-starter-${Date.now()}@council.example`;
    idp.addPerson('new-1', { email, given_name: 'Noor', family_name: 'Haddad', groups: [councilTaxAgents] });

    const { location, cookie } = await signIn('new-1');
    expect(location).toBe(`${t.url}/console/`);
    const { staff } = await me(cookie!);
    expect(staff).toMatchObject({
      email,
      firstName: 'Noor',
      lastName: 'Haddad',
      role: 'agent',
      departments: ['council-tax'],
    });
    const directory = await fetch(`${t.url}/api/staff/directory`, { headers: { cookie: cookie! } });
    expect(directory.status).toBe(200);

    // No Ward password works for them.
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(t.url).origin },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(401);
  });

  it('opens the console page the person was on before signing in, and only a console page', async () => {
    const { email } = await t.signUpStaff({ role: 'agent' });
    idp.addPerson('returning', { email });
    const landing = async (next: string) => {
      const jar = new CookieJar();
      const start = new URL(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`, t.url);
      const callback = await signInAt(jar, start, 'returning', callbackPrefix);
      return (await browse(jar, callback)).headers.get('location');
    };
    expect(await landing('/console/cases/4K7M-9P2X?tab=history')).toBe(`${t.url}/console/cases/4K7M-9P2X?tab=history`);
    expect(await landing('//evil.example/console/')).toBe(`${t.url}/console/`);
    expect(await landing('https://evil.example/console/')).toBe(`${t.url}/console/`);
    expect(await landing('/console//evil.example')).toBe(`${t.url}/console/`);
    expect(await landing('/console/\r\nSet-Cookie: x=1')).toBe(`${t.url}/console/`);
    expect(await landing('/console/caf\u00e9')).toBe(`${t.url}/console/`);
  });

  it('refuses someone unknown who is in no mapped group: no session, a clear message, no email in the log', async () => {
    const email = `stranger-${Date.now()}@elsewhere.example`;
    idp.addPerson('stranger', { email, groups: [unmappedGroup] });
    const before = await t.ownerDb
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    const { response, location, cookie } = await signIn('stranger');
    expect(response.status).toBe(302);
    expect(location).toBe(`${t.url}/console/sign-in?sso=refused`);
    expect(cookie).toBeUndefined();
    expect(ssoOutcomeMessages.refused).toBe('Your council account is not set up for Ward. Ask your administrator.');
    const after = await t.ownerDb
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const log = await readFile(t.logFile, 'utf8');
    expect(log).toContain('single sign-on refused');
    expect(log.toLowerCase()).not.toContain(email.toLowerCase());
  });

  it('refuses a disabled account, even in a mapped group', async () => {
    const { email } = await t.signUpStaff({ role: 'agent' });
    await t.ownerDb.updateTable('staff').set({ disabled_at: new Date() }).where('email', '=', email).execute();
    idp.addPerson('disabled-1', { email, groups: [councilTaxAgents] });

    const { location, cookie } = await signIn('disabled-1');
    expect(location).toBe(`${t.url}/console/sign-in?sso=refused`);
    expect(cookie).toBeUndefined();
    expect(await staffRow(email)).toMatchObject({ role: 'agent', departments: [] });
  });

  it('refuses an account that single sign-on tied to another person at the provider', async () => {
    const { email } = await t.signUpStaff({ role: 'agent' });
    idp.addPerson('first-holder', { email });
    expect((await signIn('first-holder')).cookie).toBeTruthy();
    // The address now belongs to someone else at the identity provider.
    idp.addPerson('next-holder', { email });
    const { location, cookie } = await signIn('next-holder');
    expect(location).toBe(`${t.url}/console/sign-in?sso=refused`);
    expect(cookie).toBeUndefined();
  });

  it('refuses a callback whose state was tampered with, or without the state cookie, with a 400', async () => {
    const { email } = await t.signUpStaff({ role: 'agent' });
    idp.addPerson('tampered', { email });
    const jar = new CookieJar();
    const callback = await signInAt(jar, new URL('/api/auth/oidc/start', t.url), 'tampered', callbackPrefix);

    const forged = new URL(callback);
    forged.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const tampered = await browse(jar, forged);
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { error: { message: string } }).error.message).toMatch(/sign in again/);
    expect(jar.get(new URL(t.url), 'ward_session')).toBeUndefined();

    // The state cookie is used once: the genuine callback after that is refused too.
    const replay = await browse(jar, callback);
    expect(replay.status).toBe(400);
    expect(jar.get(new URL(t.url), 'ward_session')).toBeUndefined();

    // Another browser (no state cookie) bringing a genuine code gets nothing either.
    const elsewhere = await fetch(callback, { redirect: 'manual' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.getSetCookie().some((c) => c.startsWith('ward_session='))).toBe(false);
  });

  it('sets the state cookie SameSite=Lax and httpOnly, only for the callback path', async () => {
    const response = await fetch(`${t.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ward_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
  });

  it('sends the browser back to the sign-in page when the person cancels at the provider', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, new URL('/api/auth/oidc/start', t.url));
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cancelled = new URL(callbackPrefix);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', state);
    const response = await browse(jar, cancelled);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${t.url}/console/sign-in?sso=failed`);
  });
});

describe('single sign-on through the sign-in throttle', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let callbackPrefix: string;
  beforeAll(async () => {
    const port = await freePort();
    callbackPrefix = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    idp = await startTestIdentityProvider(callbackPrefix);
    t = await startTestApp({
      env: {
        PORT: String(port),
        WARD_OIDC_ISSUER: idp.issuer,
        WARD_OIDC_CLIENT_ID: idp.clientId,
        WARD_OIDC_CLIENT_SECRET: idp.clientSecret,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('makes a refused address wait, like failed password sign-ins, and says so', async () => {
    idp.addPerson('prober', { email: 'prober@elsewhere.example' });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const jar = new CookieJar();
      const callback = await signInAt(jar, new URL('/api/auth/oidc/start', t.url), 'prober', callbackPrefix);
      outcomes.push((await browse(jar, callback)).headers.get('location') ?? '');
    }
    expect(outcomes.map((l) => new URL(l).searchParams.get('sso'))).toEqual([
      'refused',
      'refused',
      'refused',
      'throttled',
    ]);
  });
});

describe('single sign-on with password sign-in turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        WARD_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
        WARD_OIDC_CLIENT_ID: 'ward',
        WARD_OIDC_CLIENT_SECRET: 'secret',
        WARD_OIDC_PASSWORD_SIGN_IN: 'off',
      },
    });
  });
  afterAll(() => t?.close());

  it('says so to the sign-in page and refuses passwords', async () => {
    const methods = (await (await fetch(`${t.url}/api/auth/methods`)).json()) as AuthMethods;
    expect(methods).toMatchObject({ password: false, sso: { label: 'Sign in with your council account' } });
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(t.url).origin },
      body: JSON.stringify({ email: 'someone@council.example', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(403);
  });
});
