import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { operations, type Caller } from './support/api-operations.ts';
import { send, setUpMatrix, type Matrix } from './support/api-matrix.ts';
import { freePort } from '../src/shared/free-port.ts';
import { requestStrings, setAt, type OpenApi } from './support/request-strings.ts';
import { storedText } from './support/stored-text.ts';
import { addScopeRoot } from '../src/features/rights/subject-scope.repository.ts';

/**
 * Issue 10: redaction runs on every free-text field staff and residents write (ADR 27).
 *
 * The fields are not listed here by hand. They are read from the schemas themselves: every string
 * in every request body and query of the OpenAPI document Ward serves (built from the protocol's
 * zod schemas), and in every realtime payload the protocol exports (`…Payload`). Each string must
 * be either free text (`freeText`, which the router and the realtime handlers redact) or plainly
 * structured (a format, a pattern, a fixed list, or `structuredText`). So:
 *
 * - a new field added as a bare `z.string()` fails the first test until someone decides which it is;
 * - a new field marked free text is sent a card number, an NI number and bank details through the
 *   real API by the second test, which then reads every stored value back, decrypted, and fails if
 *   any of them is there (or if the new operation has no example body to send);
 * - text stored by a path that skips the choke point (a new column written from something that is
 *   not a marked field) is found the same way, since every table and sealed column is read.
 */

/** A card with its expiry and security code in words, a National Insurance number and bank details. */
const secret =
  'Card 4111 1111 1111 1111 expires 09/27 and the three digits on the back are 739. ' +
  'NI number NX 12 34 56 A. Bank sort code 20-00-00 account 31926819.';
/** What must not be stored anywhere; each holds the words around it, so nothing else matches by chance. */
const leaks = ['4111 1111 1111 1111', 'expires 09/27', 'back are 739', 'NX 12 34 56 A', '20-00-00', '31926819'];

describe('free text is redacted at one choke point', () => {
  let t: TestApp;
  let m: Matrix;
  let document: OpenApi;
  let mailPort: number;
  beforeAll(async () => {
    mailPort = await freePort();
    t = await startTestApp({
      env: { WARD_MAIL_INTAKE_PORT: String(mailPort), WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' },
    });
    document = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as OpenApi;
    m = await setUpMatrix(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('knows, for every string a request can carry, whether it is free text or a structured value', () => {
    const fields = requestStrings(document);
    const unclassified = [...fields].filter(([, f]) => f.kind === 'unclassified').map(([key]) => key);
    expect(unclassified, 'mark each with freeText or structuredText in packages/protocol').toEqual([]);
    // The fields issue 10 named are among the free text.
    const free = [...fields].filter(([, f]) => f.kind === 'free').map(([key]) => key);
    expect(free).toEqual(
      expect.arrayContaining([
        'POST /api/cases/{id}/notes body.text',
        'PUT /api/cases/{id}/summary body.summary',
        'POST /api/retention/holds body.reason',
        'PUT /api/records/{id}/details/{detailId} body.reason',
        'POST /api/records/{id}/merge body.reason',
        'POST /api/records/{id}/details/{detailId}/remove body.reason',
        'POST /api/records/{id}/details body.value.text',
        'POST /api/intake/contacts body.summary',
        'POST /api/intake/social-media body.request',
        'POST /api/cases/{caseId}/emails body.body',
        'PUT /api/conversations/{id}/summary body.summary',
        'realtime SendMessagePayload payload.body',
        'realtime AgentEndPayload payload.summary',
        'realtime AddChatNotePayload payload.body',
        'realtime TransferChatPayload payload.note',
      ]),
    );
  });

  it(
    'stores none of a card number, its security code and expiry, an NI number or bank details sent into any free-text field',
    { timeout: 240_000 },
    async () => {
      const fields = [...requestStrings(document)].filter(([, f]) => f.kind === 'free').map(([key]) => key);
      const { f } = m;
      const admin = (operation: string, body: unknown) =>
        send(t, m, operation, operations[operation]!, 'admin', { body: JSON.stringify(body) });
      // What some fields need first: a note to amend, a phone number to remove, a case that is not
      // a chat's (its summary is the case's own), and a resident's email to reply to.
      expect(
        (await admin('POST /api/records/{id}/details', { value: { kind: 'note', text: 'First note' } })).status,
      ).toBe(201);
      expect(
        (await admin('POST /api/records/{id}/details', { value: { kind: 'phone', number: '01632 960 002' } })).status,
      ).toBe(201);
      const detailOf = async (kind: 'note' | 'phone') =>
        (
          await t.ownerDb
            .selectFrom('record_details')
            .select('id')
            .where('record_id', '=', f.recordId)
            .where('kind', '=', kind)
            .executeTakeFirstOrThrow()
        ).id;
      const contact = await admin('POST /api/intake/contacts', {
        channel: 'phone',
        summary: 'Asked about opening hours',
        name: 'Bob Resident',
        departmentId: 'council-tax',
      });
      expect(contact.status).toBe(201);
      const contactCaseId = (JSON.parse(contact.text) as { caseId: string }).caseId;
      const mailed = await nodemailer
        .createTransport({ host: '127.0.0.1', port: mailPort, secure: false, ignoreTLS: true })
        .sendMail({
          from: 'Ann Resident <ann@example.com>',
          to: 'contact@council.example',
          subject: `About my account ${secret}`,
          text: secret,
          messageId: `<${randomUUID()}@example.net>`,
        });
      expect(mailed.accepted).toHaveLength(1);
      const emailCaseId = (
        await t.ownerDb.selectFrom('cases').select('id').where('channel', '=', 'email').executeTakeFirstOrThrow()
      ).id;
      const rightsRequest = await admin('POST /api/rights-requests', {
        type: 'access',
        receivedOn: new Date().toISOString().slice(0, 10),
        channel: 'email',
        requesterName: 'Ann Resident',
        requesterContact: 'ann@example.com',
      });
      expect(rightsRequest.status).toBe(201);
      const rightsPath = `/api/rights-requests/${(JSON.parse(rightsRequest.text) as { request: { id: string } }).request.id}`;
      // An erasure request whose scope is one logged contact, kept for legal claims (so only its record goes).
      const erasureContact = await admin('POST /api/intake/contacts', {
        channel: 'phone',
        summary: 'Asked to be forgotten',
        name: 'Erin Resident',
        departmentId: 'council-tax',
      });
      const erasureCaseId = (JSON.parse(erasureContact.text) as { caseId: string }).caseId;
      const erasureRequest = await admin('POST /api/rights-requests', {
        type: 'erasure',
        receivedOn: new Date().toISOString().slice(0, 10),
        channel: 'email',
        requesterName: 'Erin Resident',
        requesterContact: 'erin@example.com',
      });
      const erasureRequestId = (JSON.parse(erasureRequest.text) as { request: { id: string } }).request.id;
      await addScopeRoot(t.app.db, {
        organisationId: t.app.ctx.organisation.id,
        requestId: erasureRequestId,
        root: { kind: 'case', id: erasureCaseId },
        confirmedBy: f.staffIds.spare,
      });
      const keepTheCase = [{ kind: 'case', id: erasureCaseId, exemption: 'legal-claims', reason: 'A claim is open' }];
      // A form whose answer is corrected below (rectification, with a reason).
      const submitted = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { name: 'Ann Resident', email: 'ann@example.com', message: 'The first message' },
          consent: true,
        }),
      });
      const { caseReference: formReference } = (await submitted.json()) as { caseReference: string };
      const formSubmissionId = (
        await t.app.db
          .selectFrom('form_submissions as s')
          .innerJoin('cases as k', 'k.id', 's.case_id')
          .select('s.id')
          .where('k.case_reference', '=', formReference)
          .executeTakeFirstOrThrow()
      ).id;
      /** Other valid bodies, for fields the catalogue's example does not reach (a note instead of a phone number). */
      const note = { kind: 'note', text: 'A note' };
      const moreExamples: Record<string, Array<{ path?: string; body: unknown }>> = {
        'POST /api/records': [{ body: { details: [{ kind: 'name', name: 'Cara Resident' }, note] } }],
        'POST /api/records/{id}/details': [{ body: { value: note, reason: 'Told us' } }],
        'POST /api/records/from-chat': [
          { body: { conversationId: f.elsewhereChatId, details: [{ kind: 'name', name: 'Bob Resident' }, note] } },
        ],
        'PUT /api/records/{id}/details/{detailId}': [
          {
            path: `/api/records/${f.recordId}/details/${await detailOf('note')}`,
            body: { value: note, reason: 'Typo' },
          },
        ],
        // A request waits for proof of identity, resumes with a note on how it was checked, is extended, then closed.
        'POST /api/rights-requests/{id}/status': [
          { path: `${rightsPath}/status`, body: { status: 'awaiting-identity', reason: '' } },
          {
            path: `${rightsPath}/status`,
            body: { status: 'in-progress', identityMethod: 'documents', identityNote: '' },
          },
        ],
        'POST /api/rights-requests/{id}/extend': [{ path: `${rightsPath}/extend`, body: { months: 1, reason: '' } }],
        'POST /api/rights-requests/{id}/erasure/preview': [
          { path: `/api/rights-requests/${erasureRequestId}/erasure/preview`, body: { keep: keepTheCase } },
        ],
        'POST /api/rights-requests/{id}/erasure': [
          { path: `/api/rights-requests/${erasureRequestId}/erasure`, body: { keep: keepTheCase, reason: 'x' } },
        ],
        'PUT /api/form-submissions/{id}/answers/{fieldId}': [
          {
            path: `/api/form-submissions/${formSubmissionId}/answers/message`,
            body: { value: 'The corrected message', reason: 'x' },
          },
        ],
        'POST /api/rights-requests/{id}/close': [
          { path: `${rightsPath}/close`, body: { outcome: 'refused', reason: '' } },
        ],
        // The catalogue's example changes nothing (refused); a real correction, on the other chat.
        'PUT /api/conversations/{id}/details': [
          {
            path: `/api/conversations/${f.elsewhereChatId}/details`,
            body: { name: 'Corrected Resident', email: 'corrected@example.com', reason: '' },
          },
        ],
        'PUT /api/cases/{id}/summary': [{ path: `/api/cases/${contactCaseId}/summary`, body: { summary: '' } }],
        'POST /api/cases/{caseId}/emails': [{ path: `/api/cases/${emailCaseId}/emails`, body: { body: '' } }],
        'POST /api/intake/social-media': [
          {
            body: {
              platform: 'facebook',
              handle: '@resident',
              request: '',
              receivedAt: new Date(Date.now() - 60_000).toISOString(),
              departmentId: 'council-tax',
            },
          },
        ],
        'POST /api/intake/contacts': [
          { body: { channel: 'phone', summary: '', name: 'Bob Resident', departmentId: 'council-tax' } },
        ],
        'POST /api/records/{id}/details/{detailId}/remove': [
          { path: `/api/records/${f.recordId}/details/${await detailOf('phone')}/remove`, body: { reason: '' } },
        ],
      };
      // Operations that change what others depend on go last; the survey needs the chat ended.
      const last = ['survey', '/merge', '/unmerge', '/remove', '/close'];
      const rank = (key: string) => last.findIndex((word) => key.includes(word));
      const httpFields = fields.filter((key) => !key.startsWith('realtime ')).sort((a, b) => rank(a) - rank(b));
      const realtimeFields = fields.filter((key) => key.startsWith('realtime '));
      const failures: string[] = [];
      const sendField = async (key: string) => {
        const [method, path, field] = key.split(' ') as [string, string, string];
        const operation = `${method} ${path}`;
        const spec = operations[operation];
        if (!spec) return failures.push(`${key}: no row in api-operations.ts`);
        const caller = (['admin', 'agentHere', 'visitor', 'apiKey'] as Caller[]).find(
          (c) => spec.expect[c] === 'allow',
        );
        if (!caller) return failures.push(`${key}: nobody may call it`);
        const examples = [{ body: spec.body?.(f, caller) }, ...(moreExamples[operation] ?? [])];
        const tried: string[] = [];
        for (const example of examples) {
          const body = structuredClone(example.body);
          if (!setAt({ body }, field.split('.'), secret)) continue;
          const response = await send(t, m, operation, spec, caller, {
            body: JSON.stringify(body),
            ...(example.path ? { path: example.path } : {}),
          });
          if (response.status < 300) return;
          tried.push(`${response.status} ${response.text.slice(0, 120)}`);
        }
        failures.push(`${key}: no example body reached it (${tried.join('; ') || 'none has the field'})`);
      };
      for (const key of httpFields.filter((k) => rank(k) < 0)) await sendField(key);

      // Realtime frames, each through its own door.
      const visitor = await t.visitorSocket(f.chat.visitorToken);
      const realtime: Record<string, () => Promise<{ ok: boolean }>> = {
        'realtime SendMessagePayload payload.body': () =>
          visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: secret }),
        'realtime AgentSendMessagePayload payload.body': () =>
          m.hereSocket.emitWithAck('message:send', {
            conversationId: f.chat.conversationId,
            clientMessageId: randomUUID(),
            body: secret,
          }),
        'realtime AddChatNotePayload payload.body': () =>
          m.hereSocket.emitWithAck('note:add', { conversationId: f.chat.conversationId, kind: 'note', body: secret }),
        // A chat of its own: the fixture's stays where it is.
        'realtime TransferChatPayload payload.note': async () => {
          const moving = await t.startChat({ topic: 'council-tax', name: 'Moving Resident' });
          await m.hereSocket.emitWithAck('conversation:accept', { conversationId: moving.conversationId });
          return m.hereSocket.emitWithAck('conversation:transfer', {
            conversationId: moving.conversationId,
            departmentId: 'housing',
            note: secret,
          });
        },
        'realtime AgentEndPayload payload.summary': () =>
          m.hereSocket.emitWithAck('conversation:end', { conversationId: f.chat.conversationId, summary: secret }),
      };
      for (const key of realtimeFields) {
        const emit = realtime[key];
        if (!emit) failures.push(`${key}: the test does not know how to send it`);
        else if (!(await emit()).ok) failures.push(`${key}: refused`);
      }
      for (const key of httpFields.filter((k) => rank(k) >= 0)) await sendField(key);

      // The doors that are not protocol schemas: an online form's answers (and the email above).
      const form = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { name: 'Ann Resident', email: 'ann@example.com', message: secret },
          consent: true,
        }),
      });
      if (form.status !== 201) failures.push(`form answers: ${form.status}`);
      expect(failures).toEqual([]);

      const stored = await storedText(t);
      expect(stored.unreadable, 'sealed columns this test cannot open: teach it their place').toEqual([]);
      // The secret did arrive (redacted): each field sent left a marker.
      const all = stored.values.map((v) => v.text).join('\n');
      expect(all).toContain('[card number removed]');
      expect(all).toContain('[card details removed]');
      expect(all).toContain('[National Insurance number removed]');
      expect(all).toContain('[bank details removed]');
      const leaked = stored.values
        .filter((v) => leaks.some((leak) => v.text.includes(leak)))
        .map((v) => `${v.where}: ${leaks.filter((leak) => v.text.includes(leak)).join(', ')}`);
      expect(leaked, 'stored unredacted').toEqual([]);
      // Nor logged (Ward logs at debug level in tests).
      const logged = await readFile(t.logFile, 'utf8');
      expect(
        leaks.filter((leak) => logged.includes(leak)),
        'logged unredacted',
      ).toEqual([]);
    },
  );
});
