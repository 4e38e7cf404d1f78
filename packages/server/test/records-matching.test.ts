import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatLinkResponse,
  ChatMatchResponse,
  CustomerRecordView,
  RecordSummary,
  StaffMember,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

type Staff = { cookie: string; id: string };
type Reply<T> = { status: number; body: T & { error?: { code: string; message: string } } };

describe('matching chats to customer records, and merging duplicates', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let otherAgent: Staff;

  const call = async <T = { record: CustomerRecordView }>(
    method: string,
    path: string,
    body: unknown,
    who: Staff = agent,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { cookie: who.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Reply<T>['body'] };
  };
  const signUp = async (role: 'agent' | 'admin') => {
    const { cookie } = await t.signUpStaff({ role });
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as { staff: StaffMember };
    return { cookie, id: me.staff.id };
  };
  const create = async (details: unknown[]) => (await call('POST', '/api/records', { details }, admin)).body.record;
  const read = async (id: string, who = admin) => (await call('GET', `/api/records/${id}`, undefined, who)).body.record;
  const matches = (query: Record<string, string>, who = agent) =>
    call<ChatMatchResponse>('POST', '/api/records/matches', query, who);
  const found = async (query: Record<string, string>) =>
    (await call<{ records: RecordSummary[] }>('POST', '/api/records/search', query, admin)).body.records.map(
      (r) => r.id,
    );
  const acceptedChat = async (body: Record<string, unknown>, who = agent) => {
    const chat = await t.startChat({ topic: 'other', ...body });
    const socket = await t.agentSocket(who.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    socket.disconnect();
    return chat;
  };
  const caseOf = (conversationId: string) =>
    t.app.db.selectFrom('cases').selectAll().where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
  const tag = () => randomUUID().slice(0, 8).replace(/\d/g, 'q');

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp('admin');
    agent = await signUp('agent');
    otherAgent = await signUp('agent');
  });
  afterAll(async () => t?.close());

  it('shows likely records for a chat with the identifiers that matched, and links nothing until the agent confirms', async () => {
    const id = tag();
    const byEmail = await create([
      { kind: 'name', name: `Ann Match${id}` },
      { kind: 'email', address: `match.${id}@example.com` },
    ]);
    const byPostcode = await create([
      { kind: 'name', name: `Ben Postcode${id}` },
      { kind: 'address', lines: ['1 Quay'], postcode: 'NE1 4ST' },
      { kind: 'phone', number: '01632 960 111' },
    ]);
    await create([
      { kind: 'name', name: `Somebody Else${id}` },
      { kind: 'address', lines: ['2 Quay'], postcode: 'NE1 4ST' },
    ]);

    const emailChat = await acceptedChat({ name: `Ann Match${id}`, email: `MATCH.${id}@example.com` });
    const reply = await matches({ conversationId: emailChat.conversationId });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      conversationId: emailChat.conversationId,
      caseReference: emailChat.caseReference,
      linkedRecordId: null,
    });
    expect(reply.body.candidates.map((c) => [c.record.id, c.matched])).toEqual([[byEmail.id, ['email', 'name']]]);
    expect(reply.body.candidates[0]?.record.names).toEqual([`Ann Match${id}`]);

    const nameChat = await acceptedChat({ name: `ben POSTCODE${id}`, email: '' });
    // a name alone is not enough
    expect((await matches({ conversationId: nameChat.conversationId })).body.candidates).toEqual([]);
    expect(
      (await matches({ conversationId: nameChat.conversationId, postcode: 'ne14st' })).body.candidates.map((c) => [
        c.record.id,
        c.matched,
      ]),
    ).toEqual([[byPostcode.id, ['name', 'postcode']]]);
    expect(
      (await matches({ conversationId: nameChat.conversationId, phone: '+441632960111' })).body.candidates.map((c) => [
        c.record.id,
        c.matched,
      ]),
    ).toEqual([[byPostcode.id, ['phone', 'name']]]);

    expect((await caseOf(emailChat.conversationId)).record_id).toBeNull();
    const audited = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', agent.id)
      .where('purpose', '=', 'handle-chat')
      .where('record_type', '=', 'customer-record')
      .execute();
    expect(audited.map((e) => e.record_id)).toEqual(expect.arrayContaining([byEmail.id, byPostcode.id]));
    expect(audited.find((e) => e.record_id === byEmail.id)).toMatchObject({
      action: 'read',
      case_reference: emailChat.caseReference,
    });

    expect((await matches({ conversationId: nameChat.conversationId, postcode: 'NOT A POSTCODE' })).status).toBe(400);
    expect((await matches({ conversationId: randomUUID() })).status).toBe(404);
    // another agent's live chat
    expect((await matches({ conversationId: emailChat.conversationId }, otherAgent)).status).toBe(404);
  });

  it('links a confirmed record to the chat’s case: on the case, on the record’s timeline, audited', async () => {
    const id = tag();
    const record = await create([
      { kind: 'name', name: `Lina Link${id}` },
      { kind: 'email', address: `link.${id}@example.com` },
    ]);
    const chat = await acceptedChat({ name: `Lina Link${id}`, email: `link.${id}@example.com` });
    expect(
      (await call('POST', `/api/records/${record.id}/link-chat`, { conversationId: chat.conversationId }, otherAgent))
        .status,
    ).toBe(404);
    expect(
      (await call('POST', `/api/records/${randomUUID()}/link-chat`, { conversationId: chat.conversationId })).status,
    ).toBe(404);

    const linked = await call<ChatLinkResponse>('POST', `/api/records/${record.id}/link-chat`, {
      conversationId: chat.conversationId,
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({
      recordId: record.id,
      conversationId: chat.conversationId,
      caseReference: chat.caseReference,
    });
    const caseRow = await caseOf(chat.conversationId);
    expect(caseRow.record_id).toBe(record.id);
    const entries = await t.app.db
      .selectFrom('case_entries')
      .selectAll()
      .where('case_id', '=', caseRow.id)
      .where('kind', '=', 'record')
      .execute();
    expect(entries.map((e) => [e.kind, e.detail, e.author_staff_id])).toEqual([['record', record.id, agent.id]]);
    expect((await read(record.id)).timeline.map((c) => c.caseReference)).toEqual([chat.caseReference]);
    expect((await matches({ conversationId: chat.conversationId })).body.linkedRecordId).toBe(record.id);
    const audit = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', agent.id)
      .where('action', '=', 'update')
      .where('case_reference', '=', chat.caseReference)
      .where('reason', 'like', '%linked%')
      .execute();
    expect(audit.map((e) => [e.record_type, e.record_id]).sort()).toEqual(
      [
        ['case', caseRow.id],
        ['customer-record', record.id],
      ].sort(),
    );
  });

  it('creates a new record from the chat’s details and links it', async () => {
    const id = tag();
    const chat = await acceptedChat({ name: `Nora New${id}`, email: `New.${id}@Example.com` });
    const created = await call<ChatLinkResponse>('POST', '/api/records/from-chat', {
      conversationId: chat.conversationId,
      details: [{ kind: 'address', lines: ['9 Elm Road'], postcode: 'cr2 6xh' }],
    });
    expect(created.status).toBe(201);
    const record = await read(created.body.recordId);
    expect(record.details.map((d) => d.value)).toEqual([
      { kind: 'name', name: `Nora New${id}` },
      { kind: 'address', lines: ['9 Elm Road'], town: null, postcode: 'CR2 6XH', uprn: null },
      { kind: 'email', address: `new.${id}@example.com` },
    ]);
    expect(record.timeline.map((c) => c.caseReference)).toEqual([chat.caseReference]);
    expect((await caseOf(chat.conversationId)).record_id).toBe(record.id);
    expect(await found({ postcode: 'CR2 6XH', name: `new${id}` })).toEqual([record.id]);
    const [creation] = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', record.id)
      .where('action', '=', 'create')
      .execute();
    expect(creation).toMatchObject({
      actor_id: agent.id,
      purpose: 'handle-chat',
      case_reference: chat.caseReference,
      fields: ['address', 'email', 'name'],
    });
    const before = await t.app.db.selectFrom('customer_records').select('id').execute();
    const refused = await call('POST', '/api/records/from-chat', {
      conversationId: chat.conversationId,
      details: [{ kind: 'phone', number: 'call me' }],
    });
    expect(refused.status).toBe(400);
    expect(await t.app.db.selectFrom('customer_records').select('id').execute()).toHaveLength(before.length);
  });

  it('merges a duplicate into another record, keeping everything, and undoes it', async () => {
    const id = tag();
    const survivor = await create([
      { kind: 'name', name: `Maya Merge${id}` },
      { kind: 'email', address: `maya.${id}@example.com` },
    ]);
    const duplicate = await create([
      { kind: 'name', name: `M Merge${id}` },
      { kind: 'phone', number: '07700 900 777' },
    ]);
    const survivorChat = await acceptedChat({ name: 'Maya', email: '' });
    const duplicateChat = await acceptedChat({ name: 'M', email: '' });
    await call('POST', `/api/records/${survivor.id}/link-chat`, { conversationId: survivorChat.conversationId });
    await call('POST', `/api/records/${duplicate.id}/link-chat`, { conversationId: duplicateChat.conversationId });
    const survivorBefore = await read(survivor.id);
    const duplicateBefore = await read(duplicate.id);

    expect(
      (await call('POST', `/api/records/${duplicate.id}/merge`, { intoRecordId: survivor.id }, admin)).status,
    ).toBe(400);
    expect(
      (await call('POST', `/api/records/${duplicate.id}/merge`, { intoRecordId: duplicate.id, reason: 'same' }, admin))
        .status,
    ).toBe(400);
    const merged = await call(
      'POST',
      `/api/records/${duplicate.id}/merge`,
      { intoRecordId: survivor.id, reason: 'Same resident, two spellings' },
      admin,
    );
    expect(merged.status).toBe(200);
    const whole = merged.body.record;
    expect(whole.id).toBe(survivor.id);
    expect(whole.merged.map((m) => m.recordId)).toEqual([duplicate.id]);
    expect(whole.details.map((d) => [d.recordId, d.kind]).sort()).toEqual(
      [
        [survivor.id, 'name'],
        [survivor.id, 'email'],
        [duplicate.id, 'name'],
        [duplicate.id, 'phone'],
      ].sort(),
    );
    expect(whole.timeline.map((c) => c.caseReference).sort()).toEqual(
      [survivorChat.caseReference, duplicateChat.caseReference].sort(),
    );
    expect((await read(duplicate.id)).id).toBe(survivor.id); // opening the duplicate opens the survivor
    expect(await found({ phone: '07700900777' })).toEqual([survivor.id]);
    expect(await found({ phone: '07700900777', email: `maya.${id}@example.com` })).toEqual([survivor.id]); // terms across both
    expect(await found({ caseReference: duplicateChat.caseReference })).toEqual([survivor.id]);
    expect(await found({ caseReference: duplicateChat.caseReference, email: `maya.${id}@example.com` })).toEqual([
      survivor.id,
    ]);
    expect(
      (await call('POST', `/api/records/${duplicate.id}/merge`, { intoRecordId: survivor.id, reason: 'again' }, admin))
        .status,
    ).toBe(409);
    expect(
      (await call('POST', `/api/records/${survivor.id}/merge`, { intoRecordId: duplicate.id, reason: 'back' }, admin))
        .status,
    ).toBe(409);
    // A later chat linked to the duplicate goes to the survivor.
    const later = await acceptedChat({ name: 'M', email: '' });
    expect(
      (
        await call<ChatLinkResponse>('POST', `/api/records/${duplicate.id}/link-chat`, {
          conversationId: later.conversationId,
        })
      ).body.recordId,
    ).toBe(survivor.id);

    const mergeAudit = (
      await t.app.db
        .selectFrom('audit_events')
        .selectAll()
        .where('actor_id', '=', admin.id)
        .where('action', '=', 'update')
        .orderBy('id')
        .execute()
    ).filter((e) => e.fields.includes('merged_into_id'));
    expect(mergeAudit.map((e) => e.record_id)).toEqual([duplicate.id, survivor.id]);
    expect(mergeAudit[0]?.reason).toBe(`merged into ${survivor.id}: Same resident, two spellings`);

    expect((await call('POST', `/api/records/${duplicate.id}/unmerge`, {}, admin)).status).toBe(400);
    const unmerged = await call(
      'POST',
      `/api/records/${duplicate.id}/unmerge`,
      { reason: 'Different people after all' },
      admin,
    );
    expect(unmerged.status).toBe(200);
    expect(unmerged.body.record.id).toBe(duplicate.id);
    const survivorAfter = await read(survivor.id);
    expect(survivorAfter.merged).toEqual([]);
    expect(survivorAfter.details).toEqual(survivorBefore.details);
    expect(survivorAfter.timeline.map((c) => c.caseReference).sort()).toEqual(
      [survivorChat.caseReference, later.caseReference].sort(),
    );
    const duplicateAfter = await read(duplicate.id);
    expect(duplicateAfter.details).toEqual(duplicateBefore.details);
    expect(duplicateAfter.history).toEqual(duplicateBefore.history);
    expect(duplicateAfter.timeline).toEqual(duplicateBefore.timeline);
    expect(await found({ phone: '07700900777' })).toEqual([duplicate.id]);
    expect((await call('POST', `/api/records/${duplicate.id}/unmerge`, { reason: 'again' }, admin)).status).toBe(409);
    const undone = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', admin.id)
      .where('reason', 'like', '%undone: Different people after all')
      .execute();
    expect(undone.map((e) => e.record_id).sort()).toEqual([duplicate.id, survivor.id].sort());
  });

  it('finds a resident whose details are spread over records merged twice over', async () => {
    const id = tag();
    const first = await create([{ kind: 'name', name: `Chain${id} Resident` }]);
    const middle = await create([{ kind: 'name', name: `Chain${id} Middle` }]);
    const last = await create([
      { kind: 'name', name: `Chain${id} Last` },
      { kind: 'email', address: `chain.${id}@example.com` },
    ]);
    expect(
      (
        await call(
          'POST',
          `/api/records/${first.id}/merge`,
          { intoRecordId: middle.id, reason: 'Same resident' },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/records/${middle.id}/merge`, { intoRecordId: last.id, reason: 'Same resident' }, admin))
        .status,
    ).toBe(200);
    // The name "Resident" is only on the first record, the email only on the last: one resident now.
    expect(await found({ name: `Chain${id} Resident`, email: `chain.${id}@example.com` })).toEqual([last.id]);
    expect(await found({ name: `Chain${id} Resident` })).toEqual([last.id]);
  });
});
