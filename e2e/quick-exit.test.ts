import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort } from '../packages/server/src/shared/free-port.ts';
import { defaultOrganisation } from '../packages/server/src/shared/organisation-settings.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectNoAxeViolations, residentSends, residentStartsChat, widgetFrame } from './support/pages.ts';
import type { Resident } from './support/pages.ts';
import { writeOrganisationFile } from '../packages/server/test/support/organisation-file.ts';

// Tests cannot reach the internet: "Exit this page" goes to a page this Ward serves. The demo
// council page is served by Ward too, so the widget's storage is on the same origin and the test
// can read it from the top page after leaving.
const port = await freePort();
const neutralUrl = `http://127.0.0.1:${port}/accessibility`;
const organisationFile = await writeOrganisationFile({
  consent: defaultOrganisation.settings.consent,
  quickExitUrl: neutralUrl,
});

const exitButton = { name: 'Emergency Exit this page' };

/** Everything the widget keeps in the tab: the app's `ward:<organisation>:*` and the loader's `ward-open`. */
async function widgetStorage(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('ward')));
}

const ward = useWardAndBrowser({ env: { PORT: String(port), WARD_ORGANISATION_FILE: organisationFile } });

describe('quick exit from a chat about a sensitive subject', () => {
  const conversationStatus = async (caseReference: string) =>
    (
      await ward.t.ownerDb
        .selectFrom('conversations')
        .select('status')
        .where('case_reference', '=', caseReference)
        .executeTakeFirstOrThrow()
    ).status;

  /** The page was replaced by the neutral one, the chat ended and nothing of it is left in the tab. */
  async function expectGone(resident: Resident, demoUrl: string) {
    await resident.page.waitForURL(neutralUrl);
    expect(resident.page.url()).toBe(neutralUrl);
    expect(await widgetStorage(resident.page)).toEqual([]);
    await expect.poll(() => conversationStatus(resident.caseReference)).toBe('ended');
    // The council's page was replaced in the history: Back does not return to it.
    await resident.page.goBack().catch(() => null);
    expect(resident.page.url()).not.toBe(demoUrl);
  }

  it('offers Exit this page on the pre-chat form and in the chat, and pressing it leaves at once', async () => {
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Dee Safe',
      topic: 'Domestic abuse',
    });
    try {
      const demoUrl = resident.page.url();
      const button = resident.chat.getByRole('button', exitButton);
      await button.waitFor();
      // Red, at the top of the chat, above the conversation.
      const [buttonBox, logBox] = await Promise.all([
        button.boundingBox(),
        resident.chat.getByRole('log', { name: 'Messages' }).boundingBox(),
      ]);
      expect(buttonBox && logBox && buttonBox.y < logBox.y).toBe(true);
      expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(212, 53, 28)');
      await residentSends(resident, 'I need to talk to someone');
      await expectNoAxeViolations(resident.page, widgetFrame);
      expect(await widgetStorage(resident.page)).toEqual(
        expect.arrayContaining(['ward-open', 'ward:demo:conversation', 'ward:demo:messages']),
      );

      await button.click();
      await expectGone(resident, demoUrl);
    } finally {
      await resident.context.close();
    }
  });

  it('leaves the same way when the resident presses Shift three times', async () => {
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Dee Safe',
      topic: 'Domestic abuse',
    });
    try {
      const demoUrl = resident.page.url();
      await residentSends(resident, 'Is this private?');
      // Capitals typed with Shift do not count; three presses of Shift on its own do.
      const box = resident.chat.getByLabel('Type your message');
      await box.focus();
      await resident.page.keyboard.type('Hello Ward');
      expect(resident.page.url()).toBe(demoUrl);
      for (let press = 0; press < 3; press++) await resident.page.keyboard.press('Shift');
      await expectGone(resident, demoUrl);
    } finally {
      await resident.context.close();
    }
  });

  it('leaves from the council’s own page too: Shift pressed there three times', async () => {
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Dee Safe',
      topic: 'Domestic abuse',
    });
    try {
      const demoUrl = resident.page.url();
      await residentSends(resident, 'Someone may come in');
      // Focus on the council's page, outside the chat.
      await resident.page.mouse.click(5, 5);
      expect(await resident.page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
      for (let press = 0; press < 3; press++) await resident.page.keyboard.press('Shift');
      await expectGone(resident, demoUrl);
    } finally {
      await resident.context.close();
    }
  });

  it('does not show the button in a chat about an everyday topic', async () => {
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Bo Bins',
      topic: 'Bins and recycling',
    });
    try {
      await residentSends(resident, 'My bin was missed');
      expect(await resident.chat.getByRole('button', exitButton).count()).toBe(0);
      for (let press = 0; press < 3; press++) await resident.page.keyboard.press('Shift');
      // Nor does the council's page leave: the loader listens only while the exit is offered.
      await resident.page.mouse.click(5, 5);
      for (let press = 0; press < 3; press++) await resident.page.keyboard.press('Shift');
      expect(resident.page.url()).not.toBe(neutralUrl);
      await residentSends(resident, 'Still here');
      expect(await conversationStatus(resident.caseReference)).toBe('waiting');
    } finally {
      await resident.context.close();
    }
  });
});

describe('a roomier chat window', () => {
  it('shows at least eight short messages at 1280×800, with the read redaction notice folded to one line', async () => {
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Rita Roomy',
      topic: 'Council Tax',
    });
    try {
      await resident.page.setViewportSize({ width: 1280, height: 800 });
      await resident.chat.getByLabel('Type your message').fill('Can I pay with 4111 1111 1111 1111?');
      await resident.chat.getByRole('button', { name: 'Send' }).click();
      const notice = resident.chat.getByRole('region', { name: /We removed your card details/ });
      await notice.getByText('Never share card or bank details in a chat.', { exact: false }).waitFor();

      // Starting the next message counts as having read the notice: it folds to one line.
      await resident.chat.getByLabel('Type your message').fill('OK');
      await notice.getByRole('button', { name: 'Show more about what we removed' }).waitFor();
      expect(await notice.getByText('Never share card or bank details', { exact: false }).count()).toBe(0);
      const folded = await notice.boundingBox();
      expect(folded?.height).toBeLessThan(40);

      for (let n = 1; n <= 7; n++) await residentSends(resident, `Short message ${n}`);

      // All eight are in view in the log, with no scrolling.
      const log = resident.chat.getByRole('log', { name: 'Messages' });
      const items = log.getByRole('listitem');
      expect(await items.count()).toBeGreaterThanOrEqual(8);
      expect(await log.evaluate((element) => element.scrollHeight <= element.clientHeight)).toBe(true);
      const logBox = await log.boundingBox();
      if (!logBox) throw new Error('the message log is not shown');
      for (const item of await items.all()) {
        const box = await item.boundingBox();
        expect(box && box.y >= logBox.y && box.y + box.height <= logBox.y + logBox.height).toBe(true);
      }
      expect(logBox.y + logBox.height).toBeLessThanOrEqual(800);

      // The message box is one line until the text needs more, and grows with it.
      const box = resident.chat.getByLabel('Type your message');
      const oneLine = (await box.boundingBox())?.height ?? 0;
      expect(oneLine).toBeGreaterThanOrEqual(24);
      await box.fill('First line\nSecond line\nThird line');
      expect((await box.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine + 30);

      // The folded notice opens again in full.
      await notice.getByRole('button', { name: 'Show more about what we removed' }).click();
      await notice.getByText('Never share card or bank details in a chat.', { exact: false }).waitFor();
      await expectNoAxeViolations(resident.page, widgetFrame);
    } finally {
      await resident.context.close();
    }
  });
});
