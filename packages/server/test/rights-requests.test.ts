import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { RightsRequestDetail, RightsRequestSummary } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';

type Staff = { cookie: string; id: string; email: string };
type One = { request: RightsRequestDetail; error?: { code: string; message: string } };

const requester = { name: 'Morag Canarybird', contact: 'morag.canarybird@example.com' };

describe("residents' rights requests (ADR 28)", () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let officer: Staff;
  let admin: Staff;

  const log = (body: Record<string, unknown>, who: Staff = officer) =>
    api.call<One>(
      'POST',
      '/api/rights-requests',
      { cookie: who.cookie },
      { channel: 'email', requesterName: requester.name, requesterContact: requester.contact, ...body },
    );
  const post = (id: string, verb: string, body: unknown, who: Staff = officer) =>
    api.call<One>('POST', `/api/rights-requests/${id}/${verb}`, { cookie: who.cookie }, body);

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    officer = await api.staff('privacy_officer', [], { firstName: 'Priya', lastName: 'Officer' });
    admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
  });
  afterAll(async () => t?.close());

  it('logs every type of request with its due date one calendar month on, moved to a working day', async () => {
    for (const type of ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection']) {
      const logged = await log({ type, receivedOn: '2026-01-31' });
      expect(logged.status).toBe(201);
      // 28 February 2026 is a Saturday.
      expect(logged.body.request).toMatchObject({
        type,
        status: 'received',
        dueOn: '2026-03-02',
        requesterName: requester.name,
        ownerId: officer.id,
        ownerName: 'Priya Officer',
        flag: { kind: 'overdue' },
      });
      expect(logged.body.request.steps).toMatchObject([
        { action: 'logged', on: '2026-01-31', actorName: 'Priya Officer' },
      ]);
    }
    const christmas = await log({ type: 'access', receivedOn: '2026-11-25' });
    expect(christmas.body.request.dueOn).toBe('2026-12-29');
  });

  it('stops the clock while waiting for identity and restarts it with the days that were left', async () => {
    const { body } = await log({ type: 'access', receivedOn: '2026-03-01', caseReference: 'abcd 1234' });
    expect(body.error?.message).toMatch(/case reference/);
    const logged = await log({ type: 'access', receivedOn: '2026-03-01' });
    const id = logged.body.request.id;
    expect(logged.body.request.dueOn).toBe('2026-04-01');

    const paused = await post(id, 'status', { status: 'awaiting-identity', on: '2026-03-10', reason: 'Asked for ID' });
    expect(paused.status).toBe(200);
    expect(paused.body.request).toMatchObject({ status: 'awaiting-identity', dueOn: null });
    expect(paused.body.request.flag).toEqual({ kind: 'paused', daysLeft: 22 });

    const early = await post(id, 'status', { status: 'in-progress', on: '2026-03-09' });
    expect(early.status).toBe(400);
    expect(early.body.error?.message).toMatch(/on or after 2026-03-10/);

    // Ten days stopped: 11 April 2026 is a Saturday, so Monday 13 April.
    const resumed = await post(id, 'status', {
      status: 'in-progress',
      on: '2026-03-20',
      identityMethod: 'documents',
      identityNote: 'Passport seen; paid with card 4111 1111 1111 1111',
    });
    expect(resumed.body.request).toMatchObject({
      status: 'in-progress',
      dueOn: '2026-04-13',
      identityMethod: 'documents',
    });
    expect(resumed.body.request.identityNote).toMatch(/^Passport seen; paid with card /);
    expect(resumed.body.request.identityNote).not.toContain('4111 1111 1111 1111');

    const extended = await post(id, 'extend', { months: 2, reason: 'Records held in three departments' });
    expect(extended.status).toBe(200);
    expect(extended.body.request).toMatchObject({ status: 'extended', dueOn: '2026-06-11', extensionMonths: 2 });

    const again = await post(id, 'extend', { months: 1, reason: 'More records' });
    expect(again.status).toBe(400);
    expect(again.body.error?.message).toBe('This request has already been extended by the full two months');
    expect((await post(id, 'extend', { months: 3, reason: 'x' })).body.error?.message).toBe('Select 1 or 2 months');
    expect((await post(id, 'extend', { months: 1 })).status).toBe(400);

    const read = await api.call<One>('GET', `/api/rights-requests/${id}`, { cookie: admin.cookie });
    expect(read.body.request.steps.map((s) => [s.action, s.status, s.on, s.reason])).toEqual([
      ['logged', 'received', '2026-03-01', null],
      ['status', 'awaiting-identity', '2026-03-10', 'Asked for ID'],
      ['status', 'in-progress', '2026-03-20', null],
      ['extended', 'extended', expect.any(String), 'Records held in three departments'],
    ]);
  });

  it('assigns, closes with a reason when refused, and changes nothing once closed', async () => {
    const logged = await log({ type: 'erasure', receivedOn: '2026-02-02' });
    const id = logged.body.request.id;
    const agent = await api.staff('agent');
    expect((await post(id, 'owner', { ownerId: agent.id })).status).toBe(400);
    const assigned = await post(id, 'owner', { ownerId: admin.id });
    expect(assigned.body.request).toMatchObject({ ownerId: admin.id, ownerName: 'Ada Admin' });

    const noReason = await post(id, 'close', { outcome: 'refused' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toBe('Enter the reason the request was refused');
    const closed = await post(id, 'close', { outcome: 'refused', reason: 'Manifestly unfounded' });
    expect(closed.body.request).toMatchObject({ status: 'refused', flag: { kind: 'closed' } });
    expect((await post(id, 'status', { status: 'in-progress' })).status).toBe(400);
    expect((await post(id, 'close', { outcome: 'completed' })).status).toBe(400);
  });

  it('lists by due date, filtered by status, owner and overdue', async () => {
    const soon = await log({ type: 'objection', receivedOn: new Date().toISOString().slice(0, 10) });
    const all = await api.call<{ requests: RightsRequestSummary[] }>('GET', '/api/rights-requests', {
      cookie: officer.cookie,
    });
    const dues = all.body.requests.map((r) => r.dueOn).filter((d) => d !== null);
    expect(dues).toEqual([...dues].sort());
    expect(all.body.requests.find((r) => r.id === soon.body.request.id)?.flag.kind).toBe('due-in');

    const overdue = await api.call<{ requests: RightsRequestSummary[] }>('GET', '/api/rights-requests?overdue=true', {
      cookie: officer.cookie,
    });
    expect(overdue.body.requests.length).toBeGreaterThan(0);
    expect(overdue.body.requests.every((r) => r.flag.kind === 'overdue')).toBe(true);
    const refused = await api.call<{ requests: RightsRequestSummary[] }>('GET', '/api/rights-requests?status=refused', {
      cookie: officer.cookie,
    });
    expect(refused.body.requests.map((r) => r.status)).toEqual(['refused']);
    const mine = await api.call<{ requests: RightsRequestSummary[] }>(
      'GET',
      `/api/rights-requests?ownerId=${admin.id}`,
      { cookie: officer.cookie },
    );
    expect(mine.body.requests.map((r) => r.ownerName)).toEqual(['Ada Admin']);
    const bad = await api.call<One>('GET', '/api/rights-requests?overdue=maybe', { cookie: officer.cookie });
    expect(bad.status).toBe(400);
  });

  it('refuses agents and supervisors, and a request received in the future', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const who = await api.staff(role);
      expect((await api.call('GET', '/api/rights-requests', { cookie: who.cookie })).status).toBe(403);
      expect((await log({ type: 'access', receivedOn: '2026-01-05' }, who)).status).toBe(403);
    }
    const future = await log({ type: 'access', receivedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error?.message).toBe('The date received must be today or in the past');
    expect((await log({ type: 'access', receivedOn: '2026-02-30' })).status).toBe(400);
  });

  it('audits every read and change with the purpose rights-request', async () => {
    const logged = await log({ type: 'portability', receivedOn: '2026-05-05' });
    const id = logged.body.request.id;
    await api.call('GET', `/api/rights-requests/${id}`, { cookie: officer.cookie });
    await post(id, 'status', { status: 'awaiting-clarification' });
    const entries = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'actor_id', 'data_subject_id'])
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.action, e.purpose, e.actor_id])).toEqual([
      ['create', 'rights-request', officer.id],
      ['read', 'rights-request', officer.id],
      ['update', 'rights-request', officer.id],
    ]);
    expect(entries[0]?.data_subject_id).toBeTruthy();
  });

  it("keeps the requester's name, contact and typed reasons out of the database in plain text", async () => {
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain('rights_requests');
    for (const value of [
      requester.name,
      requester.contact,
      'Records held in three departments',
      'Manifestly unfounded',
    ])
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${value} in the ${dump.how} dump`).toBe(false);
  });
});

describe("a Scottish council's rights requests", () => {
  let t: TestApp;
  let file: string;
  const write = (nation: string) =>
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'glenshire',
        name: 'Glenshire Council',
        settings: { topics: [{ id: 'tax', label: 'Tax' }], nation },
      }),
    );

  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-rights-')), 'org.json');
    write('wales');
    expect(() => loadConfig({ WARD_ORGANISATION_FILE: file })).toThrow(/settings.nation/);
    write('scotland');
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
  });
  afterAll(async () => t?.close());

  it('counts Scotland’s bank holidays: Easter Monday is a working day, St Andrew’s Day is not', async () => {
    const api = caseClient(t);
    const officer = await api.staff('privacy_officer');
    const log = async (receivedOn: string) =>
      (
        await api.call<One>(
          'POST',
          '/api/rights-requests',
          { cookie: officer.cookie },
          { type: 'access', receivedOn, channel: 'letter', requesterName: requester.name, requesterContact: 'By post' },
        )
      ).body.request.dueOn;
    expect(await log('2026-03-06')).toBe('2026-04-06');
    // 30 November 2026 is a Monday.
    expect(await log('2026-10-30')).toBe('2026-12-01');
  });
});
