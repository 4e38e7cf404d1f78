import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { expectFocus } from './support/keyboard.ts';

const password = 'correct horse battery staple';

/** Where an element is on the screen, in CSS pixels. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
}

describe('the agent’s workspace', () => {
  const ward = useWardAndBrowser();

  it(
    'shows the chats, the conversation and the resident side by side at 1280×800, the reply box in view',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(ward.browser, t.url, staff.email, password);
      await agent.setViewportSize({ width: 1280, height: 800 });
      // Two residents with the same name: the case reference tells their chats apart.
      const first = await t.startChat({ name: 'Ann Resident', topic: 'bins' });
      const second = await t.startChat({ name: 'Ann Resident', topic: 'council-tax' });
      try {
        for (const chat of [first, second]) {
          await agent.getByRole('button', { name: `Accept chat ${chat.caseReference}` }).click();
          // Both residents share a name: wait until this chat is the one shown, or the first chat's
          // messages below could arrive while it is still on screen (and so already read).
          await agent
            .locator('.ward-chat-list__button[aria-current="true"]', { hasText: chat.caseReference })
            .waitFor();
        }
        const resident = await t.visitorSocket(first.visitorToken);
        // Enough messages to fill the log: it scrolls in its own area, the page does not.
        for (let n = 1; n <= 4; n++) {
          const ack = await resident.emitWithAck('message:send', {
            clientMessageId: randomUUID(),
            body: `Message number ${n} about my bin\n${'It was not collected.\n'.repeat(6)}`,
          });
          expect(ack).toMatchObject({ ok: true });
        }
        resident.disconnect();

        // The first chat, not on screen, shows its unread messages, when it was last written in,
        // and how long the resident has waited for a reply; both show their case reference.
        const firstChat = agent.getByRole('button', {
          name: new RegExp(`Ann Resident.*${first.caseReference}.*Last message.*Waiting for a reply.*4 unread`),
        });
        await firstChat.waitFor();
        await agent.getByRole('button', { name: new RegExp(`Ann Resident.*${second.caseReference}`) }).waitFor();
        await firstChat.click();
        await agent
          .getByRole('log', { name: 'Messages with Ann Resident' })
          .getByText('Message number 4 about my bin')
          .waitFor();

        const list = await box(agent, '.ward-workspace__column--list');
        const conversation = await box(agent, '.ward-workspace__column--conversation');
        const context = await box(agent, '.ward-workspace__column--context');
        expect(list.x + list.width).toBeLessThanOrEqual(conversation.x);
        expect(conversation.x + conversation.width).toBeLessThanOrEqual(context.x);
        expect(Math.abs(list.y - conversation.y)).toBeLessThan(2);
        expect(Math.abs(context.y - conversation.y)).toBeLessThan(2);
        await agent.getByRole('heading', { name: 'About the resident' }).waitFor();

        // Nothing scrolled: the reply box and its Send button are inside the window.
        expect(await agent.evaluate(() => window.scrollY)).toBe(0);
        const reply = await agent.getByLabel('Reply to Ann Resident').boundingBox();
        const send = await agent.getByRole('button', { name: 'Send', exact: true }).boundingBox();
        expect(reply && send).toBeTruthy();
        expect((send?.y ?? 800) + (send?.height ?? 0)).toBeLessThanOrEqual(800);
        expect((reply?.y ?? 800) + (reply?.height ?? 0)).toBeLessThanOrEqual(800);
        expect(await agent.getByRole('button', { name: 'End chat' }).isVisible()).toBe(true);
        const end = await box(agent, '.govuk-button--warning');
        expect(end.y + end.height).toBeLessThanOrEqual(800);
        const log = agent.getByRole('log', { name: 'Messages with Ann Resident' });
        expect(await log.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
        await expectNoAxeViolations(agent);

        // The agent answers: the wait ends.
        await agent.getByLabel('Reply to Ann Resident').fill('I will look into your bin now');
        await agent.keyboard.press('Enter');
        await agent.getByRole('button', { name: 'Send', exact: true }).waitFor();
        await expect
          .poll(() =>
            agent.getByRole('button', { name: new RegExp(`Ann Resident.*${first.caseReference}`) }).textContent(),
          )
          .not.toContain('Waiting for a reply');

        // A phone, or 400% zoom: the same parts stacked, in the same order, nothing sideways.
        await agent.setViewportSize({ width: 320, height: 640 });
        const stackedList = await box(agent, '.ward-workspace__column--list');
        const stackedConversation = await box(agent, '.ward-workspace__column--conversation');
        const stackedContext = await box(agent, '.ward-workspace__column--context');
        expect(stackedList.y + stackedList.height).toBeLessThanOrEqual(stackedConversation.y + 1);
        expect(stackedConversation.y + stackedConversation.height).toBeLessThanOrEqual(stackedContext.y + 1);
        expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await expectNoAxeViolations(agent);
      } finally {
        await agent.context().close();
      }
    },
  );

  it(
    'alerts the agent with a sound and a notification that names no one, and answers to keyboard shortcuts',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const staff = await t.signUpStaff({ firstName: 'Kim', lastName: 'Adviser' });
      const context = await ward.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['notifications'], { origin: t.url });
      // Watch what the browser is asked to show and play (the real APIs still run).
      await context.addInitScript(() => {
        const seen = { notifications: [] as string[], beeps: 0 };
        Object.assign(window, { wardAlertsSeen: seen });
        const RealNotification = window.Notification;
        class WatchedNotification extends RealNotification {
          constructor(title: string, options?: NotificationOptions) {
            super(title, options);
            seen.notifications.push(`${title}: ${options?.body ?? ''}`);
          }
        }
        window.Notification = WatchedNotification as typeof Notification;
        const createOscillator = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function (this: AudioContext) {
          seen.beeps++;
          return createOscillator.call(this);
        };
      });
      const agent = await context.newPage();
      const seen = () =>
        agent.evaluate(
          () => (window as unknown as { wardAlertsSeen: { notifications: string[]; beeps: number } }).wardAlertsSeen,
        );
      try {
        await agent.goto(`${t.url}/console/chats`);
        await agent.getByLabel('Email address').fill(staff.email);
        await agent.getByLabel('Password', { exact: true }).fill(password);
        await agent.getByRole('button', { name: 'Sign in' }).click();
        await agent.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
        await agent.getByText('No residents are waiting.').waitFor();

        // Desktop notifications are asked for only when the agent ticks the box.
        await agent.getByText('Sounds and notifications').click();
        expect(await agent.getByLabel('Play a sound').isChecked()).toBe(true);
        await agent.getByLabel('Show a desktop notification').check();
        expect(await agent.getByLabel('Show a desktop notification').isChecked()).toBe(true);
        await expectNoAxeViolations(agent);

        const first = await t.startChat({ name: 'Ann Resident', topic: 'bins' });
        await expect.poll(async () => (await seen()).notifications).toEqual(['Ward: New chat waiting']);
        expect((await seen()).beeps).toBe(1);

        // Alt+Shift+W accepts the chat waiting longest and puts the agent in its reply box.
        await agent.keyboard.press('Alt+Shift+KeyW');
        await agent.getByRole('heading', { name: 'Ann Resident', level: 2 }).waitFor();
        await expectFocus(agent, { id: `reply-${first.conversationId}` }, 'Ann’s reply box');
        const second = await t.startChat({ name: 'Bob Resident', topic: 'council-tax' });
        await expect.poll(async () => (await seen()).notifications.length).toBe(2);
        await agent.keyboard.press('Alt+Shift+KeyW');
        await agent.getByRole('heading', { name: 'Bob Resident', level: 2 }).waitFor();

        // Ann writes while Bob's chat is on screen: a notification with no name and no words.
        const ann = await t.visitorSocket(first.visitorToken);
        await ann.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'My bin is still there' });
        ann.disconnect();
        await expect.poll(async () => (await seen()).notifications.at(-1)).toBe('Ward: New message in a chat');
        expect(JSON.stringify(await seen())).not.toMatch(/Ann|Bob|bin/);
        expect((await seen()).beeps).toBe(3);

        // Alt+Shift+N: the next chat (round the list to Ann's), focused in the list.
        await agent.keyboard.press('Alt+Shift+KeyN');
        await agent.getByRole('heading', { name: 'Ann Resident', level: 2 }).waitFor();
        await expect
          .poll(() => agent.evaluate(() => document.activeElement?.getAttribute('aria-current')))
          .toBe('true');
        expect(await agent.evaluate(() => document.activeElement?.textContent)).toContain(first.caseReference);
        await agent.keyboard.press('Alt+Shift+KeyP');
        await agent.getByRole('heading', { name: 'Bob Resident', level: 2 }).waitFor();
        await agent.keyboard.press('Alt+Shift+KeyR');
        await expectFocus(agent, { id: `reply-${second.conversationId}` }, 'Bob’s reply box');
        // Typing a question mark is typing, not a shortcut.
        await agent.keyboard.type('Is that right?');
        expect(await agent.getByRole('dialog').count()).toBe(0);
        expect(await agent.getByLabel('Reply to Bob Resident').inputValue()).toBe('Is that right?');
        // Alt+Shift+C opens this chat's canned replies, searching from the keyboard; Escape goes back.
        await agent.keyboard.press('Alt+Shift+KeyC');
        const search = agent.getByRole('combobox', { name: 'Search canned replies' });
        await search.waitFor();
        expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
        await agent.keyboard.press('Escape');
        await expectFocus(agent, { id: `reply-${second.conversationId}` }, 'Bob’s reply box');

        // The list of shortcuts, from the visible button or with ?.
        await agent.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        const help = agent.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await help.getByRole('cell', { name: 'Accept the chat waiting longest' }).waitFor();
        await expectNoAxeViolations(agent);
        await agent.keyboard.press('Escape');
        await expect.poll(() => help.count()).toBe(0);
        await expectFocus(agent, { tag: 'button', name: 'Keyboard shortcuts' }, 'the button that opened the list');
        await agent.keyboard.press('Shift+Slash');
        await help.waitFor();
        await help.getByRole('button', { name: 'Close' }).click();
        await expect.poll(() => help.isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    },
  );
});
