import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { keyboardActivate } from './support/records-pages.ts';

const password = 'correct horse battery staple';

describe('staff correct the details a resident gave in a chat', () => {
  const ward = useWardAndBrowser({ env: { WARD_TRUST_PROXY: 'true' } });

  it(
    'with the keyboard only: an error summary, then the corrected details, announced and axe clean',
    { timeout: 120_000 },
    async () => {
      const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Agent' });
      // From Cardiff University's network, whose entry in the shipped location database was checked (ADR 46).
      const chat = await ward.t.startChat({ name: 'Jon Smiht', email: 'jon.smiht@example.com' }, '131.251.0.1');
      const socket = await ward.t.agentSocket(staff.cookie);
      expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
      await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Missed bin' });
      socket.disconnect();

      const page = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
      await page.goto(`${ward.t.url}/console/conversations/${chat.caseReference}`);
      await page.getByRole('heading', { name: chat.caseReference, level: 1 }).waitFor();
      await listenToLiveRegions(page);
      // The automatic information names the town the internet address placed the resident in, and its source.
      const automatic = page.locator('.govuk-summary-list').filter({ hasText: 'Approximate location' });
      await automatic.getByText('Cardiff, Wales, United Kingdom (from the internet address)').waitFor();
      await automatic.getByRole('link', { name: 'IP Geolocation by DB-IP (opens in new tab)' }).waitFor();

      // The action opens a form in place, its heading focused.
      await keyboardActivate(page, 'Correct the resident’s details', 'the correct details button', { tag: 'button' });
      await expectFocus(page, { tag: 'h3', name: 'Correct the resident’s details' }, 'the form heading');
      await expectNoAxeViolations(page);

      // Saving without a reason: the error summary takes focus and links to the field.
      await keyboardActivate(page, 'Save the correction', 'the save button', { tag: 'button' });
      await expectFocus(page, (f) => f.name.startsWith('There is a problem'), 'the error summary');
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'Enter the reason for the correction' })
        .waitFor();
      await expectNoAxeViolations(page);

      await page.getByLabel('Resident’s name').fill('Jon Smith');
      await page.getByLabel('Email address (optional)').fill('jon.smith@example.com');
      await page.getByLabel('Reason for the correction').fill('Resident phoned: name and email misspelt');
      await page.getByLabel('The resident asked for this correction (a rights request)').check();
      await page.getByRole('button', { name: 'Save the correction' }).press('Enter');

      await expectAnnounced(page, 'The resident’s details were corrected.');
      await expectFocus(page, { tag: 'button', name: 'Correct the resident’s details' }, 'the correct details button');
      const details = page.locator('.govuk-summary-list').first();
      await details.getByText('Jon Smith', { exact: true }).waitFor();
      await details.getByText('jon.smith@example.com', { exact: true }).waitFor();
      expect(await page.title()).not.toMatch(/^Error: /);
      expect(page.url()).not.toContain('smith');
      // The history shows what the correction replaced, who made it and why.
      await page.getByRole('heading', { name: 'Corrections', level: 3 }).waitFor();
      await page
        .getByText(
          /the name was “.+” and the email address was “.+”\. Reason: Resident phoned: name and email misspelt/,
        )
        .waitFor();
      await expectNoAxeViolations(page);
    },
  );
});
