import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseResponse,
  DestructionLogEntry,
  FormSubmissionView,
  IntakeResponse,
  RetentionHold,
  UpcomingExpiry,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { expireChannels, withChannelOutcomes } from '../src/features/retention/expire-channels.ts';
import { describeRun } from '../src/cli/retention-run.ts';
import { receiveEmail } from '../src/features/emails/receive-email.ts';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';

// Far in the future, so the hourly job (on the real clock) never touches these contacts: only
// the runs below, with their own clock, do. London is on GMT in January and February.
const closedOn31January = new Date('2099-01-31T10:00:00Z');
const lastInstantKept = new Date('2099-02-28T23:59:59.999Z');
const justAfter = new Date('2099-03-01T00:00:00.000Z');
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('retention of cases, form answers, emails and customer records', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: { cookie: string; id: string };
  let agent: { cookie: string; id: string };

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

  it('clears a closed case’s summary and notes one calendar month after it closed (London), and never an open case’s', async () => {
    const closed = await phoneContact('Reported a dangerous wall qzxvwy', {
      name: 'Wall Resident',
      email: 'wall.qzxvwy@example.com',
    });
    await addNote(closed.caseId, 'Called back, inspection booked qzxvwy');
    await close(closed.caseId, closedOn31January);
    const open = await phoneContact('Still waiting for a repair qzxvwy');
    await addNote(open.caseId, 'Chased the contractor qzxvwy');
    await t.app.db
      .updateTable('cases')
      .set({ contacted_at: new Date('2000-01-01T00:00:00Z') })
      .where('id', '=', open.caseId)
      .execute();
    // Closed at 00:30 on 1 May in London (23:30 UTC on 30 April): kept to the end of 1 June in London.
    const bst = await phoneContact('Summer case qzxvwy');
    await close(bst.caseId, new Date('2099-04-30T23:30:00Z'));

    const stored = await t.app.db
      .selectFrom('cases')
      .select(['summary'])
      .where('id', '=', closed.caseId)
      .executeTakeFirstOrThrow();
    const entries = await t.app.db
      .selectFrom('case_entries')
      .select(['body'])
      .where('case_id', '=', closed.caseId)
      .where('body', 'is not', null)
      .execute();
    expect(entries.length).toBeGreaterThan(0);
    const ciphertexts = [hex(stored.summary), ...entries.map((e) => hex(e.body))];
    expect(await stillStored(ciphertexts)).toEqual(ciphertexts); // the check can see them while they are there

    await run(lastInstantKept);
    expect(await caseView(closed.caseId)).toMatchObject({ summary: 'Reported a dangerous wall qzxvwy' });

    const { jobId, outcomes } = await run(justAfter);
    const after = await caseView(closed.caseId);
    expect(after).toMatchObject({ caseReference: closed.caseReference, status: 'closed', summary: null });
    expect(after.entries.filter((e) => e.text !== null)).toEqual([]);
    expect(after.entries.map((e) => e.kind)).toContain('note'); // what happened stays, not what was written
    const row = await t.app.db
      .selectFrom('cases')
      .select(['summary', 'personal_data_deleted_at'])
      .where('id', '=', closed.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: null, personal_data_deleted_at: justAfter });
    expect(await stillStored(ciphertexts)).toEqual([]);

    expect(outcomes.find((o) => o.unit === 'cases')).toMatchObject({
      category: 'contact-summaries',
      count: 1,
      rule: 'contact-summaries: 1 month',
    });
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'contact-summaries', unit: 'cases', count: 1 })]),
    );
    expect(await retentionAudit(closed.caseId)).toEqual([
      {
        actor_kind: 'system',
        action: 'delete',
        purpose: 'retention',
        record_type: 'case',
        fields: ['summary', 'case_entries.body'],
        reason: `contact-summaries: 1 month (run ${jobId})`,
        case_reference: closed.caseReference,
      },
    ]);
    const log = JSON.stringify(await t.app.db.selectFrom('destruction_log').selectAll().execute());
    expect(log).not.toContain('qzxvwy');
    expect(log).not.toContain(closed.caseReference);

    await run(new Date('2099-06-01T22:59:59.999Z'));
    expect((await caseView(bst.caseId)).summary).toBe('Summer case qzxvwy');
    await run(new Date('2099-06-01T23:00:00.000Z'));
    expect((await caseView(bst.caseId)).summary).toBeNull();

    // Reopened, noted and closed again: the new note goes its period after the new closing.
    expect((await api.call('PUT', `/api/cases/${closed.caseId}/status`, agent, { status: 'open' })).status).toBe(200);
    await addNote(closed.caseId, 'Wall fell again qzxvwy');
    await close(closed.caseId, new Date('2099-06-15T10:00:00Z'));
    await run(new Date('2099-07-15T22:59:59.999Z'));
    expect((await caseView(closed.caseId)).entries.map((e) => e.text)).toContain('Wall fell again qzxvwy');
    await run(new Date('2099-07-15T23:00:00.000Z'));
    expect((await caseView(closed.caseId)).entries.filter((e) => e.text !== null)).toEqual([]);

    // An open case is never expired, however old: staff are still working on it.
    await run(new Date('2105-01-01T00:00:00Z'));
    const stillOpen = await caseView(open.caseId);
    expect(stillOpen).toMatchObject({ summary: 'Still waiting for a repair qzxvwy' });
    expect(stillOpen.entries.map((e) => e.text)).toContain('Chased the contractor qzxvwy');
  });

  it('deletes form answers and the confirmation address their form’s period after the case closed', async () => {
    // The council keeps fault reports for its survey-answers period (12 months); other forms keep the default.
    const organisation = await t.app.db
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', t.app.ctx.organisation.id)
      .executeTakeFirstOrThrow();
    const settings = OrganisationSettings.parse(organisation.settings);
    settings.forms = settings.forms.map((form) =>
      form.id === 'report-a-fault' ? { ...form, retention: 'survey-answers' } : form,
    );
    await t.app.db
      .updateTable('organisations')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', t.app.ctx.organisation.id)
      .execute();

    const submit = async (formId: string, body: unknown) => {
      const response = await fetch(`${t.url}/api/forms/demo/${formId}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      const { caseReference } = (await response.json()) as { caseReference: string };
      return t.app.db
        .selectFrom('cases')
        .select(['id', 'case_reference'])
        .where('case_reference', '=', caseReference)
        .executeTakeFirstOrThrow();
    };
    const details = {
      answers: {
        name: 'Form Resident',
        email: 'form.qzxvwy@example.com',
        message: 'Please ring me about my bin qzxvwy',
      },
      consent: true,
    };
    const callBack = await submit('leave-your-details', details);
    const fault = await submit('report-a-fault', {
      answers: {
        faultType: 'pothole',
        location: { where: 'Mill Lane qzxvwy' },
        description: 'Deep hole qzxvwy',
        email: 'fault.qzxvwy@example.com',
      },
    });
    const stillOpen = await submit('leave-your-details', details);
    await close(callBack.id, closedOn31January);
    await close(fault.id, closedOn31January);
    const submission = (caseId: string) =>
      t.app.db.selectFrom('form_submissions').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const before = await submission(callBack.id);
    expect(before.confirmation_email).not.toBeNull();
    const view = async (caseId: string) =>
      (await api.call<FormSubmissionView>('GET', `/api/cases/${caseId}/form-submission`, admin)).body;

    const dry = await run(justAfter, true);
    expect(dry.outcomes.find((o) => o.unit === 'form submissions' && o.category === 'contact-summaries')).toMatchObject(
      { count: 1, oldestExpiry: lastInstantKept },
    );
    expect((await view(callBack.id)).erased).toBe(false);

    const { jobId } = await run(justAfter);
    const after = await submission(callBack.id);
    expect(after).toMatchObject({
      confirmation_email: null,
      personal_data_deleted_at: justAfter,
      form_id: 'leave-your-details',
      consent_given: true,
    });
    expect(after.answers.length).toBe(0);
    expect(await view(callBack.id)).toMatchObject({ erased: true, answers: [] });
    expect(await stillStored([hex(before.answers), hex(before.confirmation_email)])).toEqual([]);
    expect(await retentionAudit(after.id)).toMatchObject([
      {
        record_type: 'form_submission',
        fields: ['answers', 'confirmation_email'],
        case_reference: callBack.case_reference,
      },
    ]);
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'contact-summaries', unit: 'form submissions', count: 1 }),
        expect.objectContaining({
          category: 'survey-answers',
          unit: 'form submissions',
          count: 0,
          rule: 'survey-answers: 12 months',
        }),
      ]),
    );
    // The fault report is kept for its own category's period; the open case's answers are kept.
    expect((await view(fault.id)).erased).toBe(false);
    await run(new Date('2100-01-31T23:59:59.999Z'));
    expect((await view(fault.id)).erased).toBe(false);
    await run(new Date('2100-02-01T00:00:00.000Z'));
    expect((await view(fault.id)).erased).toBe(true);
    expect((await view(stillOpen.id)).erased).toBe(false);
  });

  it('deletes emails on cases and their attachments, counted apart under emails', async () => {
    const raw = await new MailComposer({
      from: 'mailer.qzxvwy@example.net',
      to: 'contact@council.example',
      subject: 'Fence qzxvwy',
      text: 'My fence fell down qzxvwy',
      messageId: `<${randomUUID()}@example.net>`,
      attachments: [{ filename: 'fence.pdf', content: pdf }],
    })
      .compile()
      .build();
    const received = await receiveEmail(t.app.ctx, raw, {
      addresses: ['contact@council.example'],
      maxAttachmentBytes: 1024 * 1024,
    });
    if (received.outcome !== 'stored') throw new Error(`email not stored: ${received.outcome}`);
    await t.app.db
      .updateTable('emails')
      .set({ received_at: closedOn31January })
      .where('id', '=', received.emailId)
      .execute();
    const before = await t.app.db
      .selectFrom('emails')
      .select(['body', 'subject'])
      .where('id', '=', received.emailId)
      .executeTakeFirstOrThrow();

    expect((await upcoming()).find((u) => u.item === 'email' && u.itemId === received.emailId)).toMatchObject({
      category: 'emails',
      caseId: received.caseId,
      expiresAt: lastInstantKept.toISOString(),
      held: false,
    });
    const dry = await run(justAfter, true);
    expect(dry.outcomes.filter((o) => o.category === 'emails').map((o) => [o.unit, o.count])).toEqual([
      ['emails', 1],
      ['attachments', 1],
    ]);
    const printed = describeRun(withChannelOutcomes(dry.conversations, dry.channels));
    expect(printed).toContain('Dry run: nothing was deleted');
    expect(printed).toMatch(/emails\s+1 email\s+\(emails: 1 month, oldest expired 2099-02-28 23:59:59 UTC\)/);
    expect(printed).toMatch(/emails\s+1 attachment\s+\(emails: 1 month/);
    expect(printed).not.toContain('qzxvwy');
    expect(
      (await t.app.db.selectFrom('emails').select('body').where('id', '=', received.emailId).executeTakeFirstOrThrow())
        .body,
    ).not.toBeNull();
    expect(await logged(dry.jobId)).toEqual([]);

    const { jobId } = await run(justAfter);
    expect(
      await t.app.db
        .selectFrom('emails')
        .select(['body', 'subject', 'from_address', 'personal_data_deleted_at'])
        .where('id', '=', received.emailId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      body: null,
      subject: null,
      from_address: null,
      personal_data_deleted_at: justAfter,
    });
    expect(
      await t.app.db
        .selectFrom('email_attachments')
        .select(['content', 'filename'])
        .where('email_id', '=', received.emailId)
        .execute(),
    ).toEqual([{ content: null, filename: null }]);
    expect(await stillStored([hex(before.body), hex(before.subject)])).toEqual([]);
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'emails', unit: 'emails', count: 1, rule: 'emails: 1 month' }),
        expect.objectContaining({ category: 'emails', unit: 'attachments', count: 1 }),
      ]),
    );
    expect(await retentionAudit(received.emailId)).toMatchObject([
      { record_type: 'email', reason: `emails: 1 month (run ${jobId})` },
    ]);
  });

  it('keeps what a hold on the resident, the case or the conversation covers, until it is lifted', async () => {
    const byCase = await phoneContact('Held by its case qzxvwy');
    const byResident = await phoneContact('Held by its resident qzxvwy', {
      name: 'Held Resident',
      email: 'held.qzxvwy@example.com',
    });
    for (const c of [byCase, byResident]) await close(c.caseId, closedOn31January);

    // A chat held through its conversation, and one held through its case.
    const chatCase = async () => {
      const chat = await t.startChat({ name: 'Chat Resident', email: `chat.${randomUUID()}@example.com` });
      const socket = await t.agentSocket(agent.cookie);
      await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
      await socket.emitWithAck('message:send', {
        conversationId: chat.conversationId,
        clientMessageId: randomUUID(),
        body: 'How can I help qzxvwy',
      });
      await socket.emitWithAck('conversation:end', {
        conversationId: chat.conversationId,
        summary: 'Chat summary qzxvwy',
      });
      socket.disconnect();
      const kase = await t.app.db
        .selectFrom('cases')
        .select(['id', 'status'])
        .where('conversation_id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
      expect(kase.status).toBe('closed');
      await addNote(kase.id, 'Note on the chat qzxvwy');
      await t.app.db.updateTable('cases').set({ closed_at: closedOn31January }).where('id', '=', kase.id).execute();
      await t.app.db
        .updateTable('conversations')
        .set({ ended_at: closedOn31January })
        .where('id', '=', chat.conversationId)
        .execute();
      return { ...chat, caseId: kase.id };
    };
    const byConversation = await chatCase();
    const chatByCase = await chatCase();

    // An email and a form answer held through their case.
    const raw = await new MailComposer({
      from: 'held.mail@example.net',
      to: 'contact@council.example',
      subject: 'Held email',
      text: 'held qzxvwy',
      messageId: `<${randomUUID()}@example.net>`,
    })
      .compile()
      .build();
    const email = await receiveEmail(t.app.ctx, raw, {
      addresses: ['contact@council.example'],
      maxAttachmentBytes: 1024 * 1024,
    });
    if (email.outcome !== 'stored') throw new Error('email not stored');
    await t.app.db
      .updateTable('emails')
      .set({ received_at: closedOn31January })
      .where('id', '=', email.emailId)
      .execute();

    const caseHold = await placeHold({ caseId: byCase.caseId });
    expect(caseHold).toMatchObject({
      covers: 'case',
      caseId: byCase.caseId,
      conversationId: null,
      caseReferences: [byCase.caseReference],
      status: 'active',
    });
    const residentHold = await placeHold({ caseId: byResident.caseId, covers: 'resident' });
    expect(residentHold).toMatchObject({
      covers: 'resident',
      caseId: null,
      caseReferences: [byResident.caseReference],
    });
    await placeHold({ conversationId: byConversation.conversationId });
    const chatCaseHold = await placeHold({ caseReference: chatByCase.caseReference, covers: 'case' });
    expect(chatCaseHold).toMatchObject({
      covers: 'case',
      caseId: chatByCase.caseId,
      caseReferences: [chatByCase.caseReference],
    });
    await placeHold({ caseId: email.caseId });
    // A hold has exactly one target (migration 0010).
    await expect(
      t.app.db
        .insertInto('retention_holds')
        .values({
          organisation_id: t.app.ctx.organisation.id,
          case_id: byCase.caseId,
          conversation_id: byConversation.conversationId,
          data_subject_id: null,
          reason: 'x',
          placed_by: admin.id,
        })
        .execute(),
    ).rejects.toThrow(/retention_holds_one_target/);
    // Placing a case hold is audited, without the reason.
    expect(
      await t.app.db
        .selectFrom('audit_events')
        .select(['action', 'purpose', 'fields', 'case_reference', 'reason'])
        .where('record_id', '=', caseHold.id)
        .execute(),
    ).toEqual([
      { action: 'create', purpose: 'legal-hold', fields: ['case'], case_reference: byCase.caseReference, reason: null },
    ]);

    const soon = await upcoming();
    expect(soon.find((u) => u.item === 'case' && u.caseId === byCase.caseId)).toMatchObject({
      held: true,
      expiresAt: lastInstantKept.toISOString(),
      caseReference: byCase.caseReference,
    });
    expect(soon.find((u) => u.item === 'case' && u.caseId === byResident.caseId)).toMatchObject({ held: true });
    expect(soon.find((u) => u.item === 'conversation' && u.conversationId === chatByCase.conversationId)).toMatchObject(
      { held: true },
    );

    await run(justAfter);
    expect((await caseView(byCase.caseId)).summary).toBe('Held by its case qzxvwy');
    expect((await caseView(byResident.caseId)).summary).toBe('Held by its resident qzxvwy');
    for (const chat of [byConversation, chatByCase]) {
      expect((await caseView(chat.caseId)).entries.map((e) => e.text)).toContain('Note on the chat qzxvwy');
      // A hold on a chat's case keeps its conversation too.
      expect((await caseView(chat.caseId)).summary).toBe('Chat summary qzxvwy');
    }
    expect(
      (await t.app.db.selectFrom('emails').select('body').where('id', '=', email.emailId).executeTakeFirstOrThrow())
        .body,
    ).not.toBeNull();

    // Lifted: deleted at the next run; the other holds still stand.
    expect((await api.call('POST', `/api/retention/holds/${caseHold.id}/lift`, admin, {})).status).toBe(200);
    expect((await api.call('POST', `/api/retention/holds/${chatCaseHold.id}/lift`, admin, {})).status).toBe(200);
    await run(new Date(justAfter.getTime() + 1));
    expect((await caseView(byCase.caseId)).summary).toBeNull();
    expect((await caseView(chatByCase.caseId)).summary).toBeNull();
    expect((await caseView(chatByCase.caseId)).entries.filter((e) => e.text !== null)).toEqual([]);
    expect((await caseView(byResident.caseId)).summary).toBe('Held by its resident qzxvwy');
    expect((await caseView(byConversation.caseId)).entries.map((e) => e.text)).toContain('Note on the chat qzxvwy');

    // A case hold on a case that is not a chat cannot be a conversation hold.
    const refused = await api.call<{ error: { message: string } }>('POST', '/api/retention/holds', admin, {
      caseId: byResident.caseId,
      covers: 'conversation',
      reason: 'x',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch('not a chat');
    expect((await api.call('POST', '/api/retention/holds', admin, { caseId: randomUUID(), reason: 'x' })).status).toBe(
      404,
    );
    expect(
      (
        await api.call('POST', '/api/retention/holds', admin, {
          caseId: byCase.caseId,
          conversationId: byConversation.conversationId,
          reason: 'x',
        })
      ).status,
    ).toBe(400);
  });

  it('deletes a customer record’s details 24 months after its last contact ended, once nothing else of it is left, unless held or open', async () => {
    const resident = { name: 'Record Resident', email: 'record.qzxvwy@example.com' };
    const contact = await phoneContact('Record contact qzxvwy', resident);
    await close(contact.caseId, closedOn31January);
    const withOpenCase = await phoneContact('Open record contact', {
      name: 'Open Resident',
      email: 'open.record@example.com',
    });
    const heldRecord = await phoneContact('Held record contact', {
      name: 'Kept Resident',
      email: 'kept.record@example.com',
    });
    await close(heldRecord.caseId, closedOn31January);
    await placeHold({ caseId: heldRecord.caseId, covers: 'resident' });
    // A record that never had a contact counts from its creation (today, on the real clock).
    const created = await api.call<{ record: { id: string } }>('POST', '/api/records', agent, {
      details: [{ kind: 'name', name: 'Lone Resident' }],
    });
    expect(created.status).toBe(201);
    const lone = created.body.record.id;

    const details = (recordId: string) =>
      t.app.db.selectFrom('record_details').select(['id', 'value']).where('record_id', '=', recordId).execute();
    const before = await details(contact.recordId);
    expect(before.length).toBeGreaterThan(0);
    const indexes = () =>
      t.app.db
        .selectFrom('blind_indexes')
        .select('record_id')
        .where(
          'record_id',
          'in',
          before.map((d) => d.id),
        )
        .execute();
    expect((await indexes()).length).toBeGreaterThan(0);

    // Its case goes after a month; the record stays for 24 months after that contact ended.
    await run(justAfter);
    expect((await caseView(contact.caseId)).summary).toBeNull();
    const soon = await upcoming();
    expect(soon.find((u) => u.item === 'customer-record' && u.recordId === contact.recordId)).toMatchObject({
      category: 'customer-records',
      caseReference: null,
      expiresAt: new Date('2101-01-31T23:59:59.999Z').toISOString(),
      held: false,
    });
    expect(soon.find((u) => u.item === 'customer-record' && u.recordId === withOpenCase.recordId)).toBeUndefined();
    expect(soon.find((u) => u.item === 'customer-record' && u.recordId === heldRecord.recordId)).toMatchObject({
      held: true,
    });

    await run(new Date('2101-01-31T23:59:59.999Z'));
    expect(await details(contact.recordId)).toHaveLength(before.length);
    const dry = await run(new Date('2101-02-01T00:00:00.000Z'), true);
    expect(dry.outcomes.find((o) => o.category === 'customer-records')?.count).toBeGreaterThanOrEqual(2);
    expect(await details(contact.recordId)).toHaveLength(before.length);

    const { jobId } = await run(new Date('2101-02-01T00:00:00.000Z'));
    expect(await details(contact.recordId)).toEqual([]);
    expect(await details(lone)).toEqual([]);
    expect(await indexes()).toEqual([]);
    expect(await stillStored(before.map((d) => hex(d.value)))).toEqual([]);
    const record = await t.app.db
      .selectFrom('customer_records')
      .select(['personal_data_deleted_at'])
      .where('id', '=', contact.recordId)
      .executeTakeFirstOrThrow();
    expect(record.personal_data_deleted_at).toEqual(new Date('2101-02-01T00:00:00.000Z'));
    expect(await retentionAudit(contact.recordId)).toMatchObject([
      { record_type: 'customer-record', action: 'delete', reason: `customer-records: 24 months (run ${jobId})` },
    ]);
    expect(await logged(jobId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'customer-records', unit: 'records' })]),
    );
    // Search by the address finds nothing any more; the case it had is still there, without its data.
    const search = await api.call<{ records: unknown[] }>('POST', '/api/records/search', agent, {
      email: resident.email,
    });
    expect(search.body.records ?? []).toEqual([]);
    expect((await caseView(contact.caseId)).caseReference).toBe(contact.caseReference);

    // An open case, or a hold on the resident, keeps the record however long ago it began.
    expect((await details(withOpenCase.recordId)).length).toBeGreaterThan(0);
    expect((await details(heldRecord.recordId)).length).toBeGreaterThan(0);
  });
});
