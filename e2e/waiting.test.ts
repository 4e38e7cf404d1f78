import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { startSmtpSink } from '../packages/server/test/support/smtp-sink.ts';
import { launchBrowser } from './support/browser.ts';
import {
  agentSignsIn,
  expectNoAxeViolations,
  residentStartsChat,
  widgetFrame,
  type Resident,
} from './support/pages.ts';

/** What the resident reads under the waiting message. */
const place = (resident: Resident, position: number) =>
  resident.chat.locator('.ward-dialogue__status').getByText(`You are number ${position} in the queue.`).waitFor();
/** What their screen reader is told (the widget's polite live region). */
const announced = (resident: Resident, position: number) =>
  resident.chat
    .locator('[aria-live="polite"]')
    .getByText(`You are number ${position} in the queue.`)
    .waitFor({ state: 'attached' });

describe('what a resident sees while they wait (issue 11)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'the second of two waiting residents is number 2, then number 1 once the first is answered',
    { timeout: 120_000 },
    async () => {
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(browser, t.url, staff.email, 'correct horse battery staple');
      const ann = await residentStartsChat(browser, t.url, { name: 'Ann Resident', topic: 'Bins and recycling' });
      await place(ann, 1);
      const bob = await residentStartsChat(browser, t.url, { name: 'Bob Resident', topic: 'Bins and recycling' });
      await place(bob, 2);
      await announced(bob, 2);
      await expectNoAxeViolations(bob.page, widgetFrame);

      await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
      await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await place(bob, 1);
      await expectNoAxeViolations(bob.page, widgetFrame);
      await expectNoAxeViolations(agent);

      // Bob would rather not wait: his message goes to a page of its own, and his chat ends.
      const [form] = await Promise.all([
        bob.context.waitForEvent('page'),
        bob.chat.getByRole('button', { name: 'Leave a message instead (opens in new tab)' }).click(),
      ]);
      await form.getByRole('heading', { name: 'Leave a message' }).waitFor();
      expect(await form.getByLabel('Bins and recycling').isChecked()).toBe(true);
      const reference = await sendsMessage(form, 'Please call me back about my bin');
      await bob.chat.getByRole('heading', { name: 'Your chat has ended' }).waitFor();
      expect(reference).not.toBe(bob.caseReference);
      // It has left the queue the agent sees.
      await agent.getByRole('button', { name: `Accept chat ${bob.caseReference}` }).waitFor({ state: 'detached' });
    },
  );
});

/** The resident fills in "Leave a message" (checked with axe) and sends it: the case reference they get. */
async function sendsMessage(form: Page, text: string): Promise<string> {
  await form.getByRole('heading', { name: 'Leave a message' }).waitFor();
  await expectNoAxeViolations(form);
  await form.getByLabel('Your name').fill('Bob Resident');
  await form.getByLabel('Email address').fill('bob@example.com');
  await form.getByLabel('Your message').fill(text);
  // The council's privacy notice, when it asks for one (the demo does; the closed council does not).
  const consent = form.getByRole('checkbox');
  if ((await consent.count()) > 0) await consent.check();
  await form.getByRole('button', { name: 'Send' }).click();
  await form.getByRole('heading', { name: 'Message sent' }).waitFor();
  await expectNoAxeViolations(form);
  const reference = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await form.locator('.govuk-panel__body').textContent()) ?? '')?.[0];
  if (!reference) throw new Error('no case reference shown');
  return reference;
}

describe('leaving a message when a department is closed (issue 11)', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    // Waste and recycling closed for good; customer services as usual.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-closed-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: {
          topics: [
            { id: 'other', label: 'Something else', department: 'customer-services' },
            { id: 'bins', label: 'Bins and recycling', department: 'waste' },
          ],
          openingHours: {
            closures: [{ from: '2020-01-01', to: '2099-12-31', reason: 'Moved', departments: ['waste'] }],
          },
        },
      }),
    );
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file, SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it(
    'offers to leave a message instead, which gives the resident a case reference by page and email',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${t.url}/`);
      await page.getByRole('button', { name: /Chat with us/ }).click();
      const chat = page.frameLocator('iframe[title="Chat with the council"]');
      await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
      await chat.getByText('No advisers are available for this at the moment.').waitFor();
      await expectNoAxeViolations(page, widgetFrame);
      const [form] = await Promise.all([
        context.waitForEvent('page'),
        chat.getByRole('link', { name: 'Leave a message about Bins and recycling instead (opens in new tab)' }).click(),
      ]);
      await form.getByRole('heading', { name: 'Leave a message' }).waitFor();
      expect(await form.getByLabel('Bins and recycling').isChecked()).toBe(true);
      const mail = smtp.next();
      const reference = await sendsMessage(form, 'My green bin was not collected');
      await form.getByText('We have sent you a confirmation email with your case reference.').waitFor();
      const received = await mail;
      expect(received.to).toBe('bob@example.com');
      expect(received.subject + received.text).toContain(reference);
      await context.close();

      // An adviser of Waste and recycling finds it among the messages to answer, and replies by email.
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      await t.app.db
        .updateTable('staff')
        .set({ departments: ['waste'] })
        .where('email', '=', staff.email)
        .execute();
      const agent = await agentSignsIn(browser, t.url, staff.email, 'correct horse battery staple');
      await agent.getByRole('link', { name: 'Cases', exact: true }).click();
      const toAnswer = agent.getByRole('region', { name: 'List of messages to answer in Waste and recycling' });
      await toAnswer.getByRole('link', { name: reference }).click();
      await agent.getByRole('heading', { name: reference, level: 1 }).waitFor();
      await agent.getByText('My green bin was not collected').waitFor();
      await expectNoAxeViolations(agent);
      const reply = smtp.next();
      await agent.getByLabel('Your reply').fill('We will collect your bin tomorrow.');
      await agent.getByRole('button', { name: 'Send reply' }).click();
      const answered = await reply;
      expect(answered.to).toBe('bob@example.com');
      expect(answered.subject).toContain(`[${reference}]`);
      await agent.getByRole('link', { name: 'Cases', exact: true }).click();
      await agent.getByText('Waste and recycling has no messages to answer.').waitFor();
      await expectNoAxeViolations(agent);
    },
  );
});
