import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions, tabTo } from './support/keyboard.ts';
import { expectNoAxeViolations, widgetFrame } from './support/pages.ts';
import { writeOrganisationFile } from '../packages/server/test/support/organisation-file.ts';

// A date question, so the pre-chat form needs the chunk fetched after opening (ADR 49) before it shows.
const organisationFile = await writeOrganisationFile({
  preChatQuestions: [
    {
      id: 'missed-on',
      label: 'When was your bin missed?',
      type: 'date',
      when: 'past',
      required: true,
      topics: ['bins'],
    },
  ],
});

const connectionProblem =
  'Sorry, there is a problem connecting to the service. Check your internet connection and try again.';

/** The problem as the page shows it (the live region says it too, out of sight). */
const problemShown = (chat: Frame, text: string | RegExp = connectionProblem) =>
  chat.locator('main p.ward-body', { hasText: text });

async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

/** The widget's later chunk fails to download while `offline` is set (a network blip), as a browser sees it. */
async function flakyLaterChunk(page: Page) {
  const network = { offline: true, failed: 0 };
  await page.route(/\/widget\/app\/later-[^/]+\.js$/, (route) => {
    if (!network.offline) return route.continue();
    network.failed++;
    return route.abort('internetdisconnected');
  });
  return network;
}

describe('the widget when its later chunk cannot be downloaded (issue 13)', () => {
  const ward = useWardAndBrowser({ env: { WARD_ORGANISATION_FILE: organisationFile } });

  it('the pre-chat form says so in the language shown, and Try again brings the form', async () => {
    const context = await ward.browser.newContext();
    try {
      const page = await context.newPage();
      const network = await flakyLaterChunk(page);
      await page.goto(`${ward.t.url}/`);
      await page.getByRole('button', { name: /Chat with us/ }).click();
      const chat = await chatFrame(page);
      await chat.getByRole('heading', { name: 'Sorry, there is a problem' }).waitFor();
      await problemShown(chat).waitFor();
      expect(network.failed).toBeGreaterThan(0);
      await expectNoAxeViolations(page, widgetFrame);

      // Still offline: Try again, reached by keyboard, fails again and the live region says so again.
      await listenToLiveRegions(chat);
      await tabTo(page, chat, (f) => f.tag === 'button' && f.name === 'Try again', 'Try again');
      const failedBefore = network.failed;
      await page.keyboard.press('Enter');
      await expectAnnounced(chat, connectionProblem);
      expect(network.failed).toBe(failedBefore + 1);
      await expectFocus(chat, { tag: 'button', name: 'Try again' }, 'Try again');

      // In Welsh, without the chunk: the opening catalogue has the words.
      await chat.getByRole('link', { name: /^Cymraeg/ }).click();
      await chat.getByRole('heading', { name: 'Mae’n ddrwg gennym, mae problem' }).waitFor();
      await problemShown(chat, /mae problem wrth gysylltu â’r gwasanaeth/).waitFor();
      await expectNoAxeViolations(page, widgetFrame);

      // Back online: Try again brings the form, and the date box takes a Welsh month.
      network.offline = false;
      await chat.getByRole('button', { name: 'Rhoi cynnig arall arni' }).focus();
      await page.keyboard.press('Enter');
      await chat.getByRole('heading', { name: 'Dechrau sgwrs' }).waitFor();
      await chat.getByLabel('Enw').fill('Siân Preswylydd');
      await chat.getByRole('radio', { name: 'Bins and recycling' }).check();
      const missedOn = chat.getByRole('group', { name: 'When was your bin missed?' });
      await missedOn.getByLabel('Diwrnod').fill('3');
      await missedOn.getByLabel('Mis').fill('Mawrth');
      await missedOn.getByLabel('Blwyddyn').fill('2025');
      await chat.getByRole('button', { name: 'Dechrau sgwrs' }).click();
      await chat.getByRole('heading', { name: 'Yn aros am gynghorydd…' }).waitFor();
      await expectNoAxeViolations(page, widgetFrame);
    } finally {
      await context.close();
    }
  });

  it('End chat says so, keeps focus on its button, now Try again, and then asks to confirm', async () => {
    const context = await ward.browser.newContext();
    try {
      const page = await context.newPage();
      const network = await flakyLaterChunk(page);
      network.offline = false;
      await page.goto(`${ward.t.url}/`);
      await page.getByRole('button', { name: /Chat with us/ }).click();
      let chat = await chatFrame(page);
      await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
      await chat.getByLabel('Name').fill('Alex Resident');
      await chat.getByRole('radio', { name: 'Council Tax' }).check();
      await chat.getByRole('button', { name: 'Start chat' }).click();
      await chat.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();

      // The page is reloaded while the connection is poor: the chat comes back, the chunk does not.
      network.offline = true;
      await page.reload();
      chat = await chatFrame(page);
      await chat.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();
      await expect.poll(() => network.failed).toBeGreaterThan(0);
      // Fetched ahead, quietly: nothing is said until the resident asks for End chat.
      expect(await problemShown(chat).count()).toBe(0);
      await listenToLiveRegions(chat);

      await chat.getByRole('button', { name: 'End chat' }).focus();
      await page.keyboard.press('Enter');
      await problemShown(chat).waitFor();
      await expectAnnounced(chat, connectionProblem);
      await expectFocus(chat, { tag: 'button', name: 'Try again' }, 'Try again, where End chat was');
      await expectNoAxeViolations(page, widgetFrame);

      network.offline = false;
      await page.keyboard.press('Enter');
      await expectFocus(chat, { name: 'Are you sure you want to end this chat?' }, 'the confirm question');
      expect(await problemShown(chat).count()).toBe(0);
      await chat.getByRole('button', { name: 'Yes, end chat' }).click();
      await chat.getByRole('heading', { name: 'Your chat has ended' }).waitFor();
      await expectNoAxeViolations(page, widgetFrame);
    } finally {
      await context.close();
    }
  });
});
