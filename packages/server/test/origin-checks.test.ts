import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { CreatedApiKey } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/** A POST exactly as given: Node's http sends no Origin unless told (the test fetch adds one, as browsers do). */
function rawPost(url: string, headers: Record<string, string>, body: unknown) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('Origin checks on staff sessions', () => {
  let t: TestApp;
  let admin: { cookie: string; id: string };
  let email: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await caseClient(t).staff('admin');
    ({ email } = await t.signUpStaff());
  });
  afterAll(async () => t?.close());

  const invite = { email: 'new.starter@council.example', role: 'agent' };

  it('refuses a state-changing staff request with no Origin or a foreign one, and accepts Ward’s own', async () => {
    const url = `${t.url}/api/staff/invitations`;
    expect(await rawPost(url, { cookie: admin.cookie }, invite)).toBe(403);
    expect(await rawPost(url, { cookie: admin.cookie, origin: 'https://evil.example' }, invite)).toBe(403);
    expect(await rawPost(url, { cookie: admin.cookie, origin: t.config.publicUrl }, invite)).toBe(201);
  });

  it('checks Origin on signing in and out too', async () => {
    const login = { email, password: 'correct horse battery staple' };
    expect(await rawPost(`${t.url}/api/auth/login`, {}, login)).toBe(403);
    expect(await rawPost(`${t.url}/api/auth/login`, { origin: 'https://evil.example' }, login)).toBe(403);
    expect(await rawPost(`${t.url}/api/auth/login`, { origin: t.config.publicUrl }, login)).toBe(200);
    expect(await rawPost(`${t.url}/api/auth/logout`, { cookie: admin.cookie }, {})).toBe(403);
    expect(await rawPost(`${t.url}/api/auth/logout`, { cookie: admin.cookie, origin: t.config.publicUrl }, {})).toBe(
      204,
    );
  });

  it('needs no Origin for an API key, which is not a cookie', async () => {
    const { cookie } = await caseClient(t).staff('admin');
    const created = await caseClient(t).call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie },
      { name: 'CRM', scopes: ['intake'] },
    );
    const status = await rawPost(
      `${t.url}/api/intake/social-media`,
      { authorization: `Bearer ${created.body.token}` },
      {
        platform: 'x',
        handle: '@resident',
        request: 'Streetlight out',
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        departmentId: 'highways',
      },
    );
    expect(status).toBe(201);
  });

  it('accepts staff sockets only with Ward’s own Origin', async () => {
    const attempt = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = connect(`${t.url}/agent`, {
          extraHeaders: headers,
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', (error) => resolve(error.message));
      });
    const { cookie } = await t.signUpStaff();
    expect(await attempt({ cookie })).toBe('Staff connections must come from the Ward console');
    // A foreign Origin is refused before Socket.IO even opens the connection.
    expect(await attempt({ cookie, origin: 'https://evil.example' })).toBe('websocket error');
    expect(await attempt({ cookie, 'sec-fetch-site': 'cross-site' })).toBe(
      'Staff connections must come from the Ward console',
    );
    expect(await attempt({ cookie, origin: t.config.publicUrl })).toBe('connected');
    // The console's first long-polling request is a same-origin GET: no Origin, but Sec-Fetch-Site.
    expect(await attempt({ cookie, 'sec-fetch-site': 'same-origin' })).toBe('connected');
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_PUBLIC_URL: 'https://chat.council.example' } });
  });
  afterAll(async () => t?.close());

  it('sends HSTS when Ward’s public address is https', async () => {
    expect((await fetch(`${t.url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('sets frame-ancestors on every HTML page: none for Ward’s own, the council’s sites for the widget', async () => {
    for (const path of [
      '/',
      '/forms/demo/',
      '/forms/demo/report-a-fault',
      '/console/',
      '/console/cases/x',
      '/no-such-page',
    ]) {
      const csp = (await fetch(`${t.url}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
    const widget = (await fetch(`${t.url}/widget/app/`)).headers.get('content-security-policy') ?? '';
    expect(widget).toMatch(/frame-ancestors 'self'/);
  });
});

describe('no HSTS over plain http', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());
  it('leaves it out', async () => {
    expect((await fetch(`${t.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});
