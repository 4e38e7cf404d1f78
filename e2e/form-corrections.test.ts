import { describe, expect, it } from 'vitest';
import type { SubmitFormResponse } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('rectification of a form answer in the console', () => {
  const ward = useWardAndBrowser();

  it(
    'an agent corrects a mistyped email address with a reason; the earlier answer stays in the history',
    { timeout: 120_000 },
    async () => {
      const sent = await fetch(`${ward.t.url}/api/forms/demo/leave-your-details/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { name: 'Gil Resident', email: 'gil@exmaple.com', message: 'Please call me back' },
          consent: true,
        }),
      });
      expect(sent.status).toBe(201);
      const { caseReference } = (await sent.json()) as SubmitFormResponse;
      const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);
      await page.goto(`${ward.t.url}/console/cases/${caseReference}`);
      await page.getByRole('heading', { name: /Answers to/, level: 2 }).waitFor();
      await listenToLiveRegions(page);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Correct Email address' }).click();
      await expectFocus(page, { tag: 'h3', name: 'Correct “Email address”' }, 'the correction form');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      await page.getByLabel('The right answer').fill('gil@example.com');
      await page.getByLabel('Reason for the correction').fill('Resident rang: the address was mistyped');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await expectAnnounced(page, 'The answer to “Email address” was corrected.');
      await page.getByText('gil@example.com', { exact: true }).waitFor();
      await page
        .getByText(/“Email address” was “gil@exmaple.com”\. Reason: Resident rang: the address was mistyped/)
        .waitFor();
      await expect.poll(() => page.title()).not.toMatch(/^Error: /);
      await expectFocus(page, { tag: 'button', name: 'Correct Email address' }, 'the Correct button');
      await expectNoAxeViolations(page);
    },
  );
});
