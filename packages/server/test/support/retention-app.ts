import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CaseResponse, DestructionLogEntry, IntakeResponse, RetentionHold, UpcomingExpiry } from '@ward/protocol';
import { startTestApp, type TestApp } from './test-app.ts';
import { caseClient } from './case-requests.ts';
import { dumpDatabase } from './dump-database.ts';
import { runRetention } from '../../src/features/retention/run-retention.ts';
import { expireChannels } from '../../src/features/retention/expire-channels.ts';

// Far in the future, so the hourly job (on the real clock) never touches these contacts: only
// the runs of the tests, with their own clock, do. London is on GMT in January and February.
export const closedOn31January = new Date('2099-01-31T10:00:00Z');
export const lastInstantKept = new Date('2099-02-28T23:59:59.999Z');
export const justAfter = new Date('2099-03-01T00:00:00.000Z');
export const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

type Staff = { cookie: string; id: string };

/**
 * Ward for a file of retention tests (cases, forms, emails, records, holds): an administrator and
 * an agent, and the steps those tests repeat. The app and staff are there once `beforeAll` ran.
 */
export function useRetentionApp() {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: Staff;
  let agent: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    admin = await api.staff('admin', [], { firstName: 'Priya', lastName: 'Officer' });
    agent = await api.staff('agent');
  });
  afterAll(async () => t?.close());

  /** A run as the hourly job composes it: conversations, then everything else; small batches to exercise batching. */
  const run = async (now: Date, dryRun = false) => {
    const jobId = `test-${randomUUID()}`;
    const conversations = await runRetention(t.app.ctx, { now, jobId, dryRun, batchSize: 2, pauseBetweenBatchesMs: 0 });
    const channels = await expireChannels(t.app.ctx, { now, jobId, dryRun, batchSize: 2, pauseBetweenBatchesMs: 0 });
    return { jobId, conversations, channels, outcomes: channels.flatMap((c) => c.outcomes) };
  };
  const logged = async (jobId: string) =>
    (
      await (
        await api.call<{ entries: DestructionLogEntry[] }>('GET', '/api/retention/destruction-log', admin)
      ).body
    ).entries.filter((e) => e.jobId === jobId);

  const phoneContact = async (summary: string, resident: { name?: string; email?: string } = {}) =>
    (
      await api.call<IntakeResponse>('POST', '/api/intake/contacts', agent, {
        channel: 'phone',
        summary,
        departmentId: 'customer-services',
        ...resident,
      })
    ).body;
  const addNote = async (caseId: string, text: string) =>
    expect((await api.call('POST', `/api/cases/${caseId}/notes`, agent, { text })).status).toBe(201);
  /** Closes a case through the API, then moves its closing to `at` (the contact's end). */
  const close = async (caseId: string, at: Date) => {
    expect((await api.call('PUT', `/api/cases/${caseId}/status`, agent, { status: 'closed' })).status).toBe(200);
    await t.app.db.updateTable('cases').set({ closed_at: at }).where('id', '=', caseId).execute();
  };
  const caseView = async (caseId: string) =>
    (await api.call<CaseResponse>('GET', `/api/cases/${caseId}`, admin)).body.case;
  const placeHold = async (body: Record<string, unknown>) => {
    const response = await api.call<{ hold: RetentionHold }>('POST', '/api/retention/holds', admin, {
      reason: 'Ombudsman complaint 99-1',
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.hold;
  };
  const upcoming = async () =>
    (await api.call<{ upcoming: UpcomingExpiry[] }>('GET', '/api/retention/upcoming?limit=500', admin)).body.upcoming;
  const retentionAudit = (recordId: string) =>
    t.app.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'action', 'purpose', 'record_type', 'fields', 'reason', 'case_reference'])
      .where('record_id', '=', recordId)
      .where('purpose', '=', 'retention')
      .execute();
  const hex = (value: Buffer | null) => (value ? value.toString('hex') : '');
  /** Whether any of these ciphertexts is still anywhere in the database. */
  const stillStored = async (ciphertexts: string[]) => {
    const { text } = await dumpDatabase(t.databaseUrl);
    return ciphertexts.filter((c) => c.length > 0 && text.includes(c));
  };

  return {
    get t() {
      return t;
    },
    get api() {
      return api;
    },
    get admin() {
      return admin;
    },
    get agent() {
      return agent;
    },
    run,
    logged,
    phoneContact,
    addNote,
    close,
    caseView,
    placeHold,
    upcoming,
    retentionAudit,
    hex,
    stillStored,
  };
}
