import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import {
  announcements,
  expectAnnounced,
  expectFocus,
  focusedIn,
  listenToLiveRegions,
  tabTo,
} from './support/keyboard.ts';
import {
  agentSignsIn,
  expectNoAxeViolations,
  residentSends,
  residentStartsChat,
  staffedTopics,
  widgetFrame,
} from './support/pages.ts';

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

/** No sideways scrolling: the document is no wider than the window (WCAG 1.4.10 Reflow). */
async function expectNoHorizontalScroll(target: Page | Frame, where: string): Promise<void> {
  const size = await target.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    size.scrollWidth,
    `${where} scrolls sideways (${size.scrollWidth}px wide in a ${size.innerWidth}px window)`,
  ).toBeLessThanOrEqual(size.innerWidth);
}

/** Reflows and passes axe: what someone on a small screen or at high zoom relies on. */
async function expectUsableWhenSmall(page: Page, where: string, frame?: Frame): Promise<void> {
  await expectNoHorizontalScroll(page, where);
  await expectNoAxeViolations(page);
  if (frame) {
    await expectNoHorizontalScroll(frame, `${where} (inside the chat)`);
    await expectNoAxeViolations(page, widgetFrame);
  }
}

/** The viewport meta tag must let people pinch-zoom (WCAG 1.4.4 Resize text). */
async function expectZoomAllowed(target: Page | Frame, where: string): Promise<void> {
  const content = await target.evaluate(
    () => document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
  );
  expect(content, `${where}: viewport meta`).toContain('width=device-width');
  expect(content, `${where}: viewport meta`).not.toMatch(/maximum-scale|user-scalable\s*=\s*(no|0)/i);
}

describe('accessibility: what disabled residents and agents notice', () => {
  const ward = useWardAndBrowser();

  it('a resident opens the chat, fixes the form, starts and sends with the keyboard only, and Escape returns to the launcher', async () => {
    const context = await ward.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${ward.t.url}/`);

      // The launcher is a real button in the tab order.
      const launcher = await tabTo(
        page,
        page,
        (f) => f.tag === 'button' && f.name === 'Chat with us',
        'the "Chat with us" launcher',
        { max: 5 },
      );
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
      expect(summaryLinks).toEqual([
        'Enter your name',
        'Select what your enquiry is about',
        'Confirm that you have read how we use your information',
      ]);
      await expect.poll(() => chat.title()).toMatch(/^Error: Start a chat/);

      // Each link in the summary moves focus to its field.
      await tabTo(page, chat, (f) => f.tag === 'a' && f.name === 'Enter your name', 'the "Enter your name" link', {
        max: 1,
      });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'input', id: 'name' }, 'the Name field');
      await page.keyboard.type('Kay Board');

      await tabTo(page, chat, (f) => f.name === 'Select what your enquiry is about', 'the topic error link', {
        max: 2,
        backwards: true,
      });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'input', type: 'radio', name: 'Council Tax', checked: false }, 'the first topic');
      await page.keyboard.press('Space');
      await expectFocus(chat, { tag: 'input', type: 'radio', name: 'Council Tax', checked: true }, 'the chosen topic');

      // Arrow keys choose another topic, as in any radio group.
      await page.keyboard.press('ArrowDown');
      await expectFocus(
        chat,
        { tag: 'input', type: 'radio', name: 'Bins and recycling', checked: true },
        'the second topic, chosen',
      );

      await tabTo(
        page,
        chat,
        (f) => f.name === 'Confirm that you have read how we use your information',
        'the consent error link',
        { max: 10, backwards: true },
      );
      await page.keyboard.press('Enter');
      await expectFocus(
        chat,
        { tag: 'input', type: 'checkbox', id: 'consent', checked: false },
        'the consent checkbox',
      );
      await page.keyboard.press('Space');
      await expectFocus(
        chat,
        { tag: 'input', type: 'checkbox', id: 'consent', checked: true },
        'the ticked consent checkbox',
      );

      // Start the chat from its button.
      await tabTo(page, chat, (f) => f.tag === 'button' && f.name === 'Start chat', 'the Start chat button', {
        max: 2,
      });
      await page.keyboard.press('Enter');
      await expectFocus(chat, { tag: 'h1', name: 'Waiting for an adviser…' }, 'the new step heading');
      const reference = await chat.locator('.ward-case-reference').textContent();
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // The message box is reachable, and Enter sends.
      await tabTo(page, chat, (f) => f.tag === 'textarea' && f.name === 'Type your message', 'the message box', {
        max: 3,
      });
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

  it('announces new council messages and typing to the resident, and new resident messages to the agent, politely', async () => {
    const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
    try {
      await listenToLiveRegions(agent);
      const ann = await residentStartsChat(ward.browser, ward.t.url, { name: 'Ann Resident', topic: 'Housing' });
      try {
        // The agent hears a new resident join the queue.
        expect(
          await expectAnnounced(agent, `New chat waiting: Housing, case reference ${ann.caseReference}`),
        ).toMatchObject({
          politeness: 'polite',
          region: 'ward-announcements',
        });

        const chat = await chatFrame(ann.page);
        await listenToLiveRegions(chat);
        await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
        await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();

        // The agent types: the resident sees "Sam is typing…" and a screen reader hears it once.
        await agent.getByLabel('Reply to Ann Resident').pressSequentially('Hello Ann');
        await ann.chat.getByText('Sam is typing…').waitFor();
        expect(await expectAnnounced(chat, 'Sam is typing a message')).toMatchObject({ politeness: 'polite' });

        // The agent's message is announced politely, with who said it.
        await agent.getByLabel('Reply to Ann Resident').press('Enter');
        expect(await expectAnnounced(chat, 'Sam says: Hello Ann')).toMatchObject({ politeness: 'polite' });
        await ann.chat.getByRole('log', { name: 'Messages' }).getByText('Hello Ann').waitFor();
        await expect.poll(() => ann.chat.getByText('Sam is typing…').count()).toBe(0);
        // Said once (the log itself is not live, so it does not repeat it).
        expect((await announcements(chat)).filter((a) => a.text.includes('Hello Ann'))).toHaveLength(1);

        // The resident replies: the agent, looking at that chat, hears it in #ward-announcements.
        await residentSends(ann, 'My boiler is broken');
        expect(await expectAnnounced(agent, 'Ann Resident: My boiler is broken')).toMatchObject({
          politeness: 'polite',
          region: 'ward-announcements',
        });
        expect((await announcements(agent)).filter((a) => a.text.includes('My boiler is broken'))).toHaveLength(1);
        expect(await agent.locator('#ward-announcements').getAttribute('aria-live')).toBe('polite');

        // With the chat closed, the launcher's name says how many new messages wait.
        await ann.chat.getByLabel('Type your message').press('Escape');
        await ann.page.getByRole('button', { name: 'Chat with us', exact: true }).waitFor();
        await agent.getByLabel('Reply to Ann Resident').fill('An engineer will call you today');
        await agent.getByLabel('Reply to Ann Resident').press('Enter');
        await ann.page.getByRole('button', { name: 'Chat with us, 1 new message', exact: true }).waitFor();
      } finally {
        await ann.context.close();
      }
    } finally {
      await agent.context().close();
    }
  });

  it('on a full-screen chat, Tab and Shift+Tab go round the whole chat and never reach the page hidden behind it', async () => {
    const context = await ward.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      // No adviser is at their console (the one of the test before has gone): every topic is open but
      // not staffed, so each says so with its leave-a-message link (issue 11).
      await expect.poll(() => staffedTopics(ward.t.url)).toEqual([]);
      const page = await context.newPage();
      await page.goto(`${ward.t.url}/`);
      await tabTo(page, page, (f) => f.name === 'Chat with us', 'the launcher', { max: 5 });
      await page.keyboard.press('Enter');
      const chat = await chatFrame(page);
      await expectFocus(chat, { tag: 'h1', name: 'Start a chat' }, 'the "Start a chat" heading');

      // Going forwards passes every control, Close included, and comes round again; going
      // backwards does the same the other way. Focus never lands on the page behind the chat.
      // The demo council offers a sensitive topic, so "Exit this page" comes first (ADR 31).
      const topics = ['Council Tax', 'Bins and recycling', 'Housing', 'Domestic abuse', 'Parking', 'Something else'];
      const stops = [
        'Emergency Exit this page',
        'Cymraeg: Newid iaith y sgwrs hon i’r Gymraeg',
        'Close chat window',
        'Name',
        'Email address (optional)',
        'Council Tax',
        ...topics.map((topic) => `Leave a message about ${topic} instead (opens in new tab)`),
        'Read our privacy notice (opens in new tab)',
        'I have read how my information will be used',
        'Start chat',
        'Accessibility statement (opens in new tab)',
      ];
      const goRound = async (key: 'Tab' | 'Shift+Tab', expected: string[]) => {
        for (const [index, name] of expected.entries()) {
          await page.keyboard.press(key);
          await expectFocus(chat, (f) => f.name === name, `"${name}" after ${key} ${index + 1} times`);
          expect((await focusedIn(page)).tag, `${key} ${index + 1} left the chat`).toBe('iframe');
        }
      };
      // From the heading, the first Tab reaches the form: the header's three controls come round after.
      await goRound('Tab', [...stops.slice(3), ...stops]);
      await goRound('Shift+Tab', [...stops.slice().reverse().slice(1), stops[stops.length - 1] as string]);
    } finally {
      await context.close();
    }
  });

  it.each([
    { screen: 'a 320px wide phone', viewport: { width: 320, height: 640 } },
    { screen: '400% zoom on a 1280×1024 screen', viewport: { width: 320, height: 256 } },
  ])(
    'the chat and the console reflow without sideways scrolling on $screen',
    { timeout: 90_000 },
    async ({ viewport }) => {
      const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const resident = await ward.browser.newContext({ viewport });
      const agentContext = await ward.browser.newContext({ viewport });
      try {
        // The council page and the chat app both allow zooming.
        const page = await resident.newPage();
        await page.goto(`${ward.t.url}/`);
        await expectZoomAllowed(page, 'demo page');
        await expectUsableWhenSmall(page, 'the council page');

        // The pre-chat form, empty and then with its errors.
        await page.getByRole('button', { name: 'Chat with us' }).click();
        const chat = page.frameLocator('iframe[title="Chat with the council"]');
        await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
        const frame = await chatFrame(page);
        await expectZoomAllowed(frame, 'chat app');
        await expectUsableWhenSmall(page, 'the pre-chat form', frame);
        await chat.getByRole('button', { name: 'Start chat' }).click();
        await chat.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await expectUsableWhenSmall(page, 'the pre-chat form with errors', frame);

        // The dialogue, with long words and messages from both sides.
        await chat.getByLabel('Name').fill('Zoë Zoomington-Smythe');
        await chat.getByRole('radio', { name: 'Parking' }).check();
        await chat.getByRole('checkbox', { name: 'I have read how my information will be used' }).check();
        await chat.getByRole('button', { name: 'Start chat' }).click();
        await chat.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();
        const caseReference = (await chat.locator('.ward-case-reference').textContent()) ?? '';
        await expectUsableWhenSmall(page, 'the waiting dialogue', frame);
        const longWord = 'https://www.example.gov.uk/parking/permits/residents/apply-for-a-visitor-permit-online';
        await chat.getByLabel('Type your message').fill(`My permit reference is on ${longWord}`);
        await chat.getByRole('button', { name: 'Send' }).click();
        await chat.getByText('Delivered').waitFor();

        // The console: sign-in (with its errors), then the chats page with a queue and a chat.
        await ward.t.startChat({ name: 'Bob Waiting', topic: 'council-tax' });
        const agent = await agentContext.newPage();
        await agent.goto(`${ward.t.url}/console/chats`);
        await agent.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
        await expectZoomAllowed(agent, 'console');
        await expectUsableWhenSmall(agent, 'the console sign-in page');
        await agent.getByRole('button', { name: 'Sign in' }).click();
        await agent.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await expectUsableWhenSmall(agent, 'the console sign-in page with errors');
        await agent.getByLabel('Email address').fill(staff.email);
        await agent.getByLabel('Password', { exact: true }).fill(password);
        await agent.getByRole('button', { name: 'Sign in' }).click();
        await agent.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
        await agent.getByRole('button', { name: `Accept chat ${caseReference}` }).waitFor();
        await expectUsableWhenSmall(agent, 'the console chats page with a queue');

        await agent.getByRole('button', { name: `Accept chat ${caseReference}` }).click();
        await agent
          .getByRole('log', { name: 'Messages with Zoë Zoomington-Smythe' })
          .getByText(longWord, { exact: false })
          .waitFor();
        await agent.getByLabel('Reply to Zoë Zoomington-Smythe').fill(`Thanks, I can see ${longWord}`);
        await agent.getByLabel('Reply to Zoë Zoomington-Smythe').press('Enter');
        await chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
        await chat.getByRole('log', { name: 'Messages' }).getByText('Thanks, I can see', { exact: false }).waitFor();
        await expectUsableWhenSmall(agent, 'the console with an open chat');
        await expectUsableWhenSmall(page, 'the dialogue with messages', frame);
      } finally {
        await resident.close();
        await agentContext.close();
      }
    },
  );

  it('an agent signs in, accepts a waiting chat and replies with the keyboard only, starting from the skip link', async () => {
    const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
    const resident = await ward.t.startChat({ name: 'Kim Waiting', topic: 'bins' });
    const residentSocket = await ward.t.visitorSocket(resident.visitorToken);
    const received: string[] = [];
    residentSocket.on('message', (message) => received.push(message.body));
    const context = await ward.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${ward.t.url}/console/chats`);
      await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();

      // The skip link is the first Tab stop, and takes focus to the main content.
      await page.keyboard.press('Tab');
      await expectFocus(page, { tag: 'a', name: 'Skip to main content' }, 'the skip link');
      await page.keyboard.press('Enter');
      await expectFocus(page, { tag: 'main', id: 'main-content' }, 'the main content');

      // The language switch opens the main content (as on gov.wales), then the form's first field.
      await page.keyboard.press('Tab');
      await expectFocus(page, { tag: 'button', name: 'Cymraeg' }, 'the switch to Welsh');
      await page.keyboard.press('Tab');
      await expectFocus(page, { tag: 'input', id: 'email' }, 'the first field of the form');

      // Sign in: an empty form first, which focuses the error summary; then email, password, Enter.
      await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Sign in', 'the Sign in button', { max: 2 });
      await page.keyboard.press('Enter');
      await expectFocus(page, (f) => f.tag === 'div' && f.name.startsWith('There is a problem'), 'the error summary');
      await expect.poll(() => page.title()).toMatch(/^Error: Sign in/);
      await tabTo(page, page, (f) => f.tag === 'a' && /email/i.test(f.name), 'the email error link', { max: 1 });
      await page.keyboard.press('Enter');
      await expectFocus(page, { tag: 'input', id: 'email' }, 'the email field');
      await page.keyboard.type(staff.email);
      await page.keyboard.press('Tab');
      await expectFocus(page, { tag: 'input', id: 'password' }, 'the password field');
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
      await expectFocus(page, { tag: 'h1', name: 'Chats' }, 'the Chats heading');

      // On the chats page too, the skip link comes first.
      await page.reload();
      await page.getByRole('button', { name: `Accept chat ${resident.caseReference}` }).waitFor();
      await page.keyboard.press('Tab');
      await expectFocus(page, { tag: 'a', name: 'Skip to main content' }, 'the skip link on the chats page');
      await page.keyboard.press('Enter');
      await expectFocus(page, { tag: 'main', id: 'main-content' }, 'the main content of the chats page');

      // Accept the waiting chat from its button; focus goes to the reply box. On the way: the
      // shortcuts, the agent's status, and the chats earlier tests left waiting.
      await tabTo(
        page,
        page,
        (f) => f.tag === 'button' && f.name === `Accept chat ${resident.caseReference}`,
        `the "Accept chat ${resident.caseReference}" button`,
        { max: 8 },
      );
      await page.keyboard.press('Enter');
      await expectFocus(page, { tag: 'textarea', name: 'Reply to Kim Waiting' }, 'the reply box');

      // Type a reply and send it with Enter: it reaches the resident, and the box is ready for the next.
      await page.keyboard.type('Hello Kim, I can help with your bins');
      await page.keyboard.press('Enter');
      await page
        .getByRole('log', { name: 'Messages with Kim Waiting' })
        .getByText('Hello Kim, I can help with your bins')
        .waitFor();
      await expect.poll(() => received).toContain('Hello Kim, I can help with your bins');
      await expectFocus(page, { tag: 'textarea', name: 'Reply to Kim Waiting' }, 'the reply box, still');
      expect(await page.getByLabel('Reply to Kim Waiting').inputValue()).toBe('');
      await expectNoAxeViolations(page);
    } finally {
      residentSocket.disconnect();
      await context.close();
    }
  });
});
