import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

describe('staff sessions end when idle, and when someone’s access changes', () => {
  let t: TestApp;
  let client: ReturnType<typeof caseClient>;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_SESSION_IDLE_MINUTES: '10' } });
    client = caseClient(t);
  });
  afterAll(() => t?.close());

  const idleFor = async (staffId: string, minutes: number) =>
    t.ownerDb
      .updateTable('staff_sessions')
      .set({ last_seen_at: new Date(Date.now() - minutes * 60_000) })
      .where('staff_id', '=', staffId)
      .execute();

  it('signs out a session unused for longer than WARD_SESSION_IDLE_MINUTES, and keeps a used one alive', async () => {
    const agent = await client.staff('agent');
    await idleFor(agent.id, 9);
    expect((await client.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(200);
    // That use counts: nine more minutes later the session is still there.
    const seen = await t.ownerDb
      .selectFrom('staff_sessions')
      .select('last_seen_at')
      .where('staff_id', '=', agent.id)
      .executeTakeFirstOrThrow();
    expect(Date.now() - seen.last_seen_at.getTime()).toBeLessThan(60_000);

    await idleFor(agent.id, 11);
    expect((await client.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(401);
    const socket = await t.agentSocket(agent.cookie).catch((error: Error) => error);
    expect(socket).toBeInstanceOf(Error);
  });

  it('ends every session of someone whose departments change, and closes their live connection', async () => {
    const admin = await client.staff('admin');
    const agent = await client.staff('agent', ['housing']);
    const socket = await t.agentSocket(agent.cookie);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const changed = await client.call(
      'PUT',
      `/api/staff/${agent.id}/departments`,
      { cookie: admin.cookie },
      {
        departments: ['council-tax'],
      },
    );
    expect(changed.status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await client.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(401);
    // The administrator who made the change carries on.
    expect((await client.call('GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(200);
  });

  it('changes a password: their other sessions end and their connections close, the one they use carries on', async () => {
    const agent = await client.staff('agent');
    const signIn = (password: string) =>
      fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: agent.email, password }),
      });
    const otherDevice = ((await signIn('correct horse battery staple')).headers.get('set-cookie') ?? '').split(';')[0]!;
    const socket = await t.agentSocket(otherDevice);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const change = (currentPassword: string, newPassword: string) =>
      client.call<{ error?: { message: string } }>(
        'POST',
        '/api/auth/password',
        { cookie: agent.cookie },
        { currentPassword, newPassword },
      );

    const wrong = await change('not my password', 'a brand new passphrase');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toBe('Your current password is not right');
    expect((await change('correct horse battery staple', 'short')).status).toBe(400);
    expect((await client.call('GET', '/api/auth/me', { cookie: otherDevice })).status).toBe(200);

    expect((await change('correct horse battery staple', 'a brand new passphrase')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect((await client.call('GET', '/api/auth/me', { cookie: otherDevice })).status).toBe(401);
    expect((await client.call('GET', '/api/auth/me', { cookie: agent.cookie })).status).toBe(200);
    expect((await signIn('correct horse battery staple')).status).toBe(401);
    expect((await signIn('a brand new passphrase')).status).toBe(200);
  });
});
