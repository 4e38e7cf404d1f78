import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseReferenceFromRandom,
  deletedByRetentionMarker,
  type ConversationWithMessages,
  type DestructionLogEntry,
  type RetentionHold,
  type UpcomingExpiry,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';

// Far in the future, so the hourly job (on the real clock) never touches these conversations:
// only the runs below, with their own clock, do.
const endedOn31January = new Date('2099-01-31T10:00:00Z');
const lastInstantKept = new Date('2099-02-28T23:59:59.999Z'); // GMT: London is on UTC in February
const justAfter = new Date('2099-03-01T00:00:00.000Z');

const text = {
  name: 'Retentiona Qzxvwy',
  email: 'retention.qzxvwy@example.com',
  resident: 'my neighbour keeps burning rubbish qzxvwy',
  agent: 'I have reported the bonfire qzxvwy',
  summary: 'Bonfire complaint passed to environmental health qzxvwy',
  comment: 'very helpful qzxvwy',
};

describe('retention by category, with legal holds', () => {
  let t: TestApp;
  let admin: { cookie: string };
  let agentCookie: string;
  const json = { 'content-type': 'application/json' };
  const api = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    fetch(`${t.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : json), cookie: init.cookie ?? admin.cookie },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const run = (now: Date) => runRetention(t.app.ctx, { now, jobId: `test-${randomUUID()}` });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
    agentCookie = (await t.signUpStaff()).cookie;
  });
  afterAll(async () => t?.close());

  /** A complete contact: messages, consent evidence, summary and survey, ended at `endedAt`. */
  async function contact(endedAt: Date) {
    const chat = await t.startChat({ name: text.name, email: text.email });
    const agent = await t.agentSocket(agentCookie);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const sent = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: text.resident });
    await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: text.agent,
    });
    if (sent.ok)
      await agent.emitWithAck('consent:mark', { conversationId: chat.conversationId, seq: sent.message.seq });
    await agent.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: text.summary });
    const survey = await fetch(`${t.url}/api/visitor/conversation/survey`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ rating: 5, comment: text.comment }),
    });
    expect(survey.status).toBe(204);
    agent.disconnect();
    visitor.disconnect();
    await t.app.db
      .updateTable('conversations')
      .set({ ended_at: endedAt })
      .where('id', '=', chat.conversationId)
      .execute();
    return chat;
  }

  const staffView = async (caseReference: string) =>
    (await (await api(`/api/conversations/by-reference/${caseReference}`)).json()) as ConversationWithMessages;
  const messageCount = async (conversationId: string) =>
    Number(
      (
        await t.app.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('conversation_id', '=', conversationId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps a conversation ended on 31 January through the end of 28 February (London), and deletes it just after', async () => {
    const chat = await contact(endedOn31January);
    await run(lastInstantKept);
    const kept = await staffView(chat.caseReference);
    expect(kept.messages.map((m) => m.body)).toEqual(expect.arrayContaining([text.resident, text.agent]));
    expect(kept.conversation).toMatchObject({
      visitorName: text.name,
      visitorEmail: text.email,
      summary: text.summary,
    });

    await run(justAfter);
    const after = await staffView(chat.caseReference);
    expect(after.messages).toEqual([]);
    expect(await messageCount(chat.conversationId)).toBe(0);
    expect(after.conversation).toMatchObject({
      caseReference: chat.caseReference,
      visitorName: deletedByRetentionMarker,
      visitorEmail: null,
      ipAddress: null,
      summary: null,
      browser: null,
      // Survey answers are kept for 12 months by default.
      survey: { rating: 5, comment: text.comment },
    });
    expect(after.conversation.lastSeq).toBeGreaterThan(0); // the count of messages stays
    // The resident's old link to the chat no longer reaches it.
    const resumed = await fetch(`${t.url}/api/visitor/conversation/survey`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ rating: 1 }),
    });
    expect(resumed.status).toBe(401);
    // Nobody can write personal data back onto it.
    const summary = await api(`/api/conversations/${chat.conversationId}/summary`, {
      method: 'PUT',
      body: { summary: 'written too late' },
    });
    expect(summary.status).toBe(409);

    await run(new Date('2100-01-31T23:59:59.999Z'));
    expect((await staffView(chat.caseReference)).conversation.survey).not.toBeNull();
    await run(new Date('2100-02-01T00:00:00.000Z'));
    expect((await staffView(chat.caseReference)).conversation.survey).toBeNull();
  });

  it('records each run in the destruction log: category, count and rule, and none of the conversation', async () => {
    const chat = await contact(new Date('2099-04-10T09:00:00Z'));
    const runAt = new Date('2099-05-11T00:00:00Z'); // after 10 May (BST) ends
    const { jobId } = await run(runAt);
    const response = await api('/api/retention/destruction-log');
    expect(response.status).toBe(200);
    const entries = ((await response.json()) as { entries: DestructionLogEntry[] }).entries.filter(
      (e) => e.jobId === jobId,
    );
    expect(entries.map((e) => e.category).sort()).toEqual([
      'chat-transcripts',
      'consent-evidence',
      'contact-summaries',
      'survey-answers',
    ]);
    const byCategory = Object.fromEntries(entries.map((e) => [e.category, e]));
    // The resident's message is consent evidence; the agent's and the two system lines are the transcript.
    expect(byCategory['chat-transcripts']).toMatchObject({
      count: 3,
      unit: 'messages',
      rule: 'chat-transcripts: 1 month',
      runAt: runAt.toISOString(),
    });
    expect(byCategory['consent-evidence']).toMatchObject({ count: 1, unit: 'messages' });
    expect(byCategory['contact-summaries']).toMatchObject({
      count: 1,
      unit: 'conversations',
      rule: 'contact-summaries: 1 month',
    });
    expect(byCategory['survey-answers']).toMatchObject({ count: 0, rule: 'survey-answers: 12 months' });

    const stored = JSON.stringify(await t.app.db.selectFrom('destruction_log').selectAll().execute()).toLowerCase();
    for (const value of [...Object.values(text), chat.caseReference, chat.conversationId]) {
      expect(stored.includes(value.toLowerCase()), `${value} in the destruction log`).toBe(false);
    }
    expect(stored).not.toContain('qzxvwy');
  });

  it('deletes nothing a hold covers until the hold is lifted or ends, and lists holds and their lifting', async () => {
    const byReference = await contact(endedOn31January);
    const byResident = await contact(endedOn31January);
    const untilJune = await contact(endedOn31January);
    const place = async (body: unknown) => {
      const response = await api('/api/retention/holds', { method: 'POST', body });
      expect(response.status).toBe(201);
      return ((await response.json()) as { hold: RetentionHold }).hold;
    };
    const first = await place({
      caseReference: byReference.caseReference.toLowerCase().replace('-', ' '),
      reason: 'Complaint to the Ombudsman, ref LGO-1',
    });
    const second = await place({
      conversationId: byResident.conversationId,
      covers: 'resident',
      reason: 'Subject access request in progress',
    });
    await place({ caseReference: untilJune.caseReference, reason: 'Insurance claim', endsAt: '2099-06-01T00:00:00Z' });
    expect(first).toMatchObject({
      covers: 'conversation',
      caseReferences: [byReference.caseReference],
      status: 'active',
      placedBy: { name: 'Priya Officer' },
      liftedAt: null,
    });
    expect(second).toMatchObject({
      covers: 'resident',
      conversationId: null,
      caseReferences: [byResident.caseReference],
    });

    const upcoming = ((await (await api('/api/retention/upcoming?limit=500')).json()) as { upcoming: UpcomingExpiry[] })
      .upcoming;
    const transcriptOf = (reference: string) =>
      upcoming.find((u) => u.caseReference === reference && u.category === 'chat-transcripts');
    expect(transcriptOf(byReference.caseReference)).toMatchObject({
      held: true,
      expiresAt: lastInstantKept.toISOString(),
    });
    expect(transcriptOf(byResident.caseReference)).toMatchObject({ held: true });

    await run(justAfter);
    for (const chat of [byReference, byResident, untilJune]) {
      const view = await staffView(chat.caseReference);
      expect(
        view.messages.map((m) => m.body),
        chat.caseReference,
      ).toEqual(expect.arrayContaining([text.resident, text.agent]));
      expect(view.conversation.summary).toBe(text.summary);
    }

    const lifted = await api(`/api/retention/holds/${first.id}/lift`, { method: 'POST', body: {} });
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as { hold: RetentionHold }).hold).toMatchObject({
      status: 'lifted',
      liftedBy: { name: 'Priya Officer' },
    });
    const listed = ((await (await api('/api/retention/holds')).json()) as { holds: RetentionHold[] }).holds;
    expect(listed.find((h) => h.id === first.id)).toMatchObject({
      status: 'lifted',
      reason: 'Complaint to the Ombudsman, ref LGO-1',
    });
    expect(listed.find((h) => h.id === second.id)).toMatchObject({ status: 'active', liftedAt: null });
    // Placing and lifting a hold are in the audit trail, without the hold's reason.
    const audited = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'case_reference', 'reason'])
      .where('record_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(audited).toEqual([
      { action: 'create', purpose: 'legal-hold', case_reference: byReference.caseReference, reason: null },
      { action: 'update', purpose: 'legal-hold', case_reference: null, reason: null },
    ]);
    const active = ((await (await api('/api/retention/holds?status=active')).json()) as { holds: RetentionHold[] })
      .holds;
    expect(active.map((h) => h.id)).not.toContain(first.id);

    await run(justAfter);
    expect((await staffView(byReference.caseReference)).messages).toEqual([]);
    expect((await staffView(byResident.caseReference)).messages).not.toEqual([]);
    expect((await staffView(untilJune.caseReference)).messages).not.toEqual([]);

    // The hold with an end stops protecting once that end has passed.
    await run(new Date('2099-06-01T00:00:00.001Z'));
    expect((await staffView(untilJune.caseReference)).messages).toEqual([]);
    expect((await staffView(byResident.caseReference)).conversation.summary).toBe(text.summary);
  });

  it('answers bad requests to the holds API with clear 4xx errors', async () => {
    const chat = await contact(endedOn31January);
    const refused = async (body: unknown, status: number, message: string | RegExp) => {
      const response = await api('/api/retention/holds', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    };
    await refused({ reason: 'Complaint' }, 400, 'Give either the conversation id or its case reference');
    await refused(
      { conversationId: chat.conversationId, caseReference: chat.caseReference, reason: 'Complaint' },
      400,
      'not both',
    );
    await refused({ caseReference: 'NOT-A-REF', reason: 'Complaint' }, 400, 'Enter a valid case reference');
    await refused(
      { caseReference: caseReferenceFromRandom([0, 0, 0, 0, 0, 0, 0]), reason: 'Complaint' },
      404,
      'The conversation was not found',
    );
    await refused({ conversationId: 'abc', reason: 'Complaint' }, 400, 'That is not a conversation id');
    await refused({ conversationId: randomUUID(), reason: 'Complaint' }, 404, 'not found');
    await refused({ conversationId: chat.conversationId }, 400, 'Enter the reason for the hold');
    await refused({ conversationId: chat.conversationId, reason: '   ' }, 400, 'Enter the reason for the hold');
    await refused({ conversationId: chat.conversationId, reason: 'x'.repeat(1001) }, 400, 'at most 1000 characters');
    await refused(
      { conversationId: chat.conversationId, reason: 'Complaint', endsAt: 'next tuesday' },
      400,
      'Enter the end as a date and time',
    );
    await refused(
      { conversationId: chat.conversationId, reason: 'Complaint', endsAt: '2001-01-01T00:00:00Z' },
      400,
      'must be in the future',
    );
    await refused(
      { conversationId: chat.conversationId, reason: 'Complaint', covers: 'everyone' },
      400,
      'covers must be',
    );

    const unknownLift = await api(`/api/retention/holds/${randomUUID()}/lift`, { method: 'POST', body: {} });
    expect(unknownLift.status).toBe(404);
    expect((await api('/api/retention/holds/abc/lift', { method: 'POST', body: {} })).status).toBe(400);
    const placed = (await (
      await api('/api/retention/holds', {
        method: 'POST',
        body: { conversationId: chat.conversationId, reason: 'Complaint' },
      })
    ).json()) as { hold: RetentionHold };
    expect((await api(`/api/retention/holds/${placed.hold.id}/lift`, { method: 'POST', body: {} })).status).toBe(200);
    const again = await api(`/api/retention/holds/${placed.hold.id}/lift`, { method: 'POST', body: {} });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: 'conflict', message: 'This hold has already been lifted' } });
    expect((await api('/api/retention/upcoming?limit=0')).status).toBe(400);
    expect((await api('/api/retention/holds?status=someday')).status).toBe(400);

    // Administrators only.
    expect((await api('/api/retention/holds', { cookie: agentCookie })).status).toBe(403);
    expect((await api('/api/retention/upcoming', { cookie: agentCookie })).status).toBe(403);
    expect(
      (
        await api('/api/retention/holds', {
          method: 'POST',
          body: { conversationId: chat.conversationId, reason: 'x' },
          cookie: agentCookie,
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${t.url}/api/retention/holds`)).status).toBe(401);
  });
});
