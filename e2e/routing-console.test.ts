import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultOrganisation } from '../packages/server/src/shared/organisation-settings.ts';
import { caseClient } from '../packages/server/test/support/case-requests.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { writeOrganisationFile } from '../packages/server/test/support/organisation-file.ts';

const password = 'correct horse battery staple';

// Council Tax gives chats to the least busy adviser, two at once unless someone's own limit says
// otherwise; Housing's advisers take chats from the queue; Welsh is a skill staff may be given.
const organisationFile = await writeOrganisationFile({
  consent: defaultOrganisation.settings.consent,
  routing: {
    defaultCapacity: 3,
    departments: { 'council-tax': { strategy: 'least-busy', capacity: 2 }, housing: { strategy: 'manual' } },
    skills: [{ id: 'welsh', label: 'Welsh' }],
  },
});

describe('the routing console', () => {
  const ward = useWardAndBrowser({ env: { WARD_ORGANISATION_FILE: organisationFile } });

  /** The supervisor's live view's row for a member of staff. */
  const staffRow = (page: Page, who: string) =>
    page.getByRole('region', { name: 'Staff', exact: true }).getByRole('row').filter({ hasText: who });

  it(
    'an administrator sets skills and chats at once, the adviser changes status, and the supervisor sees it live',
    { timeout: 240_000 },
    async () => {
      const { t } = ward;
      const api = caseClient(t);
      const admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
      const supervisor = await api.staff('supervisor', ['council-tax'], { firstName: 'Sue', lastName: 'Pervisor' });
      const sam = await api.staff('agent', ['council-tax'], { firstName: 'Sam', lastName: 'Adviser' });
      await api.staff('agent', ['housing'], { firstName: 'Hal', lastName: 'Housing' });

      // The administrator sees each department's routing and gives Sam Welsh and one chat at once.
      const adminPage = await agentSignsIn(ward.browser, t.url, admin.email, password);
      const supervisorPage = await agentSignsIn(ward.browser, t.url, supervisor.email, password);
      let samPage: Page | undefined;
      try {
        await adminPage
          .getByRole('navigation', { name: /./ })
          .getByRole('link', { name: 'Staff', exact: true })
          .click();
        await adminPage.getByRole('heading', { name: 'Chat routing', level: 2 }).waitFor();
        const departments = adminPage.getByRole('region', { name: 'Chat routing of departments' });
        const councilTax = departments.getByRole('row').filter({ hasText: 'Council Tax' });
        await councilTax.getByRole('cell', { name: 'To the available adviser with the fewest chats' }).waitFor();
        await councilTax.getByRole('cell', { name: '2', exact: true }).waitFor();
        await departments
          .getByRole('row')
          .filter({ hasText: 'Housing' })
          .getByRole('cell', { name: 'Advisers take them from the queue' })
          .waitFor();
        await listenToLiveRegions(adminPage);
        await expectNoAxeViolations(adminPage);

        // Housing's routing changed here (ADR 47): in turn, three at once, in place of the settings file's.
        await adminPage.getByLabel('Change the routing of').selectOption({ label: 'Housing' });
        await adminPage
          .getByRole('group', { name: 'How Housing’s chats are given' })
          .getByRole('radio', { name: 'To each available adviser in turn' })
          .check();
        await adminPage.getByLabel('Chats at once in Housing').fill('3');
        await expectNoAxeViolations(adminPage);
        await adminPage.getByRole('button', { name: 'Save Housing’s routing' }).click();
        await expectAnnounced(adminPage, 'Saved Housing’s routing: to each available adviser in turn');
        const housing = departments.getByRole('row').filter({ hasText: 'Housing' });
        await housing.getByRole('cell', { name: 'To each available adviser in turn' }).waitFor();
        await housing.getByRole('cell', { name: 'Here', exact: true }).waitFor();

        await adminPage.getByLabel('Change skills and chats at once for').selectOption({ label: 'Sam Adviser' });
        await adminPage
          .getByRole('group', { name: 'Skills of Sam Adviser' })
          .getByRole('checkbox', { name: 'Welsh' })
          .check();
        await adminPage.getByLabel('Chats at once for Sam Adviser').fill('1');
        await expectNoAxeViolations(adminPage);
        await adminPage.getByRole('button', { name: 'Save skills and chats at once' }).click();
        await expectAnnounced(adminPage, 'Saved skills and chats at once for Sam Adviser');
        const samRouting = adminPage
          .getByRole('region', { name: 'Chat routing of staff' })
          .getByRole('row')
          .filter({ hasText: 'Sam Adviser' });
        await samRouting.getByRole('cell', { name: 'Welsh' }).waitFor();
        await samRouting.getByRole('cell', { name: '1', exact: true }).waitFor();
        await expectNoAxeViolations(adminPage);

        // Sam signs in: a new adviser is busy until they choose.
        samPage = await agentSignsIn(ward.browser, t.url, sam.email, password);
        await samPage.getByText('Your status: Busy').waitFor();

        // The supervisor's live view: Sam busy with none of one chat, in Council Tax; Housing's adviser not shown.
        await supervisorPage.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Live view' }).click();
        await supervisorPage.getByRole('heading', { name: 'Live view', level: 1 }).waitFor();
        const samRow = staffRow(supervisorPage, 'Sam Adviser');
        await samRow.filter({ hasText: 'Busy' }).getByRole('cell', { name: '0 of 1' }).waitFor();
        await samRow.getByRole('cell', { name: 'Council Tax' }).waitFor();
        await samRow.getByText('Connected').waitFor();
        expect(await staffRow(supervisorPage, 'Hal Housing').count()).toBe(0);
        await expectNoAxeViolations(supervisorPage);

        // Sam chooses Available at the top of their chats list: the live view follows without a reload.
        await samPage.getByLabel('Change your status').selectOption({ label: 'Available' });
        await samPage.getByRole('button', { name: 'Change status' }).click();
        await samPage.getByText('Your status: Available').waitFor();
        await expectNoAxeViolations(samPage);
        await samRow.filter({ hasText: 'Available' }).waitFor();

        // A Council Tax chat is given to Sam at once; the live view shows one of one chat.
        await t.startChat({ topic: 'council-tax', name: 'Ann Resident' });
        await samPage.getByRole('heading', { name: 'Ann Resident', level: 2 }).waitFor();
        await samRow.getByRole('cell', { name: '1 of 1' }).waitFor();
        expect(await supervisorPage.locator('main').textContent()).not.toContain('Ann Resident');

        // Away: shown too.
        await samPage.getByLabel('Change your status').selectOption({ label: 'Away' });
        await samPage.getByRole('button', { name: 'Change status' }).click();
        await samPage.getByText('Your status: Away').waitFor();
        await samRow.filter({ hasText: 'Away' }).waitFor();
        await expectNoAxeViolations(supervisorPage);
      } finally {
        await samPage?.context().close();
        await supervisorPage.context().close();
        await adminPage.context().close();
      }
    },
  );
});
