import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTables, type ReportSummary, type ReportTableBody, type SurveyComments } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { endAbandonedChats } from '../src/features/conversations/end-abandoned-chats.ts';
import { findCanaries, logCanaries } from './support/log-canaries.ts';
import { expectedAgentTime, expectedDay, fixtureDay, fixtureEvents, staffOne } from './report-fixture.rules.ts';

/**
 * Reports (issue 12, ADR 36): the contact events a chat and a form write as they happen, the
 * figures the database works out from a hand-computed day, who may read whose figures, and that
 * no report carries a resident's details.
 */
let t: TestApp;
let client: ReturnType<typeof caseClient>;
let admin: { cookie: string; id: string };
let agent: { cookie: string; id: string };
let supervisor: { cookie: string; id: string };
let privacy: { cookie: string; id: string };
let keyToken: string;
let intakeKeyToken: string;
const today = new Date().toISOString().slice(0, 10);
const comment = 'qzxvwy was lovely, My bin was not collected';

beforeAll(async () => {
  t = await startTestApp();
  client = caseClient(t);
  admin = await client.staff('admin');
  agent = await client.staff('agent', ['council-tax']);
  supervisor = await client.staff('supervisor', ['council-tax']);
  privacy = await client.staff('privacy_officer');
  const key = async (scopes: string[]) => {
    const made = await client.call<{ token: string }>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      {
        name: 'Reporting',
        scopes,
      },
    );
    expect(made.status).toBe(201);
    return made.body.token;
  };
  keyToken = await key(['reports']);
  intakeKeyToken = await key(['intake']);
  const organisation = await t.app.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'demo')
    .executeTakeFirstOrThrow();
  // The hand-computed day, long before today's real contacts.
  await t.app.db
    .insertInto('contact_events')
    .values(
      fixtureEvents.map((e) => ({
        organisation_id: organisation.id,
        kind: e.kind,
        channel: e.channel as 'chat',
        contact_id: e.contactId,
        department_id: e.departmentId,
        topic_id: e.topicId,
        staff_id: e.staffId,
        value: e.value,
        occurred_at: e.occurredAt,
      })),
    )
    .execute();
});
afterAll(() => t?.close());

const report = <T>(path: string, auth: { cookie?: string; bearer?: string }) => client.call<T>('GET', path, auth);

describe('contact events', () => {
  it('are written as a chat and a form happen, with ids and numbers only', async () => {
    const chat = await t.startChat({ topic: 'council-tax', name: 'Ann Resident', email: 'ann@example.com' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const socket = await t.agentSocket(agent.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    const message = (body: string) => ({ conversationId: chat.conversationId, clientMessageId: randomUUID(), body });
    expect((await visitor.emitWithAck('message:send', message('My bin was not collected'))).ok).toBe(true);
    expect((await socket.emitWithAck('message:send', message('Sorry to hear that'))).ok).toBe(true);
    expect((await socket.emitWithAck('message:send', message('Booked for tomorrow'))).ok).toBe(true);
    expect((await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId })).ok).toBe(true);
    const bearer = chat.visitorToken;
    expect(
      (await client.call('POST', '/api/visitor/conversation/survey', { bearer }, { rating: 4, comment })).status,
    ).toBe(204);
    expect(
      (await client.call('POST', '/api/visitor/conversation/transcript', { bearer }, { email: 'ann@example.com' }))
        .status,
    ).toBe(202);
    visitor.disconnect();
    socket.disconnect();
    const form = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { name: 'Ann Resident', email: 'ann@example.com', message: 'My bin was not collected' },
        consent: true,
      }),
    });
    expect(form.status).toBe(201);

    const events = await t.app.db
      .selectFrom('contact_events')
      .selectAll()
      .where('occurred_at', '>=', new Date(`${today}T00:00:00Z`))
      .orderBy('id')
      .execute();
    const chatEvents = events.filter((e) => e.contact_id === chat.conversationId);
    // One statement writes a message and its events, in no set order among themselves.
    expect(chatEvents.map((e) => e.kind).sort()).toEqual(
      [
        'chat-requested',
        'chat-queued',
        'chat-assigned',
        'chat-message',
        'chat-message',
        'chat-first-response',
        'chat-message',
        'chat-ended',
        'survey-answered',
        'transcript-requested',
      ].sort(),
    );
    expect(chatEvents.at(-3)?.kind).toBe('chat-ended');
    expect(chatEvents.find((e) => e.kind === 'chat-first-response')?.staff_id).toBe(agent.id);
    expect(chatEvents.every((e) => e.department_id === 'council-tax' && e.topic_id === 'council-tax')).toBe(true);
    expect(chatEvents.find((e) => e.kind === 'chat-ended')?.staff_id).toBe(agent.id);
    expect(chatEvents.find((e) => e.kind === 'survey-answered')?.value).toBe(4);
    expect(events.map((e) => `${e.kind}/${e.channel}`)).toEqual(
      expect.arrayContaining(['case-opened/chat', 'case-closed/chat', 'case-opened/form', 'form-submitted/form']),
    );
    expect(findCanaries(JSON.stringify(events))).toEqual([]);

    const summary = await report<ReportSummary>(`/api/reports/summary?from=${today}&to=${today}`, {
      cookie: admin.cookie,
    });
    expect(summary.status).toBe(200);
    expect(summary.body.figures).toMatchObject({
      offered: 1,
      answered: 1,
      abandoned: 0,
      messages: 3,
      transcriptRequests: 1,
      survey: { responses: 1, responseRatePermille: 1000, averageRatingHundredths: 400, distribution: [0, 0, 0, 1, 0] },
      formsSubmitted: 1,
      casesOpened: { chat: 1, form: 1 },
      casesClosed: { chat: 1 },
    });
  });
});

describe('advisers’ statuses', () => {
  it('are contact events as they change, in the transaction of the change, with the status only', async () => {
    const adviser = await client.staff('agent', ['council-tax']);
    const socket = await t.agentSocket(adviser.cookie);
    // Connecting records them as busy alongside the socket's first data: wait for it before choosing.
    await expect
      .poll(
        async () =>
          (
            await t.app.db
              .selectFrom('agent_routing')
              .select('status')
              .where('staff_id', '=', adviser.id)
              .executeTakeFirst()
          )?.status,
      )
      .toBe('busy');
    expect((await socket.emitWithAck('status:set', { status: 'available' })).ok).toBe(true);
    expect((await socket.emitWithAck('status:set', { status: 'away' })).ok).toBe(true);
    const statuses = await t.app.db
      .selectFrom('contact_events')
      .select(['kind', 'contact_id', 'department_id', 'value'])
      .where('staff_id', '=', adviser.id)
      .orderBy('id')
      .execute();
    // A new adviser starts busy (ADR 39), then chose available, then away.
    expect(statuses).toEqual(
      [2, 1, 3].map((value) => ({ kind: 'agent-status', contact_id: adviser.id, department_id: null, value })),
    );
    socket.disconnect();
  });
});

describe('how a chat that nobody answered ends', () => {
  it('is abandoned when the resident leaves, and missed when Ward ends it for waiting too long', async () => {
    const left = await t.startChat({ topic: 'council-tax', name: 'Ann Resident' });
    const visitor = await t.visitorSocket(left.visitorToken);
    expect((await visitor.emitWithAck('conversation:end', {})).ok).toBe(true);
    visitor.disconnect();
    const waited = await t.startChat({ topic: 'council-tax', name: 'Bob Resident' });
    const ended = await endAbandonedChats(t.app.ctx, { leftMinutes: 60, maxWaitMinutes: 0 });
    expect(ended.ended).toBe(1);
    const outcome = async (contactId: string) =>
      t.app.db
        .selectFrom('contact_events')
        .select(['kind', 'staff_id', 'value'])
        .where('contact_id', '=', contactId)
        .where('kind', 'in', ['chat-abandoned', 'chat-missed', 'chat-ended'])
        .execute();
    const [abandoned] = await outcome(left.conversationId);
    expect(abandoned).toMatchObject({ kind: 'chat-abandoned', staff_id: null });
    expect(abandoned?.value).toBeGreaterThanOrEqual(0);
    expect(await outcome(waited.conversationId)).toMatchObject([{ kind: 'chat-missed', staff_id: null }]);
  });

  it('closes a case as a contact event of its channel, by the member of staff who closed it', async () => {
    const form = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { name: 'Ann Resident', email: 'ann@example.com', message: 'Hello' },
        consent: true,
      }),
    });
    const { caseReference } = (await form.json()) as { caseReference: string };
    const row = await t.app.db
      .selectFrom('cases')
      .select(['id', 'department_id'])
      .where('case_reference', '=', caseReference)
      .executeTakeFirstOrThrow();
    const closed = await client.call(
      'PUT',
      `/api/cases/${row.id}/status`,
      { cookie: admin.cookie },
      { status: 'closed' },
    );
    expect(closed.status).toBe(200);
    const events = await t.app.db
      .selectFrom('contact_events')
      .select(['kind', 'channel', 'staff_id', 'department_id'])
      .where('contact_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'case-opened', channel: 'form', staff_id: null, department_id: row.department_id },
      { kind: 'form-submitted', channel: 'form', staff_id: null, department_id: row.department_id },
      { kind: 'case-closed', channel: 'form', staff_id: admin.id, department_id: row.department_id },
    ]);
  });
});

describe('figures worked out by the database', () => {
  const day = `from=${fixtureDay}&to=${fixtureDay}`;

  it('match the hand-computed day exactly', async () => {
    const summary = await report<ReportSummary>(`/api/reports/summary?${day}`, { cookie: admin.cookie });
    expect(summary.status).toBe(200);
    expect(summary.body.figures).toEqual(expectedDay);
    expect(summary.body.returnOnInvestment).toMatchObject({ avoidedCostPence: 1981, agentCostPence: 1867 });
  });

  it('give tables per hour, department and agent', async () => {
    const hours = await report<ReportTableBody>(`/api/reports/volumes?${day}&period=hour`, { cookie: admin.cookie });
    expect(hours.body.rows).toHaveLength(24);
    expect(hours.body.rows[9]).toMatchObject({ key: `${fixtureDay}T09:00`, label: '10 Mar 2026 09:00' });
    expect(hours.body.rows[9]?.figures.offered).toBe(2);
    expect(hours.body.rows[10]?.figures.agentTime).toEqual({
      availableMs: 120 * 60_000,
      withChatMs: 15 * 60_000,
      utilisationPermille: 125,
      concurrentMax: 2,
      concurrentAverageHundredths: 140,
    });
    const departments = await report<ReportTableBody>(`/api/reports/departments?${day}`, { cookie: admin.cookie });
    expect(departments.body.rows.map((r) => [r.label, r.figures.offered, r.figures.agentTime])).toEqual([
      ['Council Tax', 8, null],
    ]);
    const agents = await report<ReportTableBody>(`/api/reports/agents?${day}`, { cookie: admin.cookie });
    const one = agents.body.rows.find((r) => r.key === staffOne);
    expect(one).toMatchObject({
      label: 'Former member of staff',
      figures: { answered: 3, emailsAnswered: 1, agentTime: expectedAgentTime[staffOne] },
    });
    const byChannel = await report<ReportTableBody>(`/api/reports/channels?${day}`, { cookie: admin.cookie });
    expect(
      byChannel.body.rows.map((r) => [r.key, r.figures.outOfHours.received, r.figures.outOfHours.answered]),
    ).toEqual([
      ['chat', 0, 0],
      ['email', 1, 1],
      ['form', 1, 1],
    ]);
  });

  it('come as CSV downloads', async () => {
    const response = await fetch(`${t.url}/api/reports/agents?${day}&format=csv`, {
      headers: { cookie: admin.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="ward-report-agents-');
    const [header] = (await response.text()).split('\r\n');
    expect(header?.startsWith('"key","label","offered","answered"')).toBe(true);
    expect(header).toContain('"leftMessage"');
    expect(header).toContain('"outOfHours.answerMs.p50"');
    expect(header).toContain('"agentTime.utilisationPermille"');
  });
});

describe('who may read whose figures', () => {
  const day = `from=${fixtureDay}&to=${fixtureDay}`;

  it('keeps agents to their own figures and supervisors to their departments', async () => {
    const own = await report<ReportSummary>(`/api/reports/summary?${day}`, { cookie: agent.cookie });
    expect(own.status).toBe(200);
    expect(own.body.range).toMatchObject({ scope: 'own', agentId: agent.id });
    expect(own.body.figures.answered).toBe(0);
    expect((await report(`/api/reports/summary?${day}&agentId=${staffOne}`, { cookie: agent.cookie })).status).toBe(
      403,
    );
    const team = await report<ReportSummary>(`/api/reports/summary?${day}`, { cookie: supervisor.cookie });
    expect(team.body.range.scope).toBe('departments');
    expect(team.body.figures.offered).toBe(8);
    expect(
      (await report(`/api/reports/summary?${day}&departmentId=housing`, { cookie: supervisor.cookie })).status,
    ).toBe(403);
    expect((await report(`/api/reports/summary?${day}`, { cookie: privacy.cookie })).status).toBe(403);
  });

  it('lets an API key with the reports scope read the council’s figures, and no other key', async () => {
    const read = await report<ReportSummary>(`/api/reports/summary?${day}`, { bearer: keyToken });
    expect(read.status).toBe(200);
    expect(read.body.figures.offered).toBe(8);
    expect((await report(`/api/reports/summary?${day}`, { bearer: intakeKeyToken })).status).toBe(403);
  });

  it('refuses a bad period with a clear 400', async () => {
    const bad = await report<{ error: { message: string } }>('/api/reports/summary?from=2026-03-10&to=2026-03-01', {
      cookie: admin.cookie,
    });
    expect(bad.status).toBe(400);
    const hourly = await report('/api/reports/volumes?from=2026-01-01&to=2026-03-01&period=hour', {
      cookie: admin.cookie,
    });
    expect(hourly.status).toBe(400);
  });
});

describe('survey comments', () => {
  it('shows supervisors and administrators the comments of their departments’ chats, without who wrote them', async () => {
    const read = await report<SurveyComments>(`/api/reports/survey-comments?from=${today}&to=${today}`, {
      cookie: supervisor.cookie,
    });
    expect(read.status).toBe(200);
    expect(read.body.comments).toEqual([
      { day: today, department: 'Council Tax', topic: expect.any(String), rating: 4, comment },
    ]);
    expect(JSON.stringify(read.body)).not.toMatch(/Ann Resident|ann@example.com|WRD-/i);
    const audited = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'fields'])
      .where('actor_id', '=', supervisor.id)
      .where('record_type', '=', 'conversation')
      .execute();
    expect(audited).toContainEqual({ action: 'read', purpose: 'review-contact', fields: ['survey_comment'] });
  });

  it('is not for advisers, privacy officers or integrations, and comes only as JSON', async () => {
    const path = `/api/reports/survey-comments?from=${today}&to=${today}`;
    expect((await report(path, { cookie: agent.cookie })).status).toBe(403);
    expect((await report(path, { cookie: privacy.cookie })).status).toBe(403);
    expect((await report(path, { bearer: keyToken })).status).toBe(401);
    expect((await report(`${path}&format=csv`, { cookie: admin.cookie })).status).toBe(400);
    const elsewhere = await report(`${path}&departmentId=housing`, { cookie: supervisor.cookie });
    expect(elsewhere.status).toBe(403);
  });
});

describe('reports never carry a resident’s details', () => {
  it('holds none of the run’s canary values in any table, as JSON or CSV', async () => {
    expect(logCanaries).toContain('Ann Resident');
    const seen: string[] = [];
    for (const path of ['summary', ...reportTables])
      for (const format of ['json', 'csv'])
        for (const auth of [{ cookie: admin.cookie }, { bearer: keyToken }]) {
          const headers: Record<string, string> = auth.cookie
            ? { cookie: auth.cookie }
            : { authorization: `Bearer ${auth.bearer}` };
          const response = await fetch(`${t.url}/api/reports/${path}?from=${today}&to=${today}&format=${format}`, {
            headers,
          });
          expect(response.status).toBe(200);
          seen.push(...findCanaries(await response.text()));
        }
    expect(seen).toEqual([]);
  });
});
