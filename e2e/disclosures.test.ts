import { describe, expect, it } from 'vitest';
import type { IntakeResponse } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

const todayInWords = () =>
  new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

describe('disclosures to third parties and the record of processing in the console (ADR 30)', () => {
  const ward = useWardAndBrowser();

  it(
    'an agent records a disclosure on a case, fixing the form first; the privacy officer sees its recipient in the record of processing',
    { timeout: 120_000 },
    async () => {
      const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const logged = await fetch(`${ward.t.url}/api/intake/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: agent.cookie },
        body: JSON.stringify({
          channel: 'phone',
          summary: 'Neighbour dispute',
          departmentId: 'customer-services',
          name: 'Bob Resident',
        }),
      });
      expect(logged.status).toBe(201);
      const { caseReference } = (await logged.json()) as IntakeResponse;

      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);
      expect(
        await page
          .getByRole('navigation', { name: 'Primary navigation' })
          .getByRole('link', { name: 'Record of processing' })
          .count(),
      ).toBe(0);
      await page.goto(`${ward.t.url}/console/cases/${caseReference}`);
      await page.getByRole('heading', { name: 'Disclosures to third parties', level: 2 }).waitFor();
      await page.getByText('Nothing from this case has been shared with another organisation.').waitFor();
      // After the page load: the listener lives in the document.
      await listenToLiveRegions(page);
      await expectNoAxeViolations(page);

      // Nothing filled in: the form's error summary lists what is missing and takes focus.
      await page.getByRole('button', { name: 'Record disclosure' }).focus();
      await page.keyboard.press('Enter');
      const summary = page.locator('.govuk-error-summary');
      await summary.getByRole('link', { name: 'Enter the organisation it was shared with' }).waitFor();
      await summary.getByRole('link', { name: 'Select the lawful basis for sharing' }).waitFor();
      await summary.getByRole('link', { name: 'Enter what was shared' }).waitFor();
      await summary.getByRole('link', { name: 'Enter why it was shared' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      // The summary's link takes the keyboard to the field.
      await summary.getByRole('link', { name: 'Enter the organisation it was shared with' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('disclosure-recipient');
      await page.keyboard.type('Northshire Police');
      await page.getByLabel('Contact at the organisation (optional)').fill('Safeguarding team');
      await page.getByRole('radio', { name: 'Legal obligation' }).check();
      await page.getByLabel('What was shared').fill('Name and address');
      await page.getByLabel('Why it was shared').fill('A request under the Crime and Disorder Act');
      await page.getByRole('button', { name: 'Record disclosure' }).click();

      await expectAnnounced(page, 'Disclosure to Northshire Police recorded');
      const when = todayInWords();
      await page.getByRole('heading', { name: `Northshire Police on ${when}`, level: 3 }).waitFor();
      await page
        .getByRole('table', { name: /What has happened on case/ })
        .getByText(`Shared with Northshire Police on ${when} (Legal obligation)`)
        .waitFor();
      expect(await summary.count()).toBe(0);
      await expect.poll(() => page.title()).not.toMatch(/^Error: /);
      await expect.poll(() => page.getByLabel('What was shared').inputValue()).toBe('');
      await expectNoAxeViolations(page);
      await page.context().close();

      const officer = await ward.t.signUpStaff({ role: 'privacy_officer', firstName: 'Dee', lastName: 'Pio' });
      const privacy = await agentSignsIn(ward.browser, ward.t.url, officer.email, password, 'Conversations');
      await privacy
        .getByRole('navigation', { name: 'Primary navigation' })
        .getByRole('link', { name: 'Record of processing' })
        .click();
      await privacy.getByRole('heading', { name: 'Record of processing', level: 1 }).waitFor();
      const recipients = privacy.getByRole('table', { name: 'Recipients' });
      await recipients.getByRole('row', { name: /Northshire Police\s+Third party/ }).waitFor();
      await privacy
        .getByRole('table', { name: 'Personal data and how long it is kept' })
        .getByText('1 month after the chat ended, then deleted')
        .first()
        .waitFor();
      await expectNoAxeViolations(privacy);
      await privacy.context().close();
    },
  );
});
