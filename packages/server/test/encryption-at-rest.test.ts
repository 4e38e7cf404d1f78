import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { sql } from 'kysely';
import type { ConversationWithMessages } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { runWard } from './support/ward-process.ts';
import { sealAutomaticInformation } from '../src/features/conversations/seal-automatic-information.ts';

const kekA = `kek-a:${randomBytes(32).toString('base64')}`;
const kekB = `kek-b:${randomBytes(32).toString('base64')}`;

// Values no real conversation would contain, so finding one anywhere means it leaked.
const canaries = {
  name: 'Canaryname Qzxvwy',
  email: 'canary.qzxvwy@example.com',
  ip: '203.0.113.177',
  residentMessage: 'canary-resident-message-qzxvwy',
  agentMessage: 'canary-agent-message-qzxvwy',
  comment: 'canary-survey-comment-qzxvwy',
  summary: 'canary-summary-qzxvwy',
  transcriptEmail: 'canary.transcript.qzxvwy@example.com',
  // What Ward keeps of the canary User-Agent below (ADR 29): a browser and a system no one runs.
  browser: 'Chrome 98765',
  operatingSystem: 'Android 97.3',
};
const canaryUserAgent =
  'Mozilla/5.0 (Linux; Android 97.3; Canary Qzxvwy) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98765.0.0.0 Mobile Safari/537.36';

describe('personal data at rest', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_KEK: kekA, WARD_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function realisticChat() {
    const started = await fetch(`${t.url}/api/widget/demo/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': canaries.ip, 'user-agent': canaryUserAgent },
      body: JSON.stringify({ name: canaries.name, email: canaries.email, topic: 'housing', consent: true }),
    });
    const chat = (await started.json()) as { conversationId: string; visitorToken: string; caseReference: string };
    const staff = await t.signUpStaff();
    const agent = await t.agentSocket(staff.cookie);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const sent = await visitor.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: canaries.residentMessage,
    });
    await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: canaries.agentMessage,
    });
    if (sent.ok)
      await agent.emitWithAck('consent:mark', { conversationId: chat.conversationId, seq: sent.message.seq });
    await agent.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: canaries.summary });
    const post = (path: string, body: unknown) =>
      fetch(`${t.url}/api/visitor/conversation/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.visitorToken}` },
        body: JSON.stringify(body),
      });
    await post('survey', { rating: 2, comment: canaries.comment });
    const mail = smtp.next();
    await post('transcript', { email: canaries.transcriptEmail });
    await mail;
    return { chat, staff };
  }

  it('keeps no plaintext of it anywhere in a dump of the whole database', { timeout: 60_000 }, async () => {
    const { chat, staff } = await realisticChat();
    // Staff still read it all, decrypted.
    const found = (await (
      await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
        headers: { cookie: staff.cookie },
      })
    ).json()) as ConversationWithMessages;
    expect(found.conversation).toMatchObject({
      visitorName: canaries.name,
      visitorEmail: canaries.email,
      ipAddress: '203.0.113.0',
      browser: canaries.browser,
      operatingSystem: canaries.operatingSystem,
      summary: canaries.summary,
    });
    expect(found.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining([canaries.residentMessage, canaries.agentMessage]),
    );

    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain(chat.caseReference); // the dump is real: what is not personal data is there
    // The blind indexes are in it too (ADR 13): digests only, so no canary below is found in them.
    expect(
      await t.app.db.selectFrom('blind_indexes').select('kind').where('record_id', '=', chat.conversationId).execute(),
    ).not.toEqual([]);
    expect(dump.text).toContain('blind_indexes');
    for (const [what, value] of Object.entries(canaries)) {
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${what} found in the ${dump.how} dump`).toBe(
        false,
      );
    }
  });

  it('seals the browser and operating system that older versions stored in plain text', async () => {
    const { chat, staff } = await realisticChat();
    // As a version before migration 0021 left the chat: the two values in plain text, nothing sealed.
    await sql`UPDATE conversations SET browser = NULL, operating_system = NULL,
      plaintext_browser = ${canaries.browser}, plaintext_operating_system = ${canaries.operatingSystem}
      WHERE id = ${chat.conversationId}`.execute(t.app.db);
    expect((await dumpDatabase(t.databaseUrl)).text).toContain(canaries.browser);

    expect(await sealAutomaticInformation(t.app.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sealAutomaticInformation(t.app.ctx)).toBe(0);

    const found = (await (
      await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
        headers: { cookie: staff.cookie },
      })
    ).json()) as ConversationWithMessages;
    expect(found.conversation).toMatchObject({
      browser: canaries.browser,
      operatingSystem: canaries.operatingSystem,
    });
    const dump = await dumpDatabase(t.databaseUrl);
    for (const value of [canaries.browser, canaries.operatingSystem])
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${value} found in the ${dump.how} dump`).toBe(
        false,
      );
  });

  it(
    'keeps no plaintext of customer records, cases, form answers or social-media requests either',
    { timeout: 60_000 },
    async () => {
      const contact = {
        formName: 'Formcanary Qzxvwy',
        formEmail: 'form.canary.qzxvwy@example.com',
        faultWhere: 'canary-lamp-post-qzxvwy',
        faultDescription: 'canary-fault-description-qzxvwy',
        handle: '@canaryhandleqzxvwy',
        request: 'canary-social-request-qzxvwy',
        note: 'canary-case-note-qzxvwy',
        street: 'Canarystreet Qzxvwy',
        phone: '07700 900417',
      };
      const json = (cookie: string | null) => ({ 'content-type': 'application/json', ...(cookie ? { cookie } : {}) });
      const form = await fetch(`${t.url}/api/forms/demo/report-a-fault/submissions`, {
        method: 'POST',
        headers: json(null),
        body: JSON.stringify({
          answers: {
            faultType: 'street-light',
            location: { where: contact.faultWhere, postcode: '' },
            description: contact.faultDescription,
            name: contact.formName,
            email: contact.formEmail,
          },
        }),
      });
      expect(form.status).toBe(201);
      const staff = await t.signUpStaff({ role: 'admin' });
      const social = await fetch(`${t.url}/api/intake/social-media`, {
        method: 'POST',
        headers: json(staff.cookie),
        body: JSON.stringify({
          platform: 'facebook',
          topic: 'bins',
          handle: contact.handle,
          request: contact.request,
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          phone: contact.phone,
        }),
      });
      expect(social.status, await social.clone().text()).toBe(201);
      const { caseId, recordId } = (await social.json()) as { caseId: string; recordId: string };
      expect(
        (
          await fetch(`${t.url}/api/cases/${caseId}/notes`, {
            method: 'POST',
            headers: json(staff.cookie),
            body: JSON.stringify({ text: contact.note }),
          })
        ).status,
      ).toBe(201);
      const address = await fetch(`${t.url}/api/records/${recordId}/details`, {
        method: 'POST',
        headers: json(staff.cookie),
        body: JSON.stringify({
          value: { kind: 'address', lines: [`1 ${contact.street}`], town: 'Demoton', postcode: 'SW1A 1AA', uprn: null },
        }),
      });
      expect(address.status, await address.clone().text()).toBe(201);
      // Staff read it all back, decrypted.
      const record = await (
        await fetch(`${t.url}/api/records/${recordId}`, { headers: { cookie: staff.cookie } })
      ).text();
      for (const value of [contact.handle, contact.street]) expect(record).toContain(value);

      const dump = await dumpDatabase(t.databaseUrl);
      expect(dump.text).toContain('record_details');
      for (const [what, value] of Object.entries(contact)) {
        expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${what} found in the ${dump.how} dump`).toBe(
          false,
        );
      }
      expect(dump.text).not.toContain('+447700900417');
    },
  );

  it(
    're-wraps every data key under a new key-encryption key, after which the old one can go',
    { timeout: 60_000 },
    async () => {
      const { chat, staff } = await realisticChat();
      // Their TOTP secret is sealed under the old key too (ADR 22).
      const json = (cookie: string) => ({ 'content-type': 'application/json', origin: t.config.publicUrl, cookie });
      const enrolment = await fetch(`${t.url}/api/auth/mfa/enrolment`, {
        method: 'POST',
        headers: json(staff.cookie),
        body: '{}',
      });
      expect(enrolment.status, await enrolment.clone().text()).toBe(200);
      const { secret } = (await enrolment.json()) as { secret: string };
      const nowStep = Math.floor(Date.now() / 30_000);
      const turnedOn = await fetch(`${t.url}/api/auth/mfa/enrolment/confirm`, {
        method: 'POST',
        headers: json(staff.cookie),
        body: JSON.stringify({ code: await generate({ secret, epoch: nowStep * 30 }) }),
      });
      expect(turnedOn.status).toBe(200);

      const rotated = await runWard(['keys', 'rotate'], { DATABASE_URL: t.databaseUrl, WARD_KEK: `${kekB},${kekA}` });
      expect(rotated.code).toBe(0);
      expect(rotated.stdout).toMatch(/Re-wrapped \d+ data keys under "kek-b"/);
      expect(rotated.stdout).toMatch(/Re-sealed [1-9]\d* two-step sign-in secrets under "kek-b"/);
      const again = await runWard(['keys', 'rotate'], { DATABASE_URL: t.databaseUrl, WARD_KEK: `${kekB},${kekA}` });
      expect(again.stdout).toContain('Re-wrapped 0 data keys');

      const subjects = await t.app.db.selectFrom('data_subjects').select('kek_id').distinct().execute();
      expect(subjects.map((s) => s.kek_id)).toEqual(['kek-b']);
      const secrets = await t.app.db.selectFrom('staff_mfa').select('kek_id').distinct().execute();
      expect(secrets.map((s) => s.kek_id)).toEqual(['kek-b']);
      const onlyNewKey = await startTestApp({ env: { WARD_KEK: kekB }, sameDatabaseAs: t });
      try {
        const response = await fetch(`${onlyNewKey.url}/api/conversations/by-reference/${chat.caseReference}`, {
          headers: { cookie: staff.cookie },
        });
        const { conversation } = (await response.json()) as ConversationWithMessages;
        expect(conversation.visitorName).toBe(canaries.name);
        // Signing in with a code works with the new key alone.
        const origin = { 'content-type': 'application/json', origin: onlyNewKey.config.publicUrl };
        const password = await fetch(`${onlyNewKey.url}/api/auth/login`, {
          method: 'POST',
          headers: origin,
          body: JSON.stringify({ email: staff.email, password: 'correct horse battery staple' }),
        });
        expect(await password.json()).toEqual({ mfaRequired: true });
        const pending = (password.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const code = await fetch(`${onlyNewKey.url}/api/auth/mfa/verify`, {
          method: 'POST',
          headers: { ...origin, cookie: pending },
          body: JSON.stringify({ code: await generate({ secret, epoch: (nowStep + 1) * 30 }) }),
        });
        expect(code.status).toBe(200);
      } finally {
        await onlyNewKey.close();
      }
    },
  );
});
