import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations, residentStartsChat } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('the live wallboard', () => {
  const ward = useWardAndBrowser();

  it(
    'shows a supervisor a chat arriving and being answered without reloading, on a phone too',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const supervisor = await t.signUpStaff({ role: 'supervisor', firstName: 'Sue', lastName: 'Pervisor' });
      const agent = await t.signUpStaff({ role: 'agent', firstName: 'Sam', lastName: 'Adviser' });
      const page = await agentSignsIn(ward.browser, t.url, supervisor.email, password);

      // From the Reports page, by keyboard.
      await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'See the live wallboard' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Wallboard', level: 1 }).waitFor();
      await expect.poll(() => page.title()).toBe('Wallboard – Ward');
      const figure = (name: string) =>
        page
          .locator('.ward-figures__item')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('dd');
      await expect.poll(() => figure('Waiting now').textContent()).toBe('0');
      expect(await figure('Answered today').textContent()).toBe('0');
      await expectNoAxeViolations(page);

      const resident = await residentStartsChat(ward.browser, t.url, { name: 'Ann Resident', topic: 'Council Tax' });
      try {
        await expect.poll(() => figure('Waiting now').textContent(), { timeout: 10_000 }).toBe('1');
        await expect
          .poll(() => page.locator('#ward-announcements').textContent())
          .toContain('1 resident is waiting now');
        expect(await page.locator('main').textContent()).not.toContain('Ann Resident');

        const socket = await t.agentSocket(agent.cookie);
        const [waiting] = socket.initial.waiting;
        expect((await socket.emitWithAck('conversation:accept', { conversationId: waiting?.id ?? '' })).ok).toBe(true);
        await expect.poll(() => figure('Waiting now').textContent(), { timeout: 10_000 }).toBe('0');
        await expect.poll(() => figure('Answered today').textContent()).toBe('1');
        socket.disconnect();

        // Readable on a 320px wide screen: nothing scrolls sideways.
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await expectNoAxeViolations(page);
      } finally {
        await resident.context.close();
        await page.context().close();
      }
    },
  );
});
