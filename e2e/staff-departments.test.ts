import { describe, expect, it } from 'vitest';
import type { StaffMember } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('an administrator sets where staff work on the Staff page', () => {
  const ward = useWardAndBrowser();

  /** What the staff list says of someone, read as an administrator (the person's own sessions end at the change). */
  const departmentsOf = async (email: string, adminCookie: string) => {
    const response = await fetch(`${ward.t.url}/api/staff`, { headers: { cookie: adminCookie } });
    const { staff } = (await response.json()) as { staff: StaffMember[] };
    return staff.find((member) => member.email === email)?.departments;
  };

  it(
    'changes an agent’s role and departments and invites someone to some departments, axe clean',
    { timeout: 120_000 },
    async () => {
      const agent = await ward.t.signUpStaff({ firstName: 'Tom', lastName: 'Reed' });
      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, password);

      await page.getByRole('link', { name: 'Staff', exact: true }).click();
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Tom Reed' });
      await row.getByRole('cell', { name: 'All departments' }).waitFor();
      await listenToLiveRegions(page);
      await expectNoAxeViolations(page);

      // The form opens below the table and takes focus at its heading.
      await row.getByRole('button', { name: 'Change role and departments for Tom Reed' }).click();
      await expectFocus(
        page,
        { tag: 'h2', name: 'Role and departments for Tom Reed' },
        'the departments form’s heading',
      );
      await expect
        .poll(() =>
          row.getByRole('button', { name: 'Change role and departments for Tom Reed' }).getAttribute('aria-expanded'),
        )
        .toBe('true');
      await expectNoAxeViolations(page);

      const form = page.getByRole('group', { name: 'Which departments does Tom Reed work in?' });
      await form.getByRole('checkbox', { name: 'Housing' }).check();
      await form.getByRole('checkbox', { name: 'Waste and recycling' }).check();
      await page
        .getByRole('group', { name: 'What does Tom Reed do?' })
        .getByRole('radio', { name: 'Supervisor' })
        .check();
      await page.getByRole('button', { name: 'Save role and departments' }).click();

      // Announced, shown in the table, focus back on the row's button; the agent's session has them.
      await expectAnnounced(page, 'Saved for Tom Reed: Supervisor, Waste and recycling, Housing');
      await expectFocus(
        page,
        (f) => f.tag === 'button' && f.name === 'Change role and departments for Tom Reed',
        'the row’s Change button',
      );
      await row.getByRole('cell', { name: 'Waste and recycling, Housing' }).waitFor();
      await row.getByRole('cell', { name: 'Supervisor' }).waitFor();
      expect(await departmentsOf(agent.email, admin.cookie)).toEqual(['waste', 'housing']);
      // Tom's sessions ended with the change: he signs in again under his new departments.
      expect((await fetch(`${ward.t.url}/api/auth/me`, { headers: { cookie: agent.cookie } })).status).toBe(401);
      await expectNoAxeViolations(page);

      // Back to every department: none ticked.
      await row.getByRole('button', { name: 'Change role and departments for Tom Reed' }).click();
      await form.getByRole('checkbox', { name: 'Housing' }).uncheck();
      await form.getByRole('checkbox', { name: 'Waste and recycling' }).uncheck();
      await page.getByRole('button', { name: 'Save role and departments' }).click();
      await expectAnnounced(page, 'Saved for Tom Reed: Supervisor, All departments');
      expect(await departmentsOf(agent.email, admin.cookie)).toEqual([]);

      // An invitation may name departments.
      const invite = page.getByRole('region', { name: 'Invite a member of staff' });
      await invite.getByLabel('Email address').fill(`nia-${Date.now()}@council.example`);
      await invite.getByRole('radio', { name: 'Agent' }).check();
      await invite
        .getByRole('group', { name: 'Departments (optional)' })
        .getByRole('checkbox', { name: 'Parking' })
        .check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByRole('heading', { name: 'Invitation created' }).waitFor();
      await expectNoAxeViolations(page);
    },
  );

  it(
    'shows a privacy officer the audit trail and retention, without the chat queue or staff',
    { timeout: 60_000 },
    async () => {
      const officer = await ward.t.signUpStaff({ role: 'privacy_officer', firstName: 'Dee', lastName: 'Pio' });
      const page = await agentSignsIn(ward.browser, ward.t.url, officer.email, password, 'Conversations');
      const navigation = page.getByRole('navigation', { name: 'Primary navigation' });
      await navigation.getByRole('link', { name: 'Audit trail' }).waitFor();
      await navigation.getByRole('link', { name: 'Retention' }).waitFor();
      expect(await navigation.getByRole('link', { name: /Chats/ }).count()).toBe(0);
      expect(await navigation.getByRole('link', { name: 'Staff' }).count()).toBe(0);
      await page.goto(`${ward.t.url}/console/staff`);
      await page.getByRole('heading', { name: 'You cannot view this page' }).waitFor();
      await expectNoAxeViolations(page);
    },
  );
});
