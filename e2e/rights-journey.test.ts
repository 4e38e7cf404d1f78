import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { dumpDatabase } from '../packages/server/test/support/dump-database.ts';
import { loadSubjectKeys } from '../packages/server/src/features/crypto/subject-keys.ts';
import { outboxDirIn } from '../packages/server/src/features/mail/mailer.ts';
import { freePort } from '../packages/server/src/shared/free-port.ts';
import { launchBrowser } from './support/browser.ts';
import { typeInto, tabToButtonAndPress } from './support/cases.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

/** Letters only, fresh each run: finding one of the resident's values anywhere means it was left behind. */
const tag = Array.from({ length: 8 }, () => 'bcdfghjkmnpqrstvwxz'[randomInt(19)]).join('');
const canaries = {
  name: `Journeycanary ${tag}`,
  email: `journey.canary.${tag}@example.com`,
  firstChat: `journey-canary-first-chat-${tag}`,
  secondChat: `journey-canary-second-chat-${tag}`,
  form: `journey-canary-form-${tag}`,
  emailSubject: `Journey canary subject ${tag}`,
  emailBody: `journey-canary-email-${tag}`,
};
const found = (text: string) =>
  Object.entries(canaries)
    .filter(([, value]) => text.toLowerCase().includes(value.toLowerCase()))
    .map(([what]) => what);
/** Every bytea value in a dump, decoded, beside the dump itself: plaintext in a bytea column shows too. */
const withBytesDecoded = (dump: string) =>
  `${dump}\n${[...dump.matchAll(/\\\\?x([0-9a-f]{2,})/gi)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join('\n')}`;

/** Logs a request in the console as the resident would have asked, and opens it. */
async function logRequest(
  page: Page,
  url: string,
  type: 'Access (subject access request)' | 'Erasure (delete their data)',
) {
  await page.goto(`${url}/console/requests`);
  await page.getByRole('button', { name: 'Log a request' }).click();
  await page.getByRole('heading', { name: 'Log a request', level: 1 }).waitFor();
  await page.getByRole('radio', { name: type }).check();
  const date = page.getByRole('group', { name: 'When was the request received?' });
  await date.getByLabel('Day').fill('2');
  await date.getByLabel('Month').fill('3');
  await date.getByLabel('Year').fill('2026');
  await page.getByRole('radio', { name: 'Email', exact: true }).check();
  await page.getByLabel('Full name').fill(canaries.name);
  await page.getByLabel('How to contact them').fill(canaries.email);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Log request' }).click();
  await page.getByRole('heading', { name: "Find the resident's data", level: 2 }).waitFor();
  await listenToLiveRegions(page);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Searches by the resident's email address and confirms, by keyboard, everything found as theirs. */
async function findAndConfirm(page: Page): Promise<string[]> {
  await typeInto(page, 'Email address', canaries.email);
  await tabToButtonAndPress(page, 'Search');
  const heard = await expectAnnounced(page, 'Found');
  expect(heard.text).not.toContain('Found 0 customer records and 0 contacts');
  const confirmed: string[] = [];
  const buttons = page.getByRole('region', { name: "Find the resident's data" }).getByRole('button', {
    name: /^Confirm /,
  });
  for (let i = 0; i < 10 && (await buttons.count()) > 0; i++) {
    const left = await buttons.count();
    const button = buttons.first();
    const label = ((await button.textContent()) ?? '').replace(/^Confirm\s*/, '').trim();
    await button.focus();
    await page.keyboard.press('Enter');
    await expectAnnounced(page, `Confirmed ${label} as the resident's`);
    await expect.poll(() => buttons.count()).toBeLessThan(left);
    confirmed.push(label);
  }
  await expectNoAxeViolations(page);
  return confirmed;
}

describe("a resident's rights, end to end (issue 9)", () => {
  let t: TestApp;
  let browser: Browser;
  let smtpPort: number;
  beforeAll(async () => {
    smtpPort = await freePort();
    t = await startTestApp({
      env: { WARD_MAIL_INTAKE_PORT: String(smtpPort), WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'chats twice, fills in a form and emails; the officer exports it all, then erases it all, and nothing of the resident is left',
    { timeout: 300_000 },
    async () => {
      // The resident: two chats through the widget's API, a form, an email through the council's relay.
      const chats: string[] = [];
      for (const message of [canaries.firstChat, canaries.secondChat]) {
        const chat = await t.startChat({ name: canaries.name, email: canaries.email, topic: 'council-tax' });
        chats.push(chat.caseReference);
        const visitor = await t.visitorSocket(chat.visitorToken);
        expect(
          await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: message }),
        ).toMatchObject({ ok: true });
        await visitor.emitWithAck('conversation:end', {});
        visitor.disconnect();
      }
      const form = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { name: canaries.name, email: canaries.email, message: canaries.form },
          consent: true,
        }),
      });
      expect(form.status, await form.clone().text()).toBe(201);
      const relayed = await nodemailer
        .createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
        .sendMail({
          from: `"${canaries.name}" <${canaries.email}>`,
          to: 'contact@council.example',
          subject: canaries.emailSubject,
          text: canaries.emailBody,
          messageId: `<${randomUUID()}@example.net>`,
        });
      expect(relayed.accepted).toEqual(['contact@council.example']);

      // An access request: the officer finds the resident, confirms what is theirs, builds and downloads the pack.
      const officer = await t.signUpStaff({ role: 'privacy_officer', firstName: 'Jo', lastName: 'Journey' });
      const page = await agentSignsIn(browser, t.url, officer.email, password, 'Conversations');
      const accessRequest = await logRequest(page, t.url, 'Access (subject access request)');
      const confirmedForAccess = await findAndConfirm(page);
      expect(confirmedForAccess.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Build the export pack' }).click();
      await expectAnnounced(page, 'Export pack built');
      const link = page.getByRole('link', { name: /Download the export pack \(ZIP/ });
      await link.waitFor();
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const html = strFromU8(files['report.html']!);
      for (const value of [canaries.firstChat, canaries.secondChat, canaries.form, canaries.emailBody])
        expect(html).toContain(value);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-journey-'));
      try {
        const file = path.join(dir, 'report.html');
        await writeFile(file, html);
        const report = await page.context().newPage();
        await report.goto(`file://${file}`);
        await report.getByRole('heading', { name: /Your information held by/, level: 1 }).waitFor();
        await expectNoAxeViolations(report);
        await report.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      // An erasure request from the same resident: the same items confirmed, everything erased.
      await logRequest(page, t.url, 'Erasure (delete their data)');
      expect(await findAndConfirm(page)).toEqual(confirmedForAccess);
      const section = page.getByRole('region', { name: 'Erase the resident’s data' });
      await section.getByRole('region', { name: 'Preview' }).getByText('Nothing is kept.').waitFor();
      await page.getByLabel('Reason for the erasure').fill('Erasure upheld after identity check');
      await section.getByRole('button', { name: 'Erase the resident’s data' }).click();
      await page.getByRole('button', { name: 'Yes, erase it' }).click();
      await expectAnnounced(page, 'Erased');
      const done = page.getByRole('region', { name: 'The resident’s data was erased' });
      for (const line of ['2 chats', '1 form', '1 email']) await done.getByText(line, { exact: true }).waitFor();
      await done.getByText('Nothing is kept.').waitFor();
      await expectNoAxeViolations(page);
      await page.context().close();

      // The canary scan: no value of the resident in any table, the server's log or the outbox.
      // The pack built for the access request held copies of it all: it goes too.
      const packs = await t.app.db
        .selectFrom('rights_export_packs')
        .select('content')
        .where('request_id', '=', accessRequest)
        .execute();
      expect(packs.map((p) => p.content)).toEqual([null]);
      const dump = await dumpDatabase(t.databaseUrl);
      for (const reference of chats) expect(dump.text).toContain(reference);
      const subjects = (
        await t.app.db.selectFrom('cases').select('data_subject_id').where('case_reference', 'in', chats).execute()
      ).map((row) => row.data_subject_id);
      expect([...(await loadSubjectKeys(t.app.db, t.app.ctx.keyring, subjects)).values()]).toEqual([null, null]);
      expect(found(withBytesDecoded(dump.text))).toEqual([]);
      expect(found(await readFile(t.logFile, 'utf8'))).toEqual([]);
      const outbox = path.join(outboxDirIn(t.config.dataDir), t.app.ctx.organisation.id);
      const mail = await readdir(outbox).catch(() => [] as string[]);
      const sent = await Promise.all(mail.map((f) => readFile(path.join(outbox, f), 'utf8')));
      expect(found(sent.join('\n'))).toEqual([]);
    },
  );
});
