import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { launchBrowser } from './support/browser.ts';
import { expectFocus, focusedIn, tabTo } from './support/keyboard.ts';
import { expectNoAxeViolations, residentStartsChat, widgetFrame } from './support/pages.ts';

const password = 'correct horse battery staple';

/** The chat iframe's document, once the loader has created it. */
async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

/** The launcher's state as the page's accessibility tree has it (it lives in a shadow root). */
async function launcherExpanded(page: Page): Promise<string | null> {
  return page.getByRole('button', { name: /Chat with us/ }).getAttribute('aria-expanded');
}

describe('accessibility: what disabled residents and agents notice', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a resident opens the chat, fixes the form, starts and sends with the keyboard only, and Escape returns to the launcher', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${t.url}/`);

      // The launcher is a real button in the tab order.
      const launcher = await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Chat with us', 'the "Chat with us" launcher', { max: 5 });
      expect(launcher.type).toBe('button');
      await page.keyboard.press('Enter');
      expect(await launcherExpanded(page)).toBe('true');

      // Focus moves into the chat: the iframe has it on the page, and its step heading inside.
      const chat = await chatFrame(page);
      await expectFocus(page, { tag: 'iframe' }, 'the chat iframe');
      await expectFocus(chat, { tag: 'h1', name: 'Start a chat' }, 'the "Start a chat" heading in the chat');

      // Submitting the empty form (Enter in the first field) focuses the GOV.UK error summary.
      await tabTo(page, chat, (f) => f.id === 'name', 'the Name field', { max: 2 });
      await page.keyboard.press('Enter');
      await expectFocus(chat, (f) => f.tag === 'div' && f.name.startsWith('There is a problem'), 'the error summary');
      const summaryLinks = await chat.locator('.ward-error-summary a').allTextContents();
      expect(summaryLinks).toEqual(['Enter your name', 'Select what your enquiry is about', 'Confirm that you have read how we use your information']);

      // Each link in the summary moves focus to its field.
      await tabTo(page, chat, (f) => f.tag === 'a' && f.name === 'Enter your name', 'the "Enter your name" link', { max: 1 });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'input', id: 'name' }, 'the Name field');
      await page.keyboard.type('Kay Board');

      await tabTo(page, chat, (f) => f.name === 'Select what your enquiry is about', 'the topic error link', { max: 2, backwards: true });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'input', type: 'radio', name: 'Council Tax', checked: false }, 'the first topic');
      await page.keyboard.press('Space');
      await expectFocus(chat, { tag: 'input', type: 'radio', name: 'Council Tax', checked: true }, 'the chosen topic');

      // Arrow keys choose another topic, as in any radio group.
      await page.keyboard.press('ArrowDown');
      await expectFocus(chat, { tag: 'input', type: 'radio', name: 'Bins and recycling', checked: true }, 'the second topic, chosen');

      await tabTo(page, chat, (f) => f.name === 'Confirm that you have read how we use your information', 'the consent error link', { max: 10, backwards: true });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'input', type: 'checkbox', id: 'consent', checked: false }, 'the consent checkbox');
      await page.keyboard.press('Space');
      await expectFocus(chat, { tag: 'input', type: 'checkbox', id: 'consent', checked: true }, 'the ticked consent checkbox');

      // Start the chat from its button.
      await tabTo(page, chat, (f) => f.tag === 'button' && f.name === 'Start chat', 'the Start chat button', { max: 2 });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'h1', name: 'Waiting for an adviser…' }, 'the new step heading');
      const reference = await chat.locator('.ward-case-reference').textContent();
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // The message box is reachable, and Enter sends.
      await tabTo(page, chat, (f) => f.tag === 'textarea' && f.name === 'Type your message', 'the message box', { max: 3 });
      await page.keyboard.type('My bin was not emptied');
      await page.keyboard.press('Enter');
      const sent = chat.locator('.ward-log li').filter({ hasText: 'My bin was not emptied' });
      await expect.poll(() => sent.textContent()).toContain('Delivered');
      await expectFocus(chat, { tag: 'textarea' }, 'the message box, still');
      expect(await chat.locator('#message').inputValue()).toBe('');

      // Escape closes the chat and returns focus to the launcher.
      await page.keyboard.press('Escape');
      await expectFocus(page, { tag: 'button', name: 'Chat with us' }, 'the launcher');
      expect(await launcherExpanded(page)).toBe('false');
      expect(await page.locator('#ward-panel').isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
