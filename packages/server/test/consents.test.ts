import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseReferenceFromRandom,
  type ConsentProof,
  type PrivacyNotice,
  type VisitorConversation,
  type WidgetConfig,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { caseClient } from './support/case-requests.ts';
import { newPrivacyChoicesLink } from '../src/features/consents/consent-links.ts';
import { expirePrivacyChoicesLinks } from '../src/features/consents/withdraw-consent.ts';

const visitorPost = (t: TestApp, token: string, path: string, body: unknown) =>
  fetch(`${t.url}/api/visitor/conversation/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('consent and lawful basis per contact, the privacy notice shown, and withdrawal', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let api: ReturnType<typeof caseClient>;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_MAIL_FROM: 'Demo Council <chat@demo.example>' } });
    api = caseClient(t);
    admin = (await api.staff('admin')).cookie;
    officer = (await api.staff('privacy_officer')).cookie;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const proofFor = async (caseReference: string) => {
    const reply = await api.call<{ consents: ConsentProof[] }>('GET', `/api/consents?caseReference=${caseReference}`, {
      cookie: officer,
    });
    expect(reply.status).toBe(200);
    return reply.body.consents;
  };

  it('publishes notice versions, shows residents the one in effect, and never changes a version', async () => {
    const published = await api.call<{ notice: PrivacyNotice }>(
      'POST',
      '/api/privacy-notices',
      { cookie: admin },
      {
        version: '2026-12',
        body: 'We use your details to answer your enquiry.\n\nWe keep chats for one month.',
      },
    );
    expect(published.status).toBe(201);
    expect(published.body.notice).toMatchObject({ version: '2026-12', current: true, url: null });
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const future = await api.call(
      'POST',
      '/api/privacy-notices',
      { cookie: admin },
      {
        version: '2027-01',
        url: 'https://www.example.gov.uk/privacy/2027',
        effectiveFrom: later,
      },
    );
    expect(future.status).toBe(201);

    const again = await api.call(
      'POST',
      '/api/privacy-notices',
      { cookie: admin },
      { version: '2026-12', url: 'https://x.example/' },
    );
    expect(again.status).toBe(409);
    for (const bad of [
      { version: 'v1' },
      { version: 'v1', url: 'http://plain.example/', body: 'both' },
      { version: '<b>', url: 'https://a.example/' },
    ]) {
      expect((await api.call('POST', '/api/privacy-notices', { cookie: admin }, bad)).status).toBe(400);
    }
    expect(
      (await api.call('POST', '/api/privacy-notices', { cookie: officer }, { version: 'x', url: 'https://a.example/' }))
        .status,
    ).toBe(403);

    const list = await api.call<{ notices: PrivacyNotice[] }>('GET', '/api/privacy-notices', { cookie: officer });
    expect(list.body.notices.map((n) => [n.version, n.current])).toEqual([
      ['2027-01', false],
      ['2026-12', true],
    ]);
    const config = (await (await fetch(`${t.url}/api/widget/demo/config`)).json()) as WidgetConfig;
    expect(config.consent?.privacyNoticeUrl).toBe(`${t.url}/privacy-notice/2026-12`);
    const page = await fetch(config.consent!.privacyNoticeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('We keep chats for one month.');
    expect((await fetch(`${t.url}/privacy-notice/nope`)).status).toBe(404);
  });

  it('records each consent with its wording, method and notice; the resident withdraws one from the emailed link', async () => {
    const chat = await t.startChat({ name: 'Cora Consent', email: 'cora@example.com' });
    const { cookie } = await t.signUpStaff();
    const agent = await t.agentSocket(cookie);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const visitor = await t.visitorSocket(chat.visitorToken);
    const said = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Yes, I agree' });
    const seq = said.ok ? said.message.seq : 0;
    expect(await agent.emitWithAck('consent:mark', { conversationId: chat.conversationId, seq })).toMatchObject({
      ok: true,
    });
    await agent.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Bins' });
    expect((await visitorPost(t, chat.visitorToken, 'opt-ins', { optIns: ['service-updates'] })).status).toBe(204);
    agent.close();
    visitor.close();

    const row = await t.app.db
      .selectFrom('conversations')
      .select(['privacy_notice_id', 'lawful_bases', 'opt_ins'])
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(row.privacy_notice_id).not.toBeNull();
    expect(row.lawful_bases).toMatchObject({ enquiries: 'public-task', 'service-updates': 'consent' });
    expect(row.opt_ins).toEqual(['service-updates']);

    const proof = await proofFor(chat.caseReference);
    expect(proof.map((c) => [c.method, c.purpose, c.noticeVersion])).toEqual([
      ['pre-chat-form', 'enquiries', '2026-12'],
      ['typed-statement', 'enquiries', '2026-12'],
      ['post-chat-form', 'service-updates', '2026-12'],
    ]);
    expect(proof[0]?.wording).toContain('I have read how my information will be used');
    expect(proof[0]?.lawfulBasis).toBe('public-task');
    expect(proof[1]?.messageSeq).toBe(seq);
    expect(proof[2]).toMatchObject({ wording: 'Email me about changes to council services', lawfulBasis: 'consent' });
    expect(JSON.stringify(proof)).not.toContain('Cora');

    // Every email to the resident ends with their link.
    const mail = smtp.next();
    expect((await visitorPost(t, chat.visitorToken, 'transcript', { email: 'cora@example.com' })).status).toBe(202);
    const link = /https?:\/\/\S+\/privacy\/choices\/[A-Za-z0-9_-]{32}/.exec((await mail).text)?.[0];
    expect(link).toBeDefined();
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Email me about changes to council services');
    expect(html).not.toContain('Cora');

    const serviceUpdates = proof[2]!;
    const withdraw = (consentId: string, to = link!) =>
      fetch(to, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `consentId=${consentId}`,
      });
    const done = await withdraw(serviceUpdates.id);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(
      'You have withdrawn your consent to Email me about changes to council services',
    );
    expect((await withdraw(serviceUpdates.id)).status).toBe(409);

    const after = await proofFor(chat.caseReference);
    expect(after[2]).toMatchObject({ withdrawalMethod: 'resident-link' });
    expect(after[2]?.withdrawnAt).not.toBeNull();
    const optIns = await t.app.db
      .selectFrom('conversations')
      .select('opt_ins')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(optIns.opt_ins).toEqual([]);
    const audited = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_kind'])
      .where('record_type', '=', 'consent')
      .where('record_id', '=', serviceUpdates.id)
      .execute();
    expect(audited).toEqual([{ action: 'update', actor_kind: 'system' }]);

    // Someone else's consent through this link, a made-up link, and nonsense: refused, nothing changes.
    const other = await t.startChat({ name: 'Other Person' });
    const otherProof = await proofFor(other.caseReference);
    expect((await withdraw(otherProof[0]!.id)).status).toBe(404);
    expect((await withdraw('not-a-uuid')).status).toBe(400);
    expect((await fetch(`${t.url}/privacy/choices/${'A'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${t.url}/privacy/choices/short`)).status).toBe(404);
    expect((await proofFor(other.caseReference))[0]?.withdrawnAt).toBeNull();
  });

  it('lets a privacy officer withdraw on a resident’s behalf and export the proof for a purpose as CSV', async () => {
    const chat = await t.startChat({ name: 'Phone Person' });
    const [consent] = await proofFor(chat.caseReference);
    const withdrawn = await api.call<{ consent: ConsentProof }>(
      'POST',
      `/api/consents/${consent!.id}/withdraw`,
      { cookie: officer },
      {},
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consent.withdrawalMethod).toBe('staff');
    expect((await api.call('POST', `/api/consents/${consent!.id}/withdraw`, { cookie: officer }, {})).status).toBe(409);

    const csv = await fetch(`${t.url}/api/consents.csv?purpose=enquiries`, { headers: { cookie: officer } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe(
      'id,caseReference,purpose,lawfulBasis,method,wording,messageSeq,noticeVersion,givenAt,withdrawnAt,withdrawalMethod',
    );
    expect(text).toContain(chat.caseReference);
    expect(text).not.toContain('Phone Person');
    for (const query of [
      '',
      '?purpose=enquiries&caseReference=4K7M-9P2X',
      '?caseReference=nonsense',
      '?format=xml&purpose=x',
    ]) {
      expect((await api.call('GET', `/api/consents${query}`, { cookie: officer })).status).toBe(400);
    }
    expect(
      (
        await api.call('GET', `/api/consents?caseReference=${caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7])}`, {
          cookie: officer,
        })
      ).status,
    ).toBe(404);
  });
  it('lets a privacy-choices link lapse after a year, and the hourly run delete it', async () => {
    const chat = await t.startChat({ name: 'Old Link' });
    const subject = await t.app.db
      .selectFrom('conversations')
      .select('data_subject_id')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    const organisationId = t.app.ctx.organisation.id;
    const link = await newPrivacyChoicesLink(t.app.db, t.url, organisationId, subject.data_subject_id);
    expect((await fetch(link)).status).toBe(200);
    const thirteenMonthsAgo = new Date(Date.now() - 395 * 86_400_000);
    await sql`UPDATE consent_links SET created_at = ${thirteenMonthsAgo}
      WHERE data_subject_id = ${subject.data_subject_id}`.execute(t.app.db);
    expect((await fetch(link)).status).toBe(404);
    expect(await expirePrivacyChoicesLinks(t.app.db, new Date())).toBeGreaterThanOrEqual(1);
    const left = await t.app.db
      .selectFrom('consent_links')
      .select('token_hash')
      .where('data_subject_id', '=', subject.data_subject_id)
      .execute();
    expect(left).toEqual([]);
  });
});

describe('consent asked for in the chat, where the council has no pre-chat checkbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ward-consent-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: { topics: [{ id: 'bins', label: 'Bins and recycling', department: 'waste' }] },
      }),
    );
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
  });
  afterAll(() => t?.close());

  it('shows the resident a checkbox when the adviser asks, and records the consent they give', async () => {
    const chat = await t.startChat({ name: 'Dee Dialogue', consent: undefined });
    const { cookie } = await t.signUpStaff();
    const agent = await t.agentSocket(cookie);
    const visitor = await t.visitorSocket(chat.visitorToken);
    const give = () => visitorPost(t, chat.visitorToken, 'consent', {});
    expect((await give()).status).toBe(409);
    expect(await agent.emitWithAck('consent:ask', { conversationId: chat.conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });

    const asked = new Promise<VisitorConversation>((resolve) =>
      visitor.on('conversation', (c) => c.consentRequest && resolve(c)),
    );
    expect(await agent.emitWithAck('consent:ask', { conversationId: chat.conversationId })).toEqual({ ok: true });
    expect((await asked).consentRequest?.summary).toMatch(/answer your enquiry/);

    const answered = new Promise<VisitorConversation>((resolve) =>
      visitor.on('conversation', (c) => c.consentRequest === null && resolve(c)),
    );
    expect((await give()).status).toBe(204);
    await answered;
    expect((await give()).status).toBe(409);
    expect(await agent.emitWithAck('consent:ask', { conversationId: chat.conversationId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    agent.close();
    visitor.close();

    const admin = (await caseClient(t).staff('privacy_officer')).cookie;
    const proof = await caseClient(t).call<{ consents: ConsentProof[] }>(
      'GET',
      `/api/consents?caseReference=${chat.caseReference}`,
      { cookie: admin },
    );
    expect(proof.body.consents).toMatchObject([
      { method: 'dialogue', purpose: 'enquiries', lawfulBasis: 'public-task', noticeVersion: null },
    ]);
    expect(proof.body.consents[0]?.wording).toContain('I agree to you using my information in this way');
  });
});
