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
});
