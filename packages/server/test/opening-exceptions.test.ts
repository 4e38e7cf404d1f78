import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpeningException, OpeningExceptionsResponse, RoutingAgentsResponse, WidgetConfig } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { addDays, londonDateOf, londonInstantOf } from '../src/shared/london-calendar.rules.ts';
import { isoDate } from '../src/shared/uk-bank-holidays.rules.ts';

type Staff = { cookie: string; id: string };

/**
 * Closures and special hours, and a department's routing, set by administrators in the console
 * (issue 11, ADR 47): stored in PostgreSQL, so a second Ward node on the same database follows a
 * change at its next read, with no restart. The test council is otherwise open round the clock.
 */
describe('opening-hours exceptions and department routing from the console', () => {
  let t: TestApp;
  let second: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: Staff;
  let supervisor: Staff;

  const today = () => londonDateOf(new Date());
  const topicOn = async (node: TestApp, topic: string) => {
    const config = (await (await fetch(`${node.url}/api/widget/demo/config`)).json()) as WidgetConfig;
    return config.topics.find((item) => item.id === topic);
  };
  const add = (body: unknown, who: Staff = admin) =>
    api.call<{ exception: OpeningException; error?: { message: string } }>(
      'POST',
      '/api/opening-hours/exceptions',
      { cookie: who.cookie },
      body,
    );
  const list = async () =>
    (await api.call<OpeningExceptionsResponse>('GET', '/api/opening-hours/exceptions', { cookie: admin.cookie })).body;
  const remove = (id: string, who: Staff = admin) =>
    api.call('DELETE', `/api/opening-hours/exceptions/${id}`, { cookie: who.cookie });
  const auditOf = (recordId: string) =>
    t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'record_type', 'actor_id'])
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await startTestApp();
    second = await startTestApp({ sameDatabaseAs: t });
    api = caseClient(t);
    admin = await api.staff('admin');
    supervisor = await api.staff('supervisor');
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('a closure for one department today closes its topics on every node at once, until it is removed', async () => {
    expect(await topicOn(second, 'council-tax')).toMatchObject({ open: true });
    const added = await add({
      kind: 'closure',
      from: isoDate(today()),
      to: isoDate(today()),
      reason: 'Storm damage to the office',
      departments: ['council-tax'],
    });
    expect(added.status).toBe(201);
    expect(added.body.exception).toMatchObject({
      kind: 'closure',
      from: isoDate(today()),
      openings: [],
      reason: 'Storm damage to the office',
      departments: ['council-tax'],
    });
    const id = added.body.exception.id;
    // The other node reads it from the database: closed, back tomorrow (the test council opens at midnight).
    expect(await topicOn(second, 'council-tax')).toEqual({
      id: 'council-tax',
      label: 'Council Tax',
      sensitive: false,
      open: false,
      opensAt: londonInstantOf(addDays(today(), 1), 0).toISOString(),
      staffed: false,
    });
    expect(await topicOn(second, 'housing')).toMatchObject({ open: true });
    expect((await list()).exceptions.map((e) => e.id)).toContain(id);
    expect(await auditOf(id)).toEqual([
      { action: 'create', purpose: 'administration', record_type: 'opening_exception', actor_id: admin.id },
    ]);

    expect((await remove(id)).status).toBe(204);
    expect(await topicOn(second, 'council-tax')).toMatchObject({ open: true, opensAt: null });
    expect((await list()).exceptions.map((e) => e.id)).not.toContain(id);
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect((await remove(id)).status).toBe(404);
  });

  it('special hours replace the weekday’s openings on their date, for the departments named', async () => {
    const tomorrow = addDays(today(), 1);
    const closed = await add({
      kind: 'closure',
      from: isoDate(today()),
      to: isoDate(today()),
      reason: 'Training',
      departments: ['housing'],
    });
    const special = await add({
      kind: 'special-hours',
      from: isoDate(tomorrow),
      to: isoDate(tomorrow),
      openings: [['10:00', '11:30']],
      reason: 'Christmas Eve',
      departments: ['housing'],
    });
    expect(special.status).toBe(201);
    expect(special.body.exception).toMatchObject({ kind: 'special-hours', openings: [['10:00', '11:30']] });
    // Closed today, and tomorrow it opens at 10:00 London time rather than at midnight.
    expect(await topicOn(second, 'domestic-abuse')).toMatchObject({
      open: false,
      opensAt: londonInstantOf(tomorrow, 600).toISOString(),
    });
    for (const id of [closed.body.exception.id, special.body.exception.id]) expect((await remove(id)).status).toBe(204);
  });

  it('refuses what it cannot keep with a clear 400, and only administrators may change or read them', async () => {
    const valid = { kind: 'closure', from: isoDate(today()), to: isoDate(today()), reason: 'Storm' };
    const refused = async (body: unknown) => {
      const response = await add(body);
      expect(response.status).toBe(400);
      return response.body.error?.message;
    };
    expect(await refused({ ...valid, departments: ['libraries'] })).toBe('Select departments from the list');
    expect(await refused({ ...valid, from: '2026-02-30' })).toMatch(/real date/);
    expect(await refused({ ...valid, to: isoDate(addDays(today(), -1)) })).toMatch(/same as or after/);
    const yesterday = isoDate(addDays(today(), -1));
    expect(await refused({ ...valid, from: yesterday, to: yesterday })).toBe(
      'The last date must be today or in the future',
    );
    expect(await refused({ ...valid, reason: '  ' })).toBe('Enter the reason');
    expect(await refused({ ...valid, kind: 'special-hours' })).toBe('Enter the opening and closing times');
    expect(await refused({ ...valid, kind: 'special-hours', openings: [['12:00', '09:00']] })).toMatch(/after/);
    expect((await add(valid, supervisor)).status).toBe(403);
    expect((await api.call('GET', '/api/opening-hours/exceptions', { cookie: supervisor.cookie })).status).toBe(403);
    expect((await list()).exceptions).toEqual([]);
  });

  it('a card number typed into the reason is removed before it is stored', async () => {
    const added = await add({
      kind: 'closure',
      from: isoDate(today()),
      to: isoDate(today()),
      reason: 'Refund to 4111 1111 1111 1111 first',
      departments: ['parking'],
    });
    expect(added.status).toBe(201);
    expect(added.body.exception.reason).not.toContain('4111');
    const stored = await t.app.db
      .selectFrom('opening_exceptions')
      .select('reason')
      .where('id', '=', added.body.exception.id)
      .executeTakeFirstOrThrow();
    expect(stored.reason).not.toContain('4111');
    expect((await remove(added.body.exception.id)).status).toBe(204);
  });

  it('a department’s routing set in the console applies on every node, and null goes back to the settings file', async () => {
    const departmentOn = async (node: TestApp) => {
      const response = await fetch(`${node.url}/api/routing/agents`, { headers: { cookie: admin.cookie } });
      return ((await response.json()) as RoutingAgentsResponse).departments.find((d) => d.departmentId === 'waste');
    };
    const set = (body: unknown, department = 'waste', who: Staff = admin) =>
      api.call('PUT', `/api/routing/departments/${department}`, { cookie: who.cookie }, body);
    expect(await departmentOn(second)).toMatchObject({ strategy: 'least-busy', capacity: null, setInConsole: false });
    expect((await set({ strategy: 'round-robin', capacity: 4 })).body).toEqual({
      department: {
        departmentId: 'waste',
        label: 'Waste and recycling',
        strategy: 'round-robin',
        capacity: 4,
        setInConsole: true,
        consoleStrategy: 'round-robin',
        consoleCapacity: 4,
      },
    });
    expect(await departmentOn(second)).toMatchObject({ strategy: 'round-robin', capacity: 4, setInConsole: true });
    expect((await auditOf('waste')).at(-1)).toEqual({
      action: 'update',
      purpose: 'administration',
      record_type: 'routing_department',
      actor_id: admin.id,
    });
    // Only the capacity: the strategy stays the file's.
    expect((await set({ strategy: null, capacity: 5 })).body).toMatchObject({
      department: { strategy: 'least-busy', capacity: 5, consoleStrategy: null, consoleCapacity: 5 },
    });
    expect((await set({ strategy: null, capacity: null })).status).toBe(200);
    expect(await departmentOn(second)).toMatchObject({ strategy: 'least-busy', capacity: null, setInConsole: false });
    expect((await set({ strategy: 'manual', capacity: null }, 'libraries')).status).toBe(404);
    expect((await set({ strategy: 'fastest', capacity: null })).status).toBe(400);
    expect((await set({ strategy: null, capacity: 21 })).status).toBe(400);
    expect((await set({ strategy: 'manual', capacity: null }, 'waste', supervisor)).status).toBe(403);
  });
});
