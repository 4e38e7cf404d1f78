import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPackView, OutboxEmail, ScopeMessagesResponse } from '@ward/protocol';
import { receiveEmail } from '../src/features/emails/receive-email.ts';
import { expireExportPacks } from '../src/features/rights/expire-export-packs.ts';
import { purgeRightsRequests } from '../src/features/rights/purge-rights-requests.ts';
import { addScopeRoot } from '../src/features/rights/subject-scope.repository.ts';
import { caseClient } from './support/case-requests.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

type Staff = { cookie: string; id: string; email: string };
const resident = { name: 'Rowan Exportperson', email: 'rowan.exportperson@example.com' };
const schema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../../docs/schemas/export-pack.schema.json'), 'utf8'),
) as object;

describe('the export pack of a rights request (ADR 34)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let officer: Staff;
  let admin: Staff;
  let requestId: string;
  const refs: Record<string, string> = {};
  let firstChatId: string;

  const chatWith = async (who: { name: string; email: string }, lines: string[], agent: Staff) => {
    const chat = await t.startChat({ ...who, topic: 'bins' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    for (const body of lines) await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body });
    visitor.disconnect();
    const socket = await t.agentSocket(agent.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    return { chat, socket };
  };

  const download = async (token: string) => fetch(`${t.url}/rights/packs/${token}`);
  const unzip = (bytes: ArrayBuffer) => unzipSync(new Uint8Array(bytes));

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    officer = await api.staff('privacy_officer');
    admin = await api.staff('admin');
    const agent = await api.staff('agent');

    // A form makes the resident's record (their email address), then everything else joins it.
    const form = await fetch(`${t.url}/api/forms/demo/report-a-fault/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: {
          faultType: 'street-light',
          location: { where: 'Outside 4 Lamplight Row', postcode: '' },
          description: 'The lamp flickers all night',
          name: resident.name,
          email: resident.email,
        },
        consent: true,
      }),
    });
    expect(form.status).toBe(201);
    refs.form = ((await form.json()) as { caseReference: string }).caseReference;
    const formCase = await t.app.db
      .selectFrom('cases')
      .select(['id', 'record_id'])
      .where('case_reference', '=', refs.form)
      .executeTakeFirstOrThrow();
    const recordId = formCase.record_id!;
    // The resident corrected their description by phone (rectification): the pack shows both.
    const submission = await t.app.db
      .selectFrom('form_submissions')
      .select('id')
      .where('case_id', '=', formCase.id)
      .executeTakeFirstOrThrow();
    const corrected = await api.call(
      'PUT',
      `/api/form-submissions/${submission.id}/answers/description`,
      { cookie: agent.cookie },
      { value: 'The lamp flickers all night long', reason: 'Resident rang to add detail' },
    );
    expect(corrected.status).toBe(200);

    const first = await chatWith(
      resident,
      ['My bin was not emptied on Tuesday', 'My neighbour Tamsin Otherperson saw the lorry skip us'],
      agent,
    );
    const second = await chatWith(resident, ['The recycling box is cracked too'], agent);
    for (const { chat, socket } of [first, second]) {
      const linked = await api.call(
        'POST',
        `/api/records/${recordId}/link-chat`,
        { cookie: agent.cookie },
        {
          conversationId: chat.conversationId,
        },
      );
      expect(linked.status).toBe(200);
      await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Bin reported' });
      socket.disconnect();
    }
    refs.firstChat = first.chat.caseReference;
    refs.secondChat = second.chat.caseReference;
    firstChatId = first.chat.conversationId;

    const raw = await new MailComposer({
      from: resident.email,
      to: 'contact@council.example',
      subject: 'Lamplight Row street light',
      text: 'Any news on the street light?',
      messageId: `<${randomUUID()}@example.net>`,
    })
      .compile()
      .build();
    await receiveEmail(t.app.ctx, raw, { addresses: ['contact@council.example'], maxAttachmentBytes: 1024 * 1024 });

    const disclosed = await api.call(
      'POST',
      `/api/cases/${formCase.id}/disclosures`,
      { cookie: officer.cookie },
      {
        recipientOrganisation: 'Northshire Lighting Ltd',
        recipientContact: 'repairs desk',
        lawfulBasis: 'public-task',
        whatShared: 'Name and the fault location',
        why: 'To repair the light',
      },
    );
    expect(disclosed.status).toBe(201);

    // Another resident, never in the scope.
    const other = await chatWith(
      { name: 'Quentin Outsiderperson', email: 'quentin.outsider@example.com' },
      ['Quentin private words'],
      agent,
    );
    other.socket.disconnect();

    const logged = await api.call<{ request: { id: string } }>(
      'POST',
      '/api/rights-requests',
      { cookie: officer.cookie },
      {
        type: 'access',
        receivedOn: '2026-11-02',
        channel: 'email',
        requesterName: resident.name,
        requesterContact: resident.email,
      },
    );
    requestId = logged.body.request.id;
    const organisationId = (await t.app.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    await addScopeRoot(t.app.db, {
      organisationId,
      requestId,
      root: { kind: 'customer-record', id: recordId },
      confirmedBy: officer.id,
    });
  });
  afterAll(async () => t?.close());

  it('holds the chats, form, email and disclosure, withheld text replaced, checksums matching, nobody else', async () => {
    const messages = await api.call<ScopeMessagesResponse>('GET', `/api/rights-requests/${requestId}/messages`, {
      cookie: officer.cookie,
    });
    expect(messages.status).toBe(200);
    const chat = messages.body.chats.find((c) => c.caseReference === refs.firstChat)!;
    const named = chat.messages.find((m) => m.text.includes('Tamsin'))!;
    expect(named.withheld).toBe(false);
    const marked = await api.call(
      'PUT',
      `/api/rights-requests/${requestId}/withheld`,
      { cookie: officer.cookie },
      {
        messages: [{ conversationId: firstChatId, seq: named.seq }],
      },
    );
    expect(marked.status).toBe(204);

    const built = await api.call<{ pack: ExportPackView }>('POST', `/api/rights-requests/${requestId}/export`, {
      cookie: officer.cookie,
    });
    expect(built.status, JSON.stringify(built.body)).toBe(201);
    expect(built.body.pack.counts).toMatchObject({ chats: 2, 'form submissions': 1, emails: 1, disclosures: 1 });
    const response = await fetch(`${t.url}/api/rights-requests/${requestId}/export/${built.body.pack.id}/download`, {
      headers: { cookie: officer.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzip(await response.arrayBuffer());
    expect(Object.keys(files).sort()).toEqual(
      [
        'chats.csv',
        'consents.csv',
        'contacts.csv',
        'data.json',
        'disclosures.csv',
        'emails.csv',
        'form-answers.csv',
        'manifest.json',
        'messages.csv',
        'records.csv',
        'report.html',
        'report.pdf',
      ].sort(),
    );
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      files: Array<{ name: string; sha256: string; bytes: number }>;
    };
    expect(manifest.files).toHaveLength(11);
    for (const entry of manifest.files) {
      const bytes = files[entry.name]!;
      expect(createHash('sha256').update(bytes).digest('hex'), entry.name).toBe(entry.sha256);
      expect(bytes.length).toBe(entry.bytes);
    }

    const data = JSON.parse(strFromU8(files['data.json']!));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const valid = ajv.validate(schema, data);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(data.conversations.map((c: { caseReference: string }) => c.caseReference).sort()).toEqual(
      [refs.firstChat, refs.secondChat].sort(),
    );
    expect(data.contacts.map((c: { caseReference: string }) => c.caseReference)).toEqual(
      expect.arrayContaining([refs.firstChat, refs.secondChat, refs.form]),
    );
    expect(data.formSubmissions[0].answers).toContainEqual({
      question: expect.any(String),
      answer: 'The lamp flickers all night long',
    });
    expect(data.formSubmissions[0].corrections).toMatchObject([
      { previous: 'The lamp flickers all night', reason: 'Resident rang to add detail' },
    ]);
    expect(data.emails[0]).toMatchObject({ subject: 'Lamplight Row street light', direction: 'to the council' });
    expect(data.disclosures[0]).toMatchObject({
      recipient: 'Northshire Lighting Ltd',
      whatShared: 'Name and the fault location',
    });
    expect(data.conversations[0].retention.endsAt).not.toBeNull();
    // Consents as recorded (ADR 37): how, in which words, and under which notice.
    expect(data.consents).toContainEqual(
      expect.objectContaining({
        caseReference: refs.firstChat,
        given: 'enquiries',
        how: 'Checkbox on the pre-chat form',
        wording: expect.stringContaining('I have read how my information will be used'),
      }),
    );
    const everything = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(everything).toContain('My bin was not emptied on Tuesday');
    expect(everything).toContain('[withheld: third-party information]');
    expect(everything).not.toContain('Tamsin');
    expect(everything).not.toContain('Quentin');
    const html = strFromU8(files['report.html']!);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).not.toContain('<script');
    expect(strFromU8(files['report.pdf']!.subarray(0, 5))).toBe('%PDF-');

    const stored = await t.ownerDb
      .selectFrom('rights_export_packs')
      .select('content')
      .where('id', '=', built.body.pack.id)
      .executeTakeFirstOrThrow();
    expect(stored.content!.includes(Buffer.from('Tuesday'))).toBe(false);
    const audited = await t.ownerDb
      .selectFrom('audit_events')
      .select(['case_reference', 'reason'])
      .where('action', '=', 'export')
      .where('purpose', '=', 'rights-request')
      .execute();
    expect(audited.map((a) => a.case_reference)).toEqual(expect.arrayContaining([refs.firstChat, refs.form]));
    expect(audited.some((a) => a.reason?.includes('downloaded by staff'))).toBe(true);
  });

  it('emails a link that works for three downloads, then answers 410 with a page', async () => {
    const built = await api.call<{ pack: ExportPackView }>('POST', `/api/rights-requests/${requestId}/export`, {
      cookie: officer.cookie,
    });
    const send = (email: string) =>
      api.call<{ pack: ExportPackView }>(
        'POST',
        `/api/rights-requests/${requestId}/export/${built.body.pack.id}/send`,
        { cookie: officer.cookie },
        { email },
      );
    expect((await send('not an address')).status).toBe(400);
    const sent = await send(resident.email);
    expect(sent.status).toBe(200);
    expect(sent.body.pack.link).toMatchObject({ downloadsLeft: 3 });
    const outbox = await api.call<{ emails: OutboxEmail[] }>('GET', '/api/outbox', { cookie: admin.cookie });
    const email = outbox.body.emails.find((e) => e.to === resident.email && e.text.includes('/rights/packs/'))!;
    const token = /\/rights\/packs\/([A-Za-z0-9_-]{43})/.exec(email.text)![1]!;
    const links = await t.ownerDb.selectFrom('rights_export_packs').select('link_token_hash').execute();
    expect(links.some((l) => l.link_token_hash?.includes(Buffer.from(token)))).toBe(false);

    for (let i = 0; i < 3; i++) {
      const ok = await download(token);
      expect(ok.status).toBe(200);
      expect(Object.keys(unzip(await ok.arrayBuffer()))).toContain('report.html');
    }
    const used = await download(token);
    expect(used.status).toBe(410);
    expect(used.headers.get('content-type')).toContain('text/html');
    expect(await used.text()).toContain('This download link has expired');
    const row = await t.ownerDb
      .selectFrom('rights_export_packs')
      .select(['content'])
      .where('id', '=', built.body.pack.id)
      .executeTakeFirstOrThrow();
    expect(row.content).toBeNull();
    expect((await download('A'.repeat(43))).status).toBe(404);
    expect((await download('short')).status).toBe(400);
  });

  it('stops a link when it expires, and the hourly job deletes the pack', async () => {
    const built = await api.call<{ pack: ExportPackView }>('POST', `/api/rights-requests/${requestId}/export`, {
      cookie: officer.cookie,
    });
    const packId = built.body.pack.id;
    await api.call(
      'POST',
      `/api/rights-requests/${requestId}/export/${packId}/send`,
      { cookie: officer.cookie },
      {
        email: resident.email,
      },
    );
    const outbox = await api.call<{ emails: OutboxEmail[] }>('GET', '/api/outbox', { cookie: admin.cookie });
    const tokens = outbox.body.emails.flatMap((e) => /\/rights\/packs\/([A-Za-z0-9_-]{43})/.exec(e.text)?.[1] ?? []);
    const sendTime = await t.ownerDb
      .selectFrom('rights_export_packs')
      .select('expires_at')
      .where('id', '=', packId)
      .executeTakeFirstOrThrow();
    // Seven days by default.
    expect(sendTime.expires_at.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    await t.ownerDb
      .updateTable('rights_export_packs')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', packId)
      .execute();
    const statuses = await Promise.all(tokens.map(async (token) => (await download(token)).status));
    expect(statuses).toContain(410);
    expect(statuses).not.toContain(200);
    expect(await expireExportPacks(t.app.ctx)).toBeGreaterThanOrEqual(1);
    const row = await t.ownerDb
      .selectFrom('rights_export_packs')
      .select(['content', 'deleted_at'])
      .where('id', '=', packId)
      .executeTakeFirstOrThrow();
    expect(row.content).toBeNull();
    const officerDownload = await fetch(`${t.url}/api/rights-requests/${requestId}/export/${packId}/download`, {
      headers: { cookie: officer.cookie },
    });
    expect(officerDownload.status).toBe(409);
  });

  it('refuses to withhold a message of a chat outside the request, changing nothing', async () => {
    const refused = await api.call(
      'PUT',
      `/api/rights-requests/${requestId}/withheld`,
      { cookie: officer.cookie },
      {
        messages: [{ conversationId: randomUUID(), seq: 1 }],
      },
    );
    expect(refused.status).toBe(400);
    const messages = await api.call<ScopeMessagesResponse>('GET', `/api/rights-requests/${requestId}/messages`, {
      cookie: officer.cookie,
    });
    expect(messages.body.chats.flatMap((c) => c.messages).filter((m) => m.withheld)).toHaveLength(1);
  });

  it('shows [erased] for a contact whose key was destroyed, and a purged request takes its packs', async () => {
    const chat = await t.app.db
      .selectFrom('conversations')
      .select('data_subject_id')
      .where('case_reference', '=', refs.secondChat!)
      .executeTakeFirstOrThrow();
    await t.ownerDb
      .updateTable('data_subjects')
      .set({ wrapped_key: null, shredded_at: new Date() })
      .where('id', '=', chat.data_subject_id)
      .execute();
    const built = await api.call<{ pack: ExportPackView }>('POST', `/api/rights-requests/${requestId}/export`, {
      cookie: officer.cookie,
    });
    const response = await fetch(`${t.url}/api/rights-requests/${requestId}/export/${built.body.pack.id}/download`, {
      headers: { cookie: officer.cookie },
    });
    const data = JSON.parse(strFromU8(unzip(await response.arrayBuffer())['data.json']!));
    const erased = data.conversations.find((c: { caseReference: string }) => c.caseReference === refs.secondChat);
    expect(new Set(erased.messages.map((m: { text: string }) => m.text))).toEqual(new Set(['[erased]']));
    expect(erased.name).toBe('[erased]');

    await t.ownerDb
      .updateTable('rights_requests')
      .set({ status: 'completed', closed_at: new Date('2020-01-01T12:00:00Z') })
      .where('id', '=', requestId)
      .execute();
    expect(await purgeRightsRequests(t.app.ctx, { now: new Date(), jobId: 'test' })).toBe(1);
    const left = await t.ownerDb
      .selectFrom('rights_export_packs')
      .select('id')
      .where('request_id', '=', requestId)
      .execute();
    expect(left).toEqual([]);
  });
});
