import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRightsRequests } from '../src/features/rights/purge-rights-requests.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

describe('residents’ rights requests are kept 24 months after they close, then go with their key', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    cookie = (await api.staff('privacy_officer')).cookie;
  });
  afterAll(() => t?.close());

  const logRequest = async () => {
    const logged = await api.call<{ request: { id: string } }>(
      'POST',
      '/api/rights-requests',
      { cookie },
      {
        type: 'access',
        receivedOn: new Date().toISOString().slice(0, 10),
        channel: 'email',
        requesterName: 'Ann Resident',
        requesterContact: 'ann@example.com',
      },
    );
    expect(logged.status).toBe(201);
    return logged.body.request.id;
  };
  const close = async (id: string, monthsAgo: number) => {
    expect(
      (await api.call('POST', `/api/rights-requests/${id}/close`, { cookie }, { outcome: 'completed' })).status,
    ).toBe(200);
    const closedAt = new Date();
    closedAt.setUTCMonth(closedAt.getUTCMonth() - monthsAgo);
    await t.ownerDb.updateTable('rights_requests').set({ closed_at: closedAt }).where('id', '=', id).execute();
  };
  const subjectOf = async (id: string) =>
    (
      await t.ownerDb
        .selectFrom('rights_requests')
        .select('data_subject_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).data_subject_id;

  it('deletes only the requests closed longer ago than the period, destroys their keys and logs the count', async () => {
    const old = await logRequest();
    const recent = await logRequest();
    const open = await logRequest();
    await close(old, 26);
    await close(recent, 23);
    const oldSubject = await subjectOf(old);

    expect(await purgeRightsRequests(t.app.ctx, { now: new Date(), jobId: 'test-run' })).toBe(1);
    const left = await t.ownerDb.selectFrom('rights_requests').select('id').execute();
    expect(left.map((row) => row.id).sort()).toEqual([recent, open].sort());
    const steps = await t.ownerDb.selectFrom('rights_request_steps').select('request_id').execute();
    expect(steps.some((step) => step.request_id === old)).toBe(false);
    const key = await t.ownerDb
      .selectFrom('data_subjects')
      .select(['wrapped_key', 'shredded_at'])
      .where('id', '=', oldSubject)
      .executeTakeFirstOrThrow();
    expect(key.wrapped_key).toBeNull();
    expect(key.shredded_at).not.toBeNull();
    const logged = await t.ownerDb
      .selectFrom('destruction_log')
      .select(['category', 'count', 'rule'])
      .where('category', '=', 'rights-requests')
      .execute();
    expect(logged).toEqual([
      { category: 'rights-requests', count: 1, rule: expect.stringMatching(/after the request closed$/) },
    ]);
  });
});
