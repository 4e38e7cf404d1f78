import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationWithMessages, RecordOfProcessing, StartConversationResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { dumpDatabase } from './support/dump-database.ts';
import { exportCaseSubject } from '../src/features/rights/export-case-subject.ts';
import { eraseCaseResident } from '../src/features/rights/erase-case-resident.ts';
import { outboxDirIn } from '../src/features/mail/mailer.ts';

// Addresses whose entries in the DB-IP City Lite database shipped with Ward were checked: Cardiff
// University's network, and an IPv6 network in Cambridge.
const cardiff = { address: '131.251.0.1', location: { country: 'United Kingdom', region: 'Wales', town: 'Cardiff' } };
const cambridge = {
  address: '2a00:1098:0:80:1000::12',
  location: { country: 'United Kingdom', region: 'England', town: 'Cambridge' },
};
const unknown = { country: null, region: null, town: null };

async function chatFrom(t: TestApp, address: string): Promise<StartConversationResponse> {
  const started = await fetch(`${t.url}/api/widget/demo/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ name: 'Ceri Resident', topic: 'housing', consent: true }),
  });
  expect(started.ok).toBe(true);
  return (await started.json()) as StartConversationResponse;
}

async function asStaffSees(t: TestApp, cookie: string, caseReference: string) {
  const found = await fetch(`${t.url}/api/conversations/by-reference/${caseReference}`, { headers: { cookie } });
  expect(found.status).toBe(200);
  return ((await found.json()) as ConversationWithMessages).conversation;
}

/** What the record of processing says Ward captures automatically, as a privacy officer reads it. */
async function automaticInformationListed(t: TestApp): Promise<string | undefined> {
  const { cookie } = await t.signUpStaff({ role: 'privacy_officer' });
  const ropa = await fetch(`${t.url}/api/ropa`, { headers: { cookie } });
  expect(ropa.status).toBe(200);
  const record = (await ropa.json()) as RecordOfProcessing;
  return record.categories.find((c) => c.category === 'Automatic information')?.data;
}

describe('the approximate location of a resident, from their IP address (ADR 46)', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_TRUST_PROXY: 'true' } });
    cookie = (await t.signUpStaff()).cookie;
  });
  afterAll(() => t?.close());

  it('looks up the full address, keeps the town sealed, and shows it to staff', async () => {
    const chat = await chatFrom(t, cardiff.address);
    expect(await asStaffSees(t, cookie, chat.caseReference)).toMatchObject({
      ipAddress: '131.251.0.0',
      location: cardiff.location,
    });
    const ipv6 = await chatFrom(t, cambridge.address);
    expect((await asStaffSees(t, cookie, ipv6.caseReference)).location).toEqual(cambridge.location);

    const stored = await t.ownerDb
      .selectFrom('conversations')
      .select('location')
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(stored.location).toBeInstanceOf(Buffer);
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain(chat.caseReference);
    for (const town of ['Cardiff', 'Cambridge'])
      expect(dump.text.toLowerCase().includes(town.toLowerCase()), `${town} found in the ${dump.how} dump`).toBe(false);
  });

  it('is listed in the record of processing', async () => {
    expect(await automaticInformationListed(t)).toContain(
      'approximate location from the IP address (town, region and country, never more precise)',
    );
  });

  it('is unknown for a loopback or private address, which no database can place', async () => {
    for (const address of ['127.0.0.1', '10.20.30.40', '::1']) {
      const chat = await chatFrom(t, address);
      expect((await asStaffSees(t, cookie, chat.caseReference)).location, address).toEqual(unknown);
    }
  });

  it('is in the resident’s export pack, and erasure removes it', { timeout: 60_000 }, async () => {
    const chat = await chatFrom(t, cardiff.address);
    const pack = await exportCaseSubject(t.app.ctx, chat.caseReference);
    const exported = pack?.data.conversations.find((c) => c.caseReference === chat.caseReference);
    expect(exported?.automaticInformation.location).toEqual(cardiff.location);

    // A chat still going on cannot be erased: the agent ends it first.
    const agent = await t.agentSocket(cookie);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    await agent.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Housing advice' });
    const deps = { outboxDir: outboxDirIn(t.config.dataDir), ledgerDir: t.config.erasureLedgerDir };
    const erased = await eraseCaseResident(t.app.ctx, deps, chat.caseReference, 'Erasure upheld', { confirmed: true });
    expect(erased.confirmed).toBe(true);
    const row = await t.ownerDb
      .selectFrom('conversations')
      .select(['location', 'ip_address'])
      .where('id', '=', chat.conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ location: null, ip_address: null });
  });
});

describe('the approximate location switched off (WARD_LOCATION=off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_TRUST_PROXY: 'true', WARD_LOCATION: 'off' } });
  });
  afterAll(() => t?.close());

  it('is not collected, and the record of processing does not list it', async () => {
    const { cookie } = await t.signUpStaff();
    const chat = await chatFrom(t, cardiff.address);
    expect((await asStaffSees(t, cookie, chat.caseReference)).location).toBeNull();
    expect(await automaticInformationListed(t)).not.toContain('location');
  });
});
