import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectNoAxeViolations } from './support/pages.ts';

describe('an online form in Welsh (ADR 50)', () => {
  const ward = useWardAndBrowser();

  it(
    'is in Welsh with lang="cy", says what to fix in Welsh, switches to English by keyboard, and has no axe violations',
    { timeout: 90_000 },
    async () => {
      const context = await ward.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${ward.t.url}/forms/demo/report-a-fault?lang=cy`);
        expect(await page.locator('html').getAttribute('lang')).toBe('cy');
        await page.getByRole('navigation', { name: 'Iaith' }).waitFor();
        await expectNoAxeViolations(page);

        await page.getByRole('button', { name: 'Anfon' }).click();
        await page.getByRole('heading', { name: 'Mae problem' }).waitFor();
        expect(await page.title()).toMatch(/^Gwall: /);
        expect(page.url()).toContain('lang=cy');
        await expectNoAxeViolations(page);

        // The switch is a link named in its own language, reached and followed by keyboard.
        const english = page.getByRole('link', { name: 'English' });
        await english.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/lang=en$/);
        expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
        await page.getByRole('button', { name: 'Send' }).waitFor();

        await page.goto(`${ward.t.url}/accessibility?lang=cy`);
        await page.getByRole('heading', { level: 1, name: /^Datganiad hygyrchedd/ }).waitFor();
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
  );
});
