import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { ErrorBody } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

const password = 'correct horse battery staple';

/** The next code an authenticator app would show that Ward has not accepted yet (within its ±1 step). */
function codes(secret: string) {
  let last = -Infinity;
  const next = async (): Promise<string> => {
    const now = Date.now();
    const nowStep = Math.floor(now / 30_000);
    // One step back is accepted, but not just as the clock is about to leave it behind.
    const earliest = now % 30_000 > 2_000 ? nowStep - 1 : nowStep;
    const step = Math.max(earliest, last + 1);
    if (step > nowStep + 1) {
      // Every code in the window is used: wait for the app's next one, as a person would.
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 100));
      return next();
    }
    last = step;
    return generate({ secret, epoch: step * 30 });
  };
  return next;
}

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

// A test that needs more codes than the window holds waits for the next one, as a person would:
// up to 30 s, so the tests get room beyond vitest's default.
describe('two-step sign-in (TOTP) for staff', { timeout: 90_000 }, () => {
  let t: TestApp;
  let address = 0;
  // Each request from its own address unless a test says otherwise: only the account's count matters then.
  const from = () => `198.51.100.${++address}`;

  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { cookie?: string; body?: unknown; address?: string; origin?: string } = {},
  ) => {
    const headers: Record<string, string> = { 'x-forwarded-for': options.address ?? from() };
    headers.origin = options.origin ?? t.config.publicUrl;
    if (options.cookie) headers.cookie = options.cookie;
    if (method !== 'GET') headers['content-type'] = 'application/json';
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    });
    const text = await response.text();
    return { response, status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const errorOf = (result: { body: Record<string, unknown> }) => (result.body as ErrorBody).error;

  const signIn = async (email: string, address?: string) => {
    const result = await call('POST', '/api/auth/login', { body: { email, password }, address });
    return { ...result, pending: cookieOf(result.response, 'ward_mfa_pending') };
  };
  const verify = async (pending: string | undefined, code: string, address?: string) => {
    const result = await call('POST', '/api/auth/mfa/verify', { cookie: pending, body: { code }, address });
    return { ...result, session: cookieOf(result.response, 'ward_session') };
  };
  const enrol = async (cookie: string) => {
    const started = await call('POST', '/api/auth/mfa/enrolment', { cookie });
    expect(started.status).toBe(200);
    const secret = started.body.secret as string;
    const next = codes(secret);
    const first = await next();
    const confirmed = await call('POST', '/api/auth/mfa/enrolment/confirm', { cookie, body: { code: first } });
    expect(confirmed.status).toBe(200);
    return { secret, next, first, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_MFA_REQUIRED: 'admins-and-privacy-officers', WARD_TRUST_PROXY: 'true' } });
  });
  afterAll(() => t?.close());

  it('limits an administrator who has not set it up to the set-up, the console’s check and signing out', async () => {
    const { cookie } = await t.signUpStaff({ role: 'admin' });
    const me = await call('GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.mfa).toEqual({ enabled: false, required: true });
    for (const [method, path] of [
      ['GET', '/api/staff'],
      ['GET', '/api/conversations'],
      ['GET', '/api/departments'],
      ['POST', '/api/auth/mfa/recovery-codes'],
    ] as const) {
      const refused = await call(method, path, { cookie, body: { code: '123456' } });
      expect(refused.status, path).toBe(403);
      expect(errorOf(refused)).toEqual({
        code: 'mfa_enrolment_required',
        message: 'Set up two-step sign-in for your account to continue',
      });
    }
    await expect(t.agentSocket(cookie)).rejects.toThrow('Set up two-step sign-in for your account to continue');
    // Logged for the IT team like any refused access, by route pattern.
    expect(await readFile(t.logFile, 'utf8')).toContain(
      '"refused":"mfa_enrolment_required","method":"GET","route":"/api/staff"',
    );
    expect((await call('GET', '/api/auth/mfa', { cookie })).body).toEqual({
      enabled: false,
      required: true,
      recoveryCodesLeft: 0,
    });
    expect((await call('POST', '/api/auth/logout', { cookie })).status).toBe(204);
  });

  it('turns on with a first code, stores the secret sealed and the recovery codes as digests, and ends other sessions', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'admin' });
    const other = (await signIn(email)).response;
    const otherCookie = cookieOf(other, 'ward_session')!;
    expect((await call('GET', '/api/auth/me', { cookie: otherCookie })).status).toBe(200);

    const started = await call('POST', '/api/auth/mfa/enrolment', { cookie });
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(started.body.qrCodeSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);

    const wrong = await call('POST', '/api/auth/mfa/enrolment/confirm', { cookie, body: { code: 'abc' } });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).message).toBe('Enter the 6-digit code your authenticator app shows now');
    const next = codes(secret);
    const confirmed = await call('POST', '/api/auth/mfa/enrolment/confirm', { cookie, body: { code: await next() } });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(new Set(recoveryCodes).size).toBe(10);

    // On now: the session in use goes on, with everything open; the other one ended.
    expect((await call('GET', '/api/staff', { cookie })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: otherCookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/mfa', { cookie })).body).toEqual({
      enabled: true,
      required: true,
      recoveryCodesLeft: 10,
    });
    expect((await call('POST', '/api/auth/mfa/enrolment', { cookie })).status).toBe(409);

    const me = (await call('GET', '/api/auth/me', { cookie })).body.staff as { id: string };
    const stored = await t.ownerDb.selectFrom('staff_mfa').selectAll().where('staff_id', '=', me.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sealed_secret.includes(Buffer.from(secret))).toBe(false);
    const hashes = await t.ownerDb
      .selectFrom('staff_mfa_recovery_codes')
      .select('code_hash')
      .where('staff_id', '=', me.id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes)
      for (const code of recoveryCodes) expect(code_hash.includes(Buffer.from(code.replaceAll('-', '')))).toBe(false);
    const audit = await t.ownerDb
      .selectFrom('audit_events')
      .select(['purpose', 'action', 'fields', 'reason'])
      .where('record_id', '=', me.id)
      .execute();
    expect(audit).toContainEqual({
      purpose: 'account-security',
      action: 'create',
      fields: ['mfa_secret', 'mfa_recovery_codes'],
      reason: 'Two-step sign-in turned on',
    });
  });

  it('asks for a code after the password, refuses a wrong or replayed one, and opens the session with a right one', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'admin' });
    const { next, first: replayed } = await enrol(cookie);

    const password = await signIn(email);
    expect(password.status).toBe(200);
    expect(password.body).toEqual({ mfaRequired: true });
    expect(cookieOf(password.response, 'ward_session')).toBeUndefined();
    const pendingHeader = password.response.headers.getSetCookie().find((c) => c.startsWith('ward_mfa_pending='))!;
    expect(pendingHeader).toMatch(/HttpOnly/i);
    expect(pendingHeader).toMatch(/SameSite=Strict/i);
    expect(pendingHeader).toMatch(/Path=\/api\/auth\/mfa\/verify/);

    // The code of the step the set-up used: a replay.
    const replay = await verify(password.pending, replayed);
    expect(replay.status).toBe(401);
    expect(errorOf(replay).message).toBe('Enter a correct code from your app, or a recovery code');
    // From another origin: refused like sign-in.
    const foreign = await call('POST', '/api/auth/mfa/verify', {
      cookie: password.pending,
      body: { code: '123456' },
      origin: 'https://elsewhere.example',
    });
    expect(foreign.status).toBe(403);

    const right = await verify(password.pending, await next());
    expect(right.status).toBe(200);
    expect((right.body.staff as { email: string }).email).toBe(email);
    expect((await call('GET', '/api/staff', { cookie: right.session })).status).toBe(200);
    // The waiting sign-in was used up.
    expect((await verify(password.pending, '123456')).status).toBe(401);
    expect((await verify(undefined, '123456')).status).toBe(401);
  });

  it('lets the waiting sign-in lapse after five minutes: the password is asked again', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'admin' });
    const { next } = await enrol(cookie);
    const started = Date.now();
    const { pending } = await signIn(email);
    const [row] = await t.ownerDb
      .selectFrom('staff_mfa_challenges')
      .select('expires_at')
      .orderBy('created_at', 'desc')
      .limit(1)
      .execute();
    expect(row!.expires_at.getTime() - started).toBeGreaterThan(295_000);
    expect(row!.expires_at.getTime() - started).toBeLessThanOrEqual(301_000);
    await t.ownerDb
      .updateTable('staff_mfa_challenges')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('expires_at', '=', row!.expires_at)
      .execute();
    const late = await verify(pending, await next());
    expect(late.status).toBe(401);
    expect(errorOf(late).message).toBe('Your sign-in has timed out: sign in again');
  });

  it('takes each recovery code once, in place of a code', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'admin' });
    const { recoveryCodes } = await enrol(cookie);
    const [first, second] = recoveryCodes as [string, string];

    const once = await verify((await signIn(email)).pending, first);
    expect(once.status).toBe(200);
    const again = await verify((await signIn(email)).pending, first);
    expect(again.status).toBe(401);
    const typedLoosely = await verify((await signIn(email)).pending, second.toUpperCase().replaceAll('-', ' '));
    expect(typedLoosely.status).toBe(200);
    expect((await call('GET', '/api/auth/mfa', { cookie: typedLoosely.session })).body.recoveryCodesLeft).toBe(8);
  });

  it('counts wrong codes in the sign-in throttle: the account waits, then answers 429 with Retry-After', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'admin' });
    const { next } = await enrol(cookie);
    const { pending } = await signIn(email);
    for (let n = 0; n < 3; n++) expect((await verify(pending, n % 2 ? '000000' : 'not-a-code')).status).toBe(401);
    const waiting = await verify(pending, await next());
    expect(waiting.status).toBe(429);
    expect(waiting.response.headers.get('retry-after')).toBe('1');
    expect(errorOf(waiting).code).toBe('rate_limited');
    // A password alone does not start the count again.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { pending: later } = await signIn(email);
    expect((await verify(later, '000000')).status).toBe(401);
    expect((await verify(later, await next())).status).toBe(429);
  });

  it('lets an agent (optional for them) turn it on, get new recovery codes and turn it off, each with a current code', async () => {
    const { cookie, email } = await t.signUpStaff({ role: 'agent' });
    expect((await call('GET', '/api/auth/me', { cookie })).body.mfa).toEqual({ enabled: false, required: false });
    expect((await call('GET', '/api/conversations', { cookie })).status).toBe(200);
    const { next, recoveryCodes } = await enrol(cookie);

    const wrong = await call('POST', '/api/auth/mfa/recovery-codes', { cookie, body: { code: '000000' } });
    expect(wrong.status).toBe(400);
    const renewed = await call('POST', '/api/auth/mfa/recovery-codes', { cookie, body: { code: await next() } });
    expect(renewed.status).toBe(200);
    const fresh = renewed.body.recoveryCodes as string[];
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect((await verify((await signIn(email)).pending, recoveryCodes[0]!)).status).toBe(401);

    const off = await call('POST', '/api/auth/mfa/turn-off', { cookie, body: { code: await next() } });
    expect(off.status).toBe(204);
    const plain = await signIn(email);
    expect(plain.body).toHaveProperty('staff');
    expect(cookieOf(plain.response, 'ward_session')).toBeDefined();
  });

  it('does not let an administrator turn it off', async () => {
    const { cookie } = await t.signUpStaff({ role: 'admin' });
    const { next } = await enrol(cookie);
    const off = await call('POST', '/api/auth/mfa/turn-off', { cookie, body: { code: await next() } });
    expect(off.status).toBe(403);
    expect(errorOf(off).message).toBe('Two-step sign-in is required for your role: it cannot be turned off');
    expect((await call('GET', '/api/auth/mfa', { cookie })).body.enabled).toBe(true);
  });

  it('lets an administrator reset a colleague’s: their sessions end and they set it up again at the next sign-in', async () => {
    const admin = await t.signUpStaff({ role: 'admin' });
    await enrol(admin.cookie);
    const colleague = await t.signUpStaff({ role: 'admin' });
    await enrol(colleague.cookie);
    const colleagueId = ((await call('GET', '/api/auth/me', { cookie: colleague.cookie })).body.staff as { id: string })
      .id;
    const adminId = ((await call('GET', '/api/auth/me', { cookie: admin.cookie })).body.staff as { id: string }).id;
    const socket = await t.agentSocket(colleague.cookie);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));

    expect((await call('POST', `/api/staff/${adminId}/mfa/reset`, { cookie: admin.cookie })).status).toBe(409);
    const listed = async () =>
      (
        (await call('GET', '/api/staff', { cookie: admin.cookie })).body.staff as { id: string; mfaEnabled: boolean }[]
      ).find((member) => member.id === colleagueId)?.mfaEnabled;
    expect(await listed()).toBe(true);
    const reset = await call('POST', `/api/staff/${colleagueId}/mfa/reset`, { cookie: admin.cookie });
    expect(reset.status).toBe(204);
    await closed;
    expect(await listed()).toBe(false);
    expect((await call('GET', '/api/auth/me', { cookie: colleague.cookie })).status).toBe(401);

    const again = await signIn(colleague.email);
    expect(again.body).toHaveProperty('staff');
    const limited = cookieOf(again.response, 'ward_session')!;
    expect((await call('GET', '/api/auth/me', { cookie: limited })).body.mfa).toEqual({
      enabled: false,
      required: true,
    });
    expect((await call('GET', '/api/staff', { cookie: limited })).status).toBe(403);
    expect(
      await t.ownerDb
        .selectFrom('audit_events')
        .select(['actor_id', 'action', 'reason'])
        .where('record_id', '=', colleagueId)
        .where('reason', '=', 'Two-step sign-in reset by an administrator')
        .execute(),
    ).toEqual([{ actor_id: adminId, action: 'delete', reason: 'Two-step sign-in reset by an administrator' }]);
  });
});
