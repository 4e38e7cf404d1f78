import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('a member of staff changes their password from their account page', () => {
  const ward = useWardAndBrowser();

  it(
    'is reached from their name in the header; the change signs them out elsewhere, axe clean',
    { timeout: 90_000 },
    async () => {
      const agent = await ward.t.signUpStaff({ firstName: 'Tom', lastName: 'Reed' });
      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);

      await page.getByRole('link', { name: 'Your account: signed in as Tom Reed' }).click();
      await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
      await expectNoAxeViolations(page);

      // Checked in the browser first, then by Ward.
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('link', { name: 'Enter your current password' }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel('Current password').fill('not my password');
      await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
      await page.getByLabel('Confirm new password').fill('a brand new passphrase');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your current password is not right').first().waitFor();

      await page.getByLabel('Current password').fill(password);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('alert').getByText('Password changed.', { exact: false }).waitFor();
      await expectNoAxeViolations(page);

      // The session made at sign-up ended; this browser's carries on.
      expect((await fetch(`${ward.t.url}/api/auth/me`, { headers: { cookie: agent.cookie } })).status).toBe(401);
      await page.getByRole('link', { name: 'Conversations' }).click();
      await page.getByRole('heading', { name: 'Conversations', level: 1 }).waitFor();
    },
  );
});
