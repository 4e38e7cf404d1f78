import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort } from '../packages/server/src/shared/free-port.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import {
  anHourAgoInTheUk,
  checkRadioWithKeyboard,
  chooseWithKeyboard,
  summaryValue,
  tabToButtonAndPress,
  typeInto,
} from './support/cases.ts';

const intakePort = await freePort();
const password = 'correct horse battery staple';
const referenceIn = (text: string | null) => /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text ?? '')?.[1] ?? '';

describe('cases in the console: logged contacts, social-media transfers, emails and API keys', () => {
  const ward = useWardAndBrowser({
    env: { WARD_MAIL_INTAKE_PORT: String(intakePort), WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' },
  });

  async function newCaseReference(page: Page, title: string): Promise<string> {
    const panel = page.locator('.govuk-panel--confirmation');
    await panel.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectFocus(page, { tag: 'h1', name: title }, 'the confirmation heading');
    await expectNoAxeViolations(page);
    return referenceIn(await panel.locator('strong').textContent());
  }

  it(
    'an agent logs a phone call and a social-media request, then works the case, keyboard only',
    { timeout: 180_000 },
    async () => {
      const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);
      await listenToLiveRegions(page);

      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
      await page.getByText('You do not own any open cases.').waitFor();
      await expectNoAxeViolations(page);

      // A phone call: nothing chosen first, so the error summary lists what is missing.
      await page.getByRole('link', { name: 'Log a phone call or visit' }).click();
      await page.getByRole('heading', { name: 'Log a phone call or visit', level: 1 }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Log contact' }).focus();
      await page.keyboard.press('Enter');
      const errors = page.locator('.govuk-error-summary');
      await errors.getByRole('link', { name: 'Select how the resident contacted the council' }).waitFor();
      await errors.getByRole('link', { name: 'Select the department that should deal with it' }).waitFor();
      await errors.getByRole('link', { name: 'Enter a summary of the contact' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      await checkRadioWithKeyboard(page, 'Telephone');
      await chooseWithKeyboard(page, 'Which department should deal with it?', 'Waste and recycling');
      await typeInto(
        page,
        'Summary of the contact',
        'Missed bin collection on Elm Road; told her the crew will return tomorrow.',
      );
      await typeInto(page, 'Full name (optional)', 'Ann Phone-Resident');
      await typeInto(page, 'Phone number (optional)', '07700 900982');
      await tabToButtonAndPress(page, 'Log contact');
      const phoneReference = await newCaseReference(page, 'Contact logged');
      expect(phoneReference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // A request received on Facebook an hour ago.
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await page.getByRole('link', { name: 'Transfer a social-media request' }).click();
      await page.getByRole('heading', { name: 'Transfer a social-media request', level: 1 }).waitFor();
      await expectNoAxeViolations(page);
      const when = anHourAgoInTheUk();
      await chooseWithKeyboard(page, 'Platform', 'Facebook');
      await typeInto(page, 'The resident’s handle or profile name', '@ann.resident');
      await typeInto(page, 'The request', 'The street light outside 4 Elm Road has been out for a week.');
      await typeInto(page, 'Day', when.day);
      await typeInto(page, 'Month', when.month);
      await typeInto(page, 'Year', when.year);
      await typeInto(page, 'Time', when.time);
      await chooseWithKeyboard(page, 'Which department should deal with it?', 'Highways and street lighting');
      await tabToButtonAndPress(page, 'Transfer request');
      const socialReference = await newCaseReference(page, 'Request transferred');

      // The case page.
      await page.getByRole('link', { name: `Go to case ${socialReference}` }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: socialReference, level: 1 }).waitFor();
      await summaryValue(page, 'Channel').getByText('Social media (Facebook)').waitFor();
      await summaryValue(page, 'Department').getByText('Highways and street lighting').waitFor();
      await summaryValue(page, 'Owner').getByText('Sam Okafor').waitFor();
      await page
        .getByRole('region', { name: 'The request' })
        .getByText('The street light outside 4 Elm Road has been out for a week.')
        .waitFor();
      await expect(
        summaryValue(page, 'Customer record')
          .getByRole('link', { name: /View the resident’s record/ })
          .getAttribute('href'),
      ).resolves.toMatch(/^\/console\/records\/[0-9a-f-]{36}$/);
      await expectNoAxeViolations(page);

      // Status.
      await checkRadioWithKeyboard(page, 'Awaiting council');
      await tabToButtonAndPress(page, 'Change status');
      await expectAnnounced(page, 'Status changed to awaiting council');
      await summaryValue(page, 'Status').getByText('Awaiting council').waitFor();
      const history = page.getByRole('region', { name: 'Case history' });
      await history.getByText('Status changed from open to awaiting council').waitFor();

      // A note, with its author.
      await typeInto(page, 'Add a note', 'Reported to the street lighting contractor, job 5521.');
      await tabToButtonAndPress(page, 'Add note');
      await expectAnnounced(page, 'Note added');
      const notes = page.getByRole('region', { name: 'Notes' });
      await notes.getByText('Reported to the street lighting contractor, job 5521.').waitFor();
      await notes.getByText('Sam Okafor').waitFor();

      // Link the phone call's case (typed loosely), then transfer to Housing.
      await typeInto(page, 'Link a related case', phoneReference.toLowerCase().replace('-', ' '));
      await tabToButtonAndPress(page, 'Link case');
      await expectAnnounced(page, `Case ${phoneReference} linked`);
      const related = page.getByRole('region', { name: 'Related cases' });
      await related.getByRole('link', { name: phoneReference }).waitFor();
      await history.getByText(`Linked to case ${phoneReference}`).waitFor();

      await chooseWithKeyboard(page, 'Department', 'Housing');
      await tabToButtonAndPress(page, 'Transfer case');
      await expectAnnounced(page, 'Case transferred to Housing');
      await summaryValue(page, 'Department').getByText('Housing', { exact: true }).waitFor();
      await history.getByText('Transferred from Highways and street lighting to Housing').waitFor();
      await expectNoAxeViolations(page);

      // Close and reopen.
      await checkRadioWithKeyboard(page, 'Closed');
      await tabToButtonAndPress(page, 'Change status');
      await page.getByRole('button', { name: 'Reopen case' }).waitFor();
      await checkRadioWithKeyboard(page, 'Open');
      await tabToButtonAndPress(page, 'Reopen case');
      await history.getByText('Reopened: status changed from closed to open').waitFor();

      // The linked case shows the link from its side; a case reference typed in "Find a case" lands on it.
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await page
        .getByRole('region', { name: 'List of my open cases' })
        .getByRole('link', { name: phoneReference })
        .waitFor();
      await typeInto(page, 'Case reference', phoneReference.toLowerCase());
      await tabToButtonAndPress(page, 'Find case');
      await page.getByRole('heading', { name: phoneReference, level: 1 }).waitFor();
      await summaryValue(page, 'Channel').getByText('Telephone').waitFor();
      await page
        .getByRole('region', { name: 'Summary' })
        .locator('p', { hasText: 'Missed bin collection on Elm Road' })
        .waitFor();
      const back = page.getByRole('region', { name: 'Related cases' });
      await back.getByRole('link', { name: socialReference }).waitFor();
      await expectNoAxeViolations(page);

      // Unlinking from this side removes the link from both.
      await page.getByRole('button', { name: `Unlink case ${socialReference}` }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, `Case ${socialReference} is no longer linked`);
      await back.getByText('No other cases are linked to this one.').waitFor();
      await page.context().close();
    },
  );

  it(
    'an email case shows its thread as text, its attachment as a download, and takes a reply',
    { timeout: 120_000 },
    async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Title (bill) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await nodemailer
        .createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true })
        .sendMail({
          from: 'Ann Email <ann.email@example.net>',
          to: 'contact@council.example',
          subject: 'My council tax bill',
          text: 'Please see my bill attached.\nThe amount looks wrong.',
          html: '<p>Please see my bill attached.</p><script>document.title = "owned"</script><img src="https://tracker.example/x.png">',
          messageId: `<${randomUUID()}@example.net>`,
          attachments: [{ filename: 'bill.pdf', content: pdf, contentType: 'application/pdf' }],
        });
      const row = await ward.t.app.db
        .selectFrom('cases')
        .select('case_reference')
        .where('channel', '=', 'email')
        .executeTakeFirstOrThrow();

      const agent = await ward.t.signUpStaff({ firstName: 'Priya', lastName: 'Shah' });
      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);
      await page.goto(`${ward.t.url}/console/cases/${row.case_reference}`);
      await page.getByRole('heading', { name: row.case_reference, level: 1 }).waitFor();
      await listenToLiveRegions(page);
      const thread = page.getByRole('region', { name: 'Emails' });
      const inbound = thread.getByRole('article', { name: /From .*ann\.email@example\.net/ });
      await inbound.getByText('My council tax bill').waitFor();
      await inbound.getByText('The amount looks wrong.').waitFor();
      expect(await page.locator('img[src*="tracker"]').count()).toBe(0);
      expect(await page.title()).not.toBe('owned');
      await expectNoAxeViolations(page);

      // The attachment downloads (the server sends it as an attachment, never inline).
      const link = inbound.getByRole('link', { name: 'Download bill.pdf' });
      await link.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('bill.pdf');

      // A reply: empty first, then written.
      await page.getByRole('button', { name: 'Send reply' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('.govuk-error-summary').getByRole('link', { name: 'Write your reply' }).waitFor();
      await expectNoAxeViolations(page);
      await typeInto(page, 'Your reply', 'Thank you. We have checked your bill and will send a corrected one.');
      await tabToButtonAndPress(page, 'Send reply');
      await expectAnnounced(page, 'Reply');
      const reply = thread.getByRole('article', { name: /Reply from Priya Shah to .*ann\.email@example\.net/ });
      await reply.getByText('We have checked your bill').waitFor();
      await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );

  it('an administrator creates an API key, sees its token once, and revokes it', { timeout: 120_000 }, async () => {
    const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Ade', lastName: 'Admin' });
    const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, password);
    await listenToLiveRegions(page);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('There are no API keys yet.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Create API key' }).focus();
    await page.keyboard.press('Enter');
    const errors = page.locator('.govuk-error-summary');
    await errors.getByRole('link', { name: 'Enter a name for the key' }).waitFor();
    await errors.getByRole('link', { name: 'Select what the key may do' }).click();
    await expectFocus(page, { id: 'api-key-scopes' }, 'the first scope checkbox');
    await page.keyboard.press('Space');
    await typeInto(page, 'Name', 'Social media inbox');
    await page.getByRole('radio', { name: '90 days' }).check();
    await tabToButtonAndPress(page, 'Create API key');
    await page.getByRole('alert').filter({ hasText: 'API key “Social media inbox” created' }).waitFor();
    const token = await page.getByLabel('The API key').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await page.getByRole('region', { name: 'API keys' }).getByText('Active').waitFor();
    await page
      .getByRole('region', { name: 'API keys' })
      .getByText(/^Until /)
      .waitFor();
    await expectNoAxeViolations(page);

    const transfer = () =>
      fetch(`${ward.t.url}/api/intake/social-media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          platform: 'x',
          handle: '@someone',
          request: 'Pothole on Mill Lane',
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          departmentId: 'highways',
        }),
      });
    expect((await transfer()).status).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    // Its use shows in the list: "Last used" has a time, no longer "Not yet".
    await page.getByRole('region', { name: 'API keys' }).getByText('Active').waitFor();
    expect(await page.getByRole('region', { name: 'API keys' }).getByText('Not yet').count()).toBe(0);
    await listenToLiveRegions(page);

    await page.getByRole('button', { name: 'Revoke the key “Social media inbox”' }).focus();
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'confirm-revoke-heading' }, 'the confirmation question');
    await expectNoAxeViolations(page);
    await tabToButtonAndPress(page, 'Yes, revoke key');
    await expectAnnounced(page, 'The key “Social media inbox” has been revoked');
    await page
      .getByRole('region', { name: 'API keys' })
      .getByText(/^Revoked/)
      .waitFor();
    expect((await transfer()).status).toBe(401);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
