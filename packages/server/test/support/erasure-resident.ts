import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import { expect } from 'vitest';
import type { IntakeResponse } from '@ward/protocol';
import type { TestApp } from './test-app.ts';
import type { caseClient } from './case-requests.ts';
import { addScopeRoot } from '../../src/features/rights/subject-scope.repository.ts';
import { receiveEmail } from '../../src/features/emails/receive-email.ts';

/** The resident whom rights-erasure.test.ts erases, and how it looks for what is left of them. */

export type Staff = { cookie: string; id: string };

/** Every bytea value in a dump (`\x…`), decoded, beside the dump itself: plaintext in a bytea column shows too. */
export function withBytesDecoded(dump: string): string {
  const decoded = [...dump.matchAll(/\\\\?x([0-9a-f]{2,})/gi)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
  return `${dump}\n${decoded.join('\n')}`;
}

/** A resident's values, unique to one run of `resident()`, so finding one anywhere means it leaked. */
export function canariesFor(tag: string) {
  return {
    name: `Erasecanary ${tag}`,
    email: `erase.canary.${tag}@example.com`,
    phone: '07700 900467',
    chatMessage: `erase-canary-message-${tag}`,
    secondChatMessage: `erase-canary-second-chat-${tag}`,
    summary: `erase-canary-summary-${tag}`,
    formAnswer: `erase-canary-form-${tag}`,
    emailBody: `erase-canary-email-${tag}`,
    disclosure: `erase-canary-disclosure-${tag}`,
  };
}
export const found = (text: string, canaries: Record<string, string>) =>
  Object.entries(canaries)
    .filter(([what, value]) =>
      what === 'phone' ? text.includes('7700900467') : text.toLowerCase().includes(value.toLowerCase()),
    )
    .map(([what]) => what);

export type ErasureWorld = {
  t: TestApp;
  api: ReturnType<typeof caseClient>;
  agent: Staff;
  officer: Staff;
  outboxFiles: () => Promise<string[]>;
};

async function chat(
  { t, api, agent, outboxFiles }: ErasureWorld,
  c: ReturnType<typeof canariesFor>,
  message: string,
  recordId: string,
) {
  const started = await t.startChat({ name: c.name, email: c.email, topic: 'council-tax' });
  const socket = await t.agentSocket(agent.cookie);
  await socket.emitWithAck('conversation:accept', { conversationId: started.conversationId });
  const visitor = await t.visitorSocket(started.visitorToken);
  await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: message });
  await socket.emitWithAck('conversation:end', { conversationId: started.conversationId, summary: c.summary });
  const before = (await outboxFiles()).length;
  const transcript = await fetch(`${t.url}/api/visitor/conversation/transcript`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${started.visitorToken}` },
    body: JSON.stringify({ email: c.email }),
  });
  expect(transcript.status).toBeLessThan(300);
  // The transcript job writes to the outbox folder (no SMTP server here): wait for it.
  for (let i = 0; i < 200 && (await outboxFiles()).length === before; i++) await sleep(50);
  expect((await outboxFiles()).length).toBe(before + 1);
  visitor.disconnect();
  socket.disconnect();
  const linked = await api.call(
    'POST',
    `/api/records/${recordId}/link-chat`,
    { cookie: agent.cookie },
    {
      conversationId: started.conversationId,
    },
  );
  expect(linked.status).toBe(200);
  return started;
}

/**
 * A resident with canaries in two chats, a form, an email, a logged contact and a disclosure, and an
 * erasure request scoped to them.
 */
export async function residentWithEverything(world: ErasureWorld, tag: string) {
  const { t, api, agent, officer } = world;
  const organisationId = t.app.ctx.organisation.id;
  const c = canariesFor(tag);
  const contact = await api.call<IntakeResponse>(
    'POST',
    '/api/intake/contacts',
    { cookie: agent.cookie },
    {
      channel: 'phone',
      departmentId: 'council-tax',
      summary: c.summary,
      name: c.name,
      email: c.email,
      phone: c.phone,
    },
  );
  expect(contact.status).toBe(201);
  const { recordId, caseId, caseReference } = contact.body;
  const first = await chat(world, c, c.chatMessage, recordId);
  const second = await chat(world, c, c.secondChatMessage, recordId);
  const form = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      answers: { name: c.name, email: c.email, caseReference, message: c.formAnswer },
      consent: true,
    }),
  });
  expect(form.status).toBe(201);
  const formReference = ((await form.json()) as { caseReference: string }).caseReference;
  // The form's confirmation email goes to the outbox by a job: wait for it, so what erasure finds is known.
  const confirmationSent = async () =>
    (
      await t.app.db
        .selectFrom('form_submissions as s')
        .innerJoin('cases as k', 'k.id', 's.case_id')
        .select('s.confirmation_sent_at')
        .where('k.case_reference', '=', formReference)
        .executeTakeFirst()
    )?.confirmation_sent_at ?? null;
  for (let i = 0; i < 200 && (await confirmationSent()) === null; i++) await sleep(50);
  const raw = await new MailComposer({
    from: c.email,
    to: 'contact@council.example',
    subject: `About ${caseReference}`,
    messageId: `<${randomUUID()}@example.net>`,
    text: c.emailBody,
  })
    .compile()
    .build();
  const email = await receiveEmail(t.app.ctx, raw, {
    addresses: ['contact@council.example'],
    maxAttachmentBytes: 1024 * 1024,
  });
  const disclosed = await api.call(
    'POST',
    `/api/cases/${caseId}/disclosures`,
    { cookie: agent.cookie },
    {
      recipientOrganisation: 'Northshire Police',
      recipientContact: `PC ${c.name}`,
      lawfulBasis: 'legal-obligation',
      whatShared: c.disclosure,
      why: 'Request under the Crime and Disorder Act',
      disclosedOn: '2026-03-02',
    },
  );
  expect(disclosed.status).toBe(201);
  // A complaint about the council on a contact of their own, under a legal hold: it must be kept.
  const held = await api.call<IntakeResponse>(
    'POST',
    '/api/intake/contacts',
    { cookie: agent.cookie },
    {
      channel: 'face-to-face',
      departmentId: 'council-tax',
      summary: 'Complaint about the handling of the account',
      name: 'Complainant',
    },
  );
  const hold = await api.call(
    'POST',
    '/api/retention/holds',
    { cookie: officer.cookie },
    {
      caseId: held.body.caseId,
      reason: 'Complaint to the ombudsman',
    },
  );
  expect(hold.status).toBe(201);

  const request = await api.call<{ request: { id: string } }>(
    'POST',
    '/api/rights-requests',
    {
      cookie: officer.cookie,
    },
    {
      type: 'erasure',
      receivedOn: '2026-03-01',
      channel: 'email',
      requesterName: 'The requester',
      requesterContact: 'requester@example.org',
    },
  );
  expect(request.status).toBe(201);
  const requestId = request.body.request.id;
  const formCase = await t.app.db
    .selectFrom('cases')
    .select(['id', 'record_id'])
    .where('case_reference', '=', formReference)
    .executeTakeFirstOrThrow();
  const roots = [
    { kind: 'customer-record' as const, id: recordId },
    { kind: 'case' as const, id: formCase.id },
    { kind: 'case' as const, id: email.caseId },
    { kind: 'case' as const, id: held.body.caseId },
  ];
  for (const root of roots) await addScopeRoot(t.app.db, { organisationId, requestId, root, confirmedBy: officer.id });
  return { c, requestId, caseReference, heldReference: held.body.caseReference, chats: [first, second] };
}
