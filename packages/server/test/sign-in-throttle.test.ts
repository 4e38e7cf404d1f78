import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

const password = 'correct horse battery staple';
const redisUrl = process.env.WARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Signs in from `address` (X-Forwarded-For, with WARD_TRUST_PROXY on). */
async function signIn(t: TestApp, email: string, secret: string, address: string) {
  const response = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.publicUrl, 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: secret }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    error: response.status === 200 ? null : ((await response.json()) as ErrorBody).error,
  };
}

describe('sign-in throttling with the default limits: back-off after a few failures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t?.close());

  it('makes the account wait after the third failure, even for the right password, and answers alike for an unknown email', async () => {
    const { email } = await t.signUpStaff();
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect((await signIn(t, email, 'wrong password!', address)).status).toBe(401);
    const waiting = await signIn(t, email, password, '198.51.100.4');
    expect(waiting).toEqual({
      status: 429,
      retryAfter: '1',
      error: {
        code: 'rate_limited',
        message: 'Too many attempts to sign in. Try again in 1 second.',
        retryAfterSeconds: 1,
      },
    });

    const unknown = 'nobody-here@council.example';
    for (const address of ['198.51.100.11', '198.51.100.12', '198.51.100.13'])
      expect((await signIn(t, unknown, 'wrong password!', address)).status).toBe(401);
    expect(await signIn(t, unknown, password, '198.51.100.14')).toEqual(waiting);
  });

  it('counts one address’s failures across accounts', async () => {
    for (const n of [1, 2, 3])
      expect((await signIn(t, `guess${n}@council.example`, 'x', '203.0.113.9')).status).toBe(401);
    const { email } = await t.signUpStaff();
    expect((await signIn(t, email, password, '203.0.113.9')).status).toBe(429);
    expect((await signIn(t, email, password, '203.0.113.10')).status).toBe(200);
  });
});

describe('sign-in throttling: the lock, shared by every node', () => {
  // A low threshold so the lock is reached without waiting through the back-off.
  const env = {
    WARD_TRUST_PROXY: 'true',
    WARD_RATE_LIMITS: 'sign-in-failures=2/15m',
    WARD_INDEX_KEY: randomBytes(32).toString('base64'),
  };

  for (const store of ['PostgreSQL', 'Redis'] as const) {
    describe(`counted in ${store}`, () => {
      let nodeA: TestApp;
      let nodeB: TestApp;
      beforeAll(async () => {
        const shared = store === 'Redis' ? { ...env, REDIS_URL: redisUrl } : env;
        nodeA = await startTestApp({ env: shared });
        nodeB = await startTestApp({ env: shared, sameDatabaseAs: nodeA });
      });
      afterAll(async () => {
        await nodeB?.close();
        await nodeA?.close();
      });

      it('locks the account for the rest of the window on every node, from any address', async () => {
        const { email } = await nodeA.signUpStaff();
        expect((await signIn(nodeA, email, 'wrong password!', '192.0.2.1')).status).toBe(401);
        expect((await signIn(nodeB, email, 'wrong password!', '192.0.2.2')).status).toBe(401);
        for (const node of [nodeA, nodeB]) {
          const locked = await signIn(node, email, password, '192.0.2.3');
          expect(locked.status).toBe(429);
          expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60);
          expect(locked.error?.message).toBe('Too many attempts to sign in. Try again in 15 minutes.');
        }
        // Another account from a fresh address is not affected.
        const other = await nodeB.signUpStaff();
        expect((await signIn(nodeA, other.email, password, '192.0.2.50')).status).toBe(200);
      });

      it('stores no email address or network address with the counts', async () => {
        if (store === 'PostgreSQL') {
          const rows = await nodeA.ownerDb
            .selectFrom('rate_limits' as never)
            .selectAll()
            .execute();
          expect(rows.length).toBeGreaterThan(0);
          expect(JSON.stringify(rows)).not.toMatch(/@|192\.0\.2/);
        } else {
          expect(
            await nodeA.ownerDb
              .selectFrom('rate_limits' as never)
              .selectAll()
              .execute(),
          ).toEqual([]);
        }
      });
    });
  }
});
