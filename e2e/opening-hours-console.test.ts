import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseClient } from '../packages/server/test/support/case-requests.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, staffedTopics, widgetFrame } from './support/pages.ts';

const password = 'correct horse battery staple';

/** Today in London as the date input's day, month and year. */
function londonToday(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** The resident's pre-chat form in the widget on the demo page. */
async function residentOpensChat(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: /Chat with us/ }).click();
  const chat = page.frameLocator('iframe[title="Chat with the council"]');
  await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
  return chat;
}

// The test council answers round the clock: only the closure added here closes Parking.
describe('opening hours in the console (issue 11, ADR 47)', () => {
  const ward = useWardAndBrowser();

  it(
    'an administrator closes Parking for today; the widget then offers to leave a message about Parking instead',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const admin = await caseClient(t).staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
      const adminPage = await agentSignsIn(ward.browser, t.url, admin.email, password);
      const residentContext = await ward.browser.newContext();
      const resident = await residentContext.newPage();
      try {
        await adminPage
          .getByRole('navigation', { name: /./ })
          .getByRole('link', { name: 'Opening hours', exact: true })
          .click();
        await adminPage.getByRole('heading', { name: 'Opening hours', level: 1 }).waitFor();
        await adminPage.getByText('There are no closures or special hours coming up.').waitFor();
        await listenToLiveRegions(adminPage);
        await expectNoAxeViolations(adminPage);

        // Sent empty: the error summary takes focus and names each missing answer.
        await adminPage.getByRole('button', { name: 'Add', exact: true }).click();
        const summary = adminPage.getByRole('alert');
        await summary.getByRole('link', { name: 'Select whether they are closed or open for special hours' }).waitFor();
        await summary.getByRole('link', { name: 'Enter the first date' }).waitFor();
        await summary.getByRole('link', { name: 'Enter the reason' }).waitFor();
        await expect.poll(() => adminPage.title()).toMatch(/^Error: /);
        await expectNoAxeViolations(adminPage);

        // Closed all day, today, Parking only.
        const today = londonToday();
        await adminPage.getByRole('radio', { name: 'Closed all day' }).check();
        const first = adminPage.getByRole('group', { name: 'First date' });
        await first.getByLabel('Day').fill(today.day);
        await first.getByLabel('Month').fill(today.month);
        await first.getByLabel('Year').fill(today.year);
        await adminPage.getByRole('group', { name: 'Departments' }).getByRole('checkbox', { name: 'Parking' }).check();
        await adminPage.getByLabel('Reason').fill('Storm damage to the parking office');
        await adminPage.getByRole('button', { name: 'Add', exact: true }).click();
        await expectAnnounced(adminPage, 'Added: Closed on');
        const row = adminPage
          .getByRole('region', { name: 'Closures and special hours' })
          .getByRole('row')
          .filter({ hasText: 'Storm damage to the parking office' });
        await row.getByRole('cell', { name: 'Parking', exact: true }).waitFor();
        await row.getByRole('cell', { name: 'Closed', exact: true }).waitFor();
        await expectNoAxeViolations(adminPage);

        // The resident's pre-chat form: Parking's advisers are not available, with the leave-a-message link.
        // The administrator's console is open (busy, every department), so the open topics are staffed
        // and say nothing (issue 11); someone at the console does not open a closed department.
        await expect.poll(() => staffedTopics(t.url)).toContain('Council Tax');
        const chat = await residentOpensChat(resident, t.url);
        const parking = chat.getByRole('radio', { name: 'Parking' });
        await expect.poll(() => parking.getAttribute('aria-describedby')).toBeTruthy();
        await chat.getByText(/Advisers are not available now\. They are back/).waitFor();
        await chat.getByRole('link', { name: 'Leave a message about Parking instead (opens in new tab)' }).waitFor();
        expect(await chat.getByRole('link', { name: /Leave a message about Council Tax/ }).count()).toBe(0);
        expect(await chat.getByText(/No advisers are free/).count()).toBe(0);
        await expectNoAxeViolations(resident, widgetFrame);

        // Removed: Parking is answered again.
        await row.getByRole('button', { name: /^Remove Closed on / }).click();
        await expectAnnounced(adminPage, 'The usual hours apply again.');
        await adminPage.getByText('There are no closures or special hours coming up.').waitFor();
        await expectNoAxeViolations(adminPage);
        // A new visit (the first one's widget stays open across page loads): Parking is answered again.
        const later = await ward.browser.newContext();
        try {
          const again = await residentOpensChat(await later.newPage(), t.url);
          await again.getByRole('radio', { name: 'Parking' }).waitFor();
          expect(await again.getByRole('link', { name: /Leave a message about Parking/ }).count()).toBe(0);
        } finally {
          await later.close();
        }
      } finally {
        await residentContext.close();
        await adminPage.context().close();
      }
    },
  );
});
