import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

async function typeDate(page: Page, group: string, day: string, month: string, year: string) {
  const date = page.getByRole('group', { name: group });
  await date.getByLabel('Day').fill(day);
  await date.getByLabel('Month').fill(month);
  await date.getByLabel('Year').fill(year);
}

describe("a privacy officer runs a resident's rights request in the console", () => {
  const ward = useWardAndBrowser();

  it(
    'logs a request, sees its due date, pauses and resumes it, extends it and closes it, axe clean',
    { timeout: 120_000 },
    async () => {
      const officer = await ward.t.signUpStaff({ role: 'privacy_officer', firstName: 'Dee', lastName: 'Pio' });
      const page = await agentSignsIn(ward.browser, ward.t.url, officer.email, password, 'Conversations');
      await listenToLiveRegions(page);

      await page
        .getByRole('navigation', { name: 'Primary navigation' })
        .getByRole('link', { name: 'Requests' })
        .click();
      await page.getByRole('heading', { name: 'Residents’ rights requests', level: 1 }).waitFor();
      await page.getByText('There are no requests to show.').waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Log a request' }).click();
      await page.getByRole('heading', { name: 'Log a request', level: 1 }).waitFor();
      await expectNoAxeViolations(page);

      // Nothing filled in: the error summary lists what is missing and takes focus.
      await page.getByRole('button', { name: 'Log request' }).click();
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: 'Select the type of request' }).waitFor();
      await summary.getByRole('link', { name: 'Enter the date received' }).waitFor();
      await expect.poll(() => page.title()).toBe('Error: Log a request – Ward');
      await expectNoAxeViolations(page);

      await page.getByRole('radio', { name: 'Access (subject access request)' }).check();
      await typeDate(page, 'When was the request received?', '2', '3', '2026');
      await page.getByRole('radio', { name: 'Email', exact: true }).check();
      await page.getByLabel('Full name').fill('Fiona Canarybird');
      await page.getByLabel('How to contact them').fill('fiona@example.com');
      await page.getByRole('button', { name: 'Log request' }).click();

      // One calendar month: Thursday 2 April 2026.
      await page.getByRole('heading', { name: 'Subject access request', level: 1 }).waitFor();
      await expectAnnounced(page, 'Request logged. It is due on 2 April 2026');
      const due = page.locator('.govuk-summary-list__row').filter({ hasText: 'Due date' });
      await due.getByText('2 April 2026').waitFor();
      await expectNoAxeViolations(page);

      // Waiting for identity from 10 March: the clock stops with 23 days left.
      await page.getByRole('radio', { name: 'Wait for proof of identity' }).check();
      await typeDate(page, 'On which day? (optional)', '10', '3', '2026');
      await page.getByRole('button', { name: 'Save' }).click();
      await expectAnnounced(page, 'Waiting for identity. Clock stopped: 23 days left');
      await due.getByText('The clock is stopped').waitFor();
      await expectNoAxeViolations(page);

      // Resumed on 20 March: 23 days from then is Sunday 12 April, so Monday 13 April.
      await page.getByRole('radio', { name: 'Resume: back in progress' }).check();
      await typeDate(page, 'On which day? (optional)', '20', '3', '2026');
      await page.getByRole('radio', { name: 'Documents seen' }).check();
      await page.getByLabel('Note about identity (optional)').fill('Passport and council tax bill');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Save' }).click();
      await expectAnnounced(page, 'In progress. Due on 13 April 2026');
      await due.getByText('13 April 2026').waitFor();
      await page
        .locator('.govuk-summary-list__row')
        .filter({ hasText: 'Identity' })
        .getByText('Documents seen')
        .waitFor();

      // An extension needs a reason.
      await page.getByRole('radio', { name: 'Extend the deadline' }).check();
      await page.getByRole('radio', { name: 'One month' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await summary.getByRole('link', { name: 'Enter the reason for the extension' }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel('Reason', { exact: true }).fill('Records held by three departments');
      await page.getByRole('button', { name: 'Save' }).click();
      await expectAnnounced(page, 'Extended. Due on 12 May 2026');
      await due.getByText('12 May 2026').waitFor();
      await page.getByText('Reason: Records held by three departments').waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('radio', { name: 'Close the request' }).check();
      await page.getByRole('radio', { name: 'Completed: the resident has their answer' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await expectAnnounced(page, 'Completed.');
      await page.getByRole('heading', { name: 'Closed: completed' }).waitFor();
      expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'All requests' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Fiona Canarybird' });
      await row.getByText('Completed').waitFor();
      await row.getByText('12 May 2026').waitFor();
      await expectNoAxeViolations(page);

      // Filters: a closed request is never overdue; by status it is there.
      await page.getByLabel('Only overdue requests').check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expectAnnounced(page, '0 requests found');
      await page.getByText('There are no requests to show.').waitFor();
      await page.getByLabel('Only overdue requests').uncheck();
      await page.getByLabel('Status').selectOption({ label: 'Completed' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expectAnnounced(page, '1 request found');
      await row.waitFor();
      await expectNoAxeViolations(page);
    },
  );
});
