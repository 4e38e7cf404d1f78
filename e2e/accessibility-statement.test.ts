import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectNoAxeViolations } from './support/pages.ts';

describe('the accessibility statement (Public Sector Bodies Accessibility Regulations 2018)', () => {
  const ward = useWardAndBrowser();

  it(
    'is linked from the chat’s first page and from the online forms, and has no axe violations',
    { timeout: 60_000 },
    async () => {
      const context = await ward.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${ward.t.url}/`);
        await page.getByRole('button', { name: /Chat with us/ }).click();
        const chat = page.frameLocator('iframe[title="Chat with the council"]');
        const link = chat.getByRole('link', { name: 'Accessibility statement (opens in new tab)' });
        const [statement] = await Promise.all([context.waitForEvent('page'), link.click()]);
        await statement
          .getByRole('heading', {
            level: 1,
            name: 'Accessibility statement for Demo Borough Council’s web chat and online forms',
          })
          .waitFor();
        expect(await statement.getByText('fully compliant with the Web Content Accessibility Guidelines').count()).toBe(
          1,
        );
        await expectNoAxeViolations(statement);

        await statement.goto(`${ward.t.url}/forms/demo/`);
        await statement.getByRole('link', { name: 'Accessibility statement' }).click();
        await statement.getByRole('heading', { level: 1, name: /^Accessibility statement/ }).waitFor();
      } finally {
        await context.close();
      }
    },
  );
});
