import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasurePreview, ErasureResult } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { found, residentWithEverything, withBytesDecoded, type Staff } from './support/erasure-resident.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { createTestDatabase } from './support/test-database.ts';
import { addScopeRoot } from '../src/features/rights/subject-scope.repository.ts';
import { loadSubjectKeys, openField } from '../src/features/crypto/subject-keys.ts';
import { openText } from '../src/features/crypto/envelope.ts';
import { createMailer, outboxDirIn } from '../src/features/mail/mailer.ts';
import { restoreBackup, writeBackup } from '../src/db/backup.ts';
import { migrateAsOwner } from '../src/db/serving-role.ts';
import { createDb } from '../src/db/client.ts';
import { auditKeysOf, withAuditKeys } from '../src/features/audit/audit-key.ts';
import { replayErasures } from '../src/features/rights/replay-erasures.ts';
import { updateConversation } from '../src/features/conversations/conversations.repository.ts';

describe('erasing a resident (issue 9, ADR 35)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: Staff;
  let officer: Staff;
  let organisationId: string;
  let outbox: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = await api.staff('agent', ['council-tax', 'waste', 'customer-services']);
    officer = await api.staff('privacy_officer', [], { firstName: 'Olu', lastName: 'Adeyemi' });
    organisationId = t.app.ctx.organisation.id;
    outbox = path.join(outboxDirIn(t.config.dataDir), organisationId);
  });
  afterAll(() => t?.close());

  const outboxFiles = async () =>
    (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const resident = (tag: string) => residentWithEverything({ t, api, agent, officer, outboxFiles }, tag);

  const keysOf = async (conversationIds: string[]) =>
    (
      await t.app.db.selectFrom('conversations').select('data_subject_id').where('id', 'in', conversationIds).execute()
    ).map((r) => r.data_subject_id);

  it(
    'erases every trace, destroys the keys, keeps and lists the held contact, and leaves others alone',
    {
      timeout: 120_000,
    },
    async () => {
      const { c, requestId, caseReference, heldReference, chats } = await resident('vqxjzk');
      const other = await t.startChat({ name: 'Other Resident', email: 'other.resident@example.com' });
      // Copies of ciphertext taken before the erasure, as a backup or a replica would hold them.
      const [message] = await t.app.db
        .selectFrom('messages')
        .select(['body', 'conversation_id', 'seq'])
        .where('conversation_id', '=', chats[0]!.conversationId)
        .where('sender', '=', 'visitor')
        .execute();
      expect(message).toBeDefined();
      const keysBefore = await loadSubjectKeys(t.app.db, t.app.ctx.keyring, await keysOf([chats[0]!.conversationId]));
      const oldKey = [...keysBefore.values()][0]!;
      // The answers to a council's own pre-chat question (ADR 38) go with the chat's other personal data.
      await updateConversation(
        t.app.db,
        { id: chats[0]!.conversationId, data_key: oldKey },
        { pre_chat_answers: JSON.stringify([{ id: 'ward', label: 'Your ward', value: 'North' }]) },
      );
      expect(openText(oldKey, message!.body, `messages.body:${message!.conversation_id}/${message!.seq}`)).toBe(
        c.chatMessage,
      );

      const preview = await api.call<{ preview: ErasurePreview }>(
        'POST',
        `/api/rights-requests/${requestId}/erasure/preview`,
        { cookie: officer.cookie },
        {},
      );
      expect(preview.status).toBe(200);
      expect(preview.body.preview.kept).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'case', caseReference: heldReference, exemption: 'legal-hold' }),
        ]),
      );
      expect(preview.body.preview.recipients.disclosures).toEqual([
        { recipientOrganisation: 'Northshire Police', caseReference, disclosedOn: '2026-03-02' },
      ]);
      expect(preview.body.preview.recipients.transcripts.map((r) => r.caseReference).sort()).toEqual(
        chats.map((x) => x.caseReference).sort(),
      );
      // A preview changes nothing.
      const chatIds = chats.map((x) => x.conversationId);
      const messageCount = async () =>
        (await t.app.db.selectFrom('messages').select('seq').where('conversation_id', 'in', chatIds).execute()).length;
      expect(await messageCount()).toBeGreaterThan(0);
      expect(
        [...(await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [...keysBefore.keys()])).values()][0],
      ).not.toBeNull();
      // The chats' consents (ADR 37) and the privacy-choices links in the transcripts name the resident.
      const consentsOf = async (table: 'consents' | 'consent_links') =>
        (
          await t.app.db
            .selectFrom(table)
            .select('data_subject_id')
            .where('data_subject_id', 'in', [...keysBefore.keys()])
            .execute()
        ).length;
      expect(await consentsOf('consents')).toBeGreaterThan(0);

      const erased = await api.call<{ erasure: ErasureResult }>(
        'POST',
        `/api/rights-requests/${requestId}/erasure`,
        { cookie: officer.cookie },
        { reason: 'Erasure request upheld after identity check' },
      );
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(erased.body.erasure.erase.length).toBeGreaterThanOrEqual(8);
      expect(erased.body.erasure.destroyedKeys).toBeGreaterThanOrEqual(3);
      expect(erased.body.erasure.kept.map((k) => k.caseReference ?? k.kind)).toContain(heldReference);
      // Two transcripts and the form's confirmation.
      expect(erased.body.erasure.outboxEmails).toBe(3);

      // The rows hold no ciphertext of them any more (sealed data is opaque in a dump, so look at the rows too).
      expect(await messageCount()).toBe(0);
      expect(await consentsOf('consents')).toBe(0);
      expect(await consentsOf('consent_links')).toBe(0);
      const contact = await t.app.db
        .selectFrom('cases')
        .select(['summary', 'record_id'])
        .where('case_reference', '=', caseReference)
        .executeTakeFirstOrThrow();
      expect(contact.summary).toBeNull();
      expect(
        await t.app.db.selectFrom('record_details').select('id').where('record_id', '=', contact.record_id!).execute(),
      ).toEqual([]);
      const conversations = await t.app.db
        .selectFrom('conversations')
        .select(['visitor_email', 'summary', 'transcript_email', 'ip_address', 'pre_chat_answers'])
        .where('id', 'in', chatIds)
        .execute();
      expect(
        conversations.every(
          (x) => !x.visitor_email && !x.summary && !x.transcript_email && !x.ip_address && !x.pre_chat_answers,
        ),
      ).toBe(true);
      const forms = await t.app.db
        .selectFrom('form_submissions as s')
        .innerJoin('cases as k', 'k.id', 's.case_id')
        .select(['s.answers', 's.confirmation_email'])
        .where('k.record_id', '=', contact.record_id!)
        .execute();
      expect(forms.length).toBeGreaterThan(0);
      expect(forms.every((f) => f.answers.length === 0 && f.confirmation_email === null)).toBe(true);

      // Nothing of the resident is left anywhere: the database (bytea decoded), the log, the outbox, the indexes.
      const dump = await dumpDatabase(t.databaseUrl);
      expect(dump.text).toContain(caseReference);
      expect(found(withBytesDecoded(dump.text), c)).toEqual([]);
      expect(found(await readFile(t.logFile, 'utf8'), c)).toEqual([]);
      const remaining = await outboxFiles();
      const contents = await Promise.all(remaining.map((f) => readFile(path.join(outbox, f), 'utf8')));
      const chatKeys = await keysOf(chats.map((x) => x.conversationId));
      expect(contents.filter((text) => chatKeys.some((k) => text.includes(k)))).toEqual([]);
      const ledger = await t.app.db.selectFrom('erasure_ledger').selectAll().execute();
      expect(ledger).toHaveLength(1);
      const destroyed = ledger[0]!.data_subject_ids;
      expect(destroyed).toEqual(expect.arrayContaining(chatKeys));
      expect(
        await t.app.db
          .selectFrom('blind_indexes')
          .select('record_id')
          .where('data_subject_id', 'in', destroyed)
          .execute(),
      ).toEqual([]);
      // The ledger names no one: ids and categories only.
      expect(found(JSON.stringify(ledger), c)).toEqual([]);
      expect(ledger[0]).toMatchObject({ request_id: requestId, actor: officer.id, reason_category: 'rights-request' });

      // The keys are gone: the copied ciphertext can no longer be opened.
      const keysAfter = await loadSubjectKeys(t.app.db, t.app.ctx.keyring, destroyed);
      expect([...keysAfter.values()].every((key) => key === null)).toBe(true);
      const keyNow = (await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [...keysBefore.keys()])).get(
        [...keysBefore.keys()][0]!,
      );
      expect(keyNow).toBeNull();
      expect(
        openField(keyNow ?? null, 'messages', 'body', `${message!.conversation_id}/${message!.seq}`, message!.body),
      ).toBe('[erased]');
      const shredded = await t.app.db
        .selectFrom('data_subjects')
        .select(['wrapped_key', 'shredded_at'])
        .where('id', 'in', destroyed)
        .execute();
      expect(shredded.every((s) => s.wrapped_key === null && s.shredded_at !== null)).toBe(true);

      // The audit trail says who erased what and why (field names, never values).
      const audit = await t.app.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'delete')
        .where('purpose', '=', 'rights-request')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(erased.body.erasure.erase.length);
      expect(audit.every((e) => e.actor_id === officer.id && e.actor_kind === 'staff')).toBe(true);
      expect(audit[0]!.reason).toContain('Erasure request upheld after identity check');
      expect(audit.map((e) => e.record_type)).toEqual(
        expect.arrayContaining(['conversation', 'case', 'customer_record', 'form_submission', 'email', 'disclosure']),
      );
      expect(audit.map((e) => e.record_type)).toContain('data_subject_key');

      // The request's history shows the erasure and why.
      const history = await api.call<{ request: { steps: Array<{ action: string; reason: string | null }> } }>(
        'GET',
        `/api/rights-requests/${requestId}`,
        { cookie: officer.cookie },
      );
      expect(history.body.request.steps.at(-1)).toMatchObject({
        action: 'erased',
        reason: 'Erasure request upheld after identity check',
      });

      // The held contact is still readable; another resident's chat is untouched.
      const held = await t.app.db
        .selectFrom('cases')
        .select(['summary', 'personal_data_deleted_at'])
        .where('case_reference', '=', heldReference)
        .executeTakeFirstOrThrow();
      expect(held.summary).not.toBeNull();
      expect(held.personal_data_deleted_at).toBeNull();
      const others = await loadSubjectKeys(t.app.db, t.app.ctx.keyring, await keysOf([other.conversationId]));
      expect([...others.values()][0]).not.toBeNull();
      const otherChat = await api.call<{ conversation: { visitorName: string } }>(
        'GET',
        `/api/conversations/${other.conversationId}`,
        { cookie: officer.cookie },
      );
      expect(otherChat.body.conversation?.visitorName ?? '').toBe('Other Resident');

      // A request erased can erase only while open and of type erasure; bad input is a 4xx.
      expect(
        (
          await api.call(
            'POST',
            `/api/rights-requests/${requestId}/erasure`,
            { cookie: officer.cookie },
            {
              reason: 'x',
              items: [{ kind: 'case', id: randomUUID() }],
            },
          )
        ).status,
      ).toBe(400);
      expect(
        (await api.call('POST', `/api/rights-requests/${requestId}/erasure`, { cookie: officer.cookie }, {})).status,
      ).toBe(400);
      const access = await api.call<{ request: { id: string } }>(
        'POST',
        '/api/rights-requests',
        {
          cookie: officer.cookie,
        },
        {
          type: 'access',
          receivedOn: '2026-03-01',
          channel: 'email',
          requesterName: 'Someone',
          requesterContact: 'someone@example.org',
        },
      );
      expect(
        (
          await api.call(
            'POST',
            `/api/rights-requests/${access.body.request.id}/erasure`,
            { cookie: officer.cookie },
            {
              reason: 'Not an erasure',
            },
          )
        ).status,
      ).toBe(409);
    },
  );

  it('a backup restored after an erasure is erased again by replaying the ledger', { timeout: 120_000 }, async () => {
    const { c, requestId, chats } = await resident('pwkzmd');
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ward-erasure-'));
    const target = await createTestDatabase();
    const restored = createDb(target.url, 2);
    try {
      const file = path.join(folder, 'ward.backup');
      // A pack built for the request before the backup: a copy of what is about to be erased.
      const built = await api.call('POST', `/api/rights-requests/${requestId}/export`, { cookie: officer.cookie });
      expect(built.status).toBe(201);
      await writeBackup(t.databaseUrl, file);
      const erased = await api.call(
        'POST',
        `/api/rights-requests/${requestId}/erasure`,
        { cookie: officer.cookie },
        {
          reason: 'Erasure request upheld',
        },
      );
      expect(erased.status).toBe(200);

      await migrateAsOwner(target.url, null);
      await restoreBackup(target.url, file);
      // The restored database predates the erasure: the resident's keys are back in it.
      const chatKeys = await keysOf(chats.map((x) => x.conversationId));
      const back = await loadSubjectKeys(restored.db, t.app.ctx.keyring, chatKeys);
      expect([...back.values()].every((key) => key !== null)).toBe(true);
      expect(
        await restored.db.selectFrom('erasure_ledger').select('id').where('request_id', '=', requestId).execute(),
      ).toEqual([]);

      const db = withAuditKeys(restored.db, auditKeysOf(t.app.db));
      const dirs = { ledgerDir: t.config.erasureLedgerDir, outboxDir: outboxDirIn(t.config.dataDir) };
      const report = await replayErasures({ db, keyring: t.app.ctx.keyring }, dirs);
      expect(report.restoredEntries).toBeGreaterThanOrEqual(1);
      expect(report.itemsErasedAgain).toBeGreaterThanOrEqual(8);
      expect(report.keysDestroyedAgain).toBeGreaterThanOrEqual(3);

      const dump = await dumpDatabase(target.url);
      expect(found(withBytesDecoded(dump.text), c)).toEqual([]);
      const gone = await loadSubjectKeys(restored.db, t.app.ctx.keyring, chatKeys);
      expect([...gone.values()].every((key) => key === null)).toBe(true);
      const packs = await restored.db
        .selectFrom('rights_export_packs')
        .select('content')
        .where('request_id', '=', requestId)
        .execute();
      expect(packs.length).toBe(1);
      expect(packs.every((p) => p.content === null)).toBe(true);

      // Again: nothing left to do.
      const again = await replayErasures({ db, keyring: t.app.ctx.keyring }, dirs);
      expect(again).toMatchObject({ restoredEntries: 0, itemsErasedAgain: 0, keysDestroyedAgain: 0 });
    } finally {
      await restored.db.destroy();
      await target.drop();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a chat still going on is ended first; an outbox email sealed under an erased key goes with it', async () => {
    const started = await t.startChat({ name: 'Outbox Person', email: 'outbox.person@example.com' });
    const [subject] = await keysOf([started.conversationId]);
    const key = (await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [subject!])).get(subject!)!;
    await createMailer({ smtpUrl: null, from: 'chat@demo.example', outboxDir: outboxDirIn(t.config.dataDir) }).send(
      organisationId,
      { to: 'outbox.person@example.com', subject: 'Your chat', text: 'hello' },
      { dataSubjectId: subject!, key },
    );
    const before = await outboxFiles();
    const request = await api.call<{ request: { id: string } }>(
      'POST',
      '/api/rights-requests',
      {
        cookie: officer.cookie,
      },
      {
        type: 'erasure',
        receivedOn: '2026-03-01',
        channel: 'chat',
        requesterName: 'Outbox Person',
        requesterContact: 'outbox.person@example.com',
      },
    );
    const row = await t.app.db
      .selectFrom('cases')
      .select('id')
      .where('conversation_id', '=', started.conversationId)
      .executeTakeFirstOrThrow();
    await addScopeRoot(t.app.db, {
      organisationId,
      requestId: request.body.request.id,
      root: { kind: 'case', id: row.id },
      confirmedBy: officer.id,
    });
    const erase = () =>
      api.call<{ erasure: ErasureResult }>(
        'POST',
        `/api/rights-requests/${request.body.request.id}/erasure`,
        { cookie: officer.cookie },
        { reason: 'Upheld' },
      );
    // A chat still waiting is not erased under the resident: it is ended first.
    const refused = await erase();
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('end it first');
    expect((await outboxFiles()).length).toBe(before.length);
    const socket = await t.agentSocket(agent.cookie);
    await socket.emitWithAck('conversation:accept', { conversationId: started.conversationId });
    await socket.emitWithAck('conversation:end', { conversationId: started.conversationId, summary: 'Done' });
    socket.disconnect();
    const erased = await erase();
    expect(erased.status).toBe(200);
    expect(erased.body.erasure.outboxEmails).toBe(1);
    expect((await outboxFiles()).length).toBe(before.length - 1);
  });
});
