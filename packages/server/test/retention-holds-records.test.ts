import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { receiveEmail } from '../src/features/emails/receive-email.ts';
import { closedOn31January, justAfter, lastInstantKept, useRetentionApp } from './support/retention-app.ts';

describe('retention under legal holds, and of customer records', () => {
  const k = useRetentionApp();
  const { run, logged, phoneContact, addNote, close, caseView, placeHold, upcoming, retentionAudit, hex, stillStored } =
    k;

  it('keeps what a hold on the resident, the case or the conversation covers, until it is lifted', async () => {
    const byCase = await phoneContact('Held by its case qzxvwy');
    const byResident = await phoneContact('Held by its resident qzxvwy', {
      name: 'Held Resident',
      email: 'held.qzxvwy@example.com',
    });
    for (const c of [byCase, byResident]) await close(c.caseId, closedOn31January);

    // A chat held through its conversation, and one held through its case.
    const chatCase = async () => {
      const chat = await k.t.startChat({ name: 'Chat Resident', email: `chat.${randomUUID()}@example.com` });
      const socket = await k.t.agentSocket(k.agent.cookie);
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
      const kase = await k.t.app.db
        .selectFrom('cases')
        .select(['id', 'status'])
        .where('conversation_id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
      expect(kase.status).toBe('closed');
      await addNote(kase.id, 'Note on the chat qzxvwy');
      await k.t.app.db.updateTable('cases').set({ closed_at: closedOn31January }).where('id', '=', kase.id).execute();
      await k.t.app.db
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
    const email = await receiveEmail(k.t.app.ctx, raw, {
      addresses: ['contact@council.example'],
      maxAttachmentBytes: 1024 * 1024,
    });
    if (email.outcome !== 'stored') throw new Error('email not stored');
    await k.t.app.db
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
      k.t.app.db
        .insertInto('retention_holds')
        .values({
          organisation_id: k.t.app.ctx.organisation.id,
          case_id: byCase.caseId,
          conversation_id: byConversation.conversationId,
          data_subject_id: null,
          reason: 'x',
          placed_by: k.admin.id,
        })
        .execute(),
    ).rejects.toThrow(/retention_holds_one_target/);
    // Placing a case hold is audited, without the reason.
    expect(
      await k.t.app.db
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
      (await k.t.app.db.selectFrom('emails').select('body').where('id', '=', email.emailId).executeTakeFirstOrThrow())
        .body,
    ).not.toBeNull();

    // Lifted: deleted at the next run; the other holds still stand.
    expect((await k.api.call('POST', `/api/retention/holds/${caseHold.id}/lift`, k.admin, {})).status).toBe(200);
    expect((await k.api.call('POST', `/api/retention/holds/${chatCaseHold.id}/lift`, k.admin, {})).status).toBe(200);
    await run(new Date(justAfter.getTime() + 1));
    expect((await caseView(byCase.caseId)).summary).toBeNull();
    expect((await caseView(chatByCase.caseId)).summary).toBeNull();
    expect((await caseView(chatByCase.caseId)).entries.filter((e) => e.text !== null)).toEqual([]);
    expect((await caseView(byResident.caseId)).summary).toBe('Held by its resident qzxvwy');
    expect((await caseView(byConversation.caseId)).entries.map((e) => e.text)).toContain('Note on the chat qzxvwy');

    // A case hold on a case that is not a chat cannot be a conversation hold.
    const refused = await k.api.call<{ error: { message: string } }>('POST', '/api/retention/holds', k.admin, {
      caseId: byResident.caseId,
      covers: 'conversation',
      reason: 'x',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch('not a chat');
    expect(
      (await k.api.call('POST', '/api/retention/holds', k.admin, { caseId: randomUUID(), reason: 'x' })).status,
    ).toBe(404);
    expect(
      (
        await k.api.call('POST', '/api/retention/holds', k.admin, {
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
    const created = await k.api.call<{ record: { id: string } }>('POST', '/api/records', k.agent, {
      details: [{ kind: 'name', name: 'Lone Resident' }],
    });
    expect(created.status).toBe(201);
    const lone = created.body.record.id;

    const details = (recordId: string) =>
      k.t.app.db.selectFrom('record_details').select(['id', 'value']).where('record_id', '=', recordId).execute();
    const before = await details(contact.recordId);
    expect(before.length).toBeGreaterThan(0);
    const indexes = () =>
      k.t.app.db
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
    const record = await k.t.app.db
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
    const search = await k.api.call<{ records: unknown[] }>('POST', '/api/records/search', k.agent, {
      email: resident.email,
    });
    expect(search.body.records ?? []).toEqual([]);
    expect((await caseView(contact.caseId)).caseReference).toBe(contact.caseReference);

    // An open case, or a hold on the resident, keeps the record however long ago it began.
    expect((await details(withOpenCase.recordId)).length).toBeGreaterThan(0);
    expect((await details(heldRecord.recordId)).length).toBeGreaterThan(0);
  });
});
