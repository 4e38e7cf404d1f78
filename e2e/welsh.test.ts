import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { agentSignsIn, expectNoAxeViolations, widgetFrame } from './support/pages.ts';
import { expectFocus, tabTo } from './support/keyboard.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { startSmtpSink } from '../packages/server/test/support/smtp-sink.ts';

const password = 'correct horse battery staple';

/** A council page in Welsh, on Ward's own address (allowed to frame the chat), with the loader on it. */
async function welshCouncilPage(page: Page, baseUrl: string): Promise<void> {
  await page.route(`${baseUrl}/tudalen-gymraeg`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>Cysylltu â ni</title></head>
<body><main><h1>Cysylltu â ni</h1><p>Gallwch sgwrsio â ni ar-lein.</p></main>
<script src="/widget/loader.js" data-ward-organisation="demo" async></script></body></html>`,
    }),
  );
  await page.goto(`${baseUrl}/tudalen-gymraeg`);
}

/** The chat iframe's document, once the loader has created it. */
async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

const documentLanguage = async (page: Page) => (await chatFrame(page)).evaluate(() => document.documentElement.lang);

describe('the chat in Welsh (issue 13, ADR 49)', () => {
  // A real SMTP server receives the transcript; Ward starts once its address is known.
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const options = { env: {} as Record<string, string> };
  beforeAll(async () => {
    smtp = await startSmtpSink();
    options.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const ward = useWardAndBrowser(options);

  it(
    'a resident on a Welsh page chats in Welsh from the form to the transcript, and the adviser sees it is in Welsh',
    { timeout: 180_000 },
    async () => {
      const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
      const context = await ward.browser.newContext();
      try {
        const page = await context.newPage();
        await welshCouncilPage(page, ward.t.url);
        await page.getByRole('button', { name: 'Sgwrsiwch â ni' }).click();
        const chat: FrameLocator = page.frameLocator('iframe[title="Sgwrsio â’r cyngor"]');
        await chat.getByRole('heading', { name: 'Dechrau sgwrs' }).waitFor();
        expect(await documentLanguage(page)).toBe('cy');
        await expectNoAxeViolations(page, widgetFrame);

        // A mistake is explained in Welsh.
        await chat.getByRole('button', { name: 'Dechrau sgwrs' }).click();
        await chat.getByRole('heading', { name: 'Mae problem' }).waitFor();
        await chat.getByRole('link', { name: 'Rhowch eich enw' }).waitFor();
        await expectNoAxeViolations(page, widgetFrame);

        await chat.getByLabel('Enw').fill('Siân Preswylydd');
        await chat.getByRole('radio', { name: 'Council Tax' }).check();
        await chat
          .getByRole('checkbox', { name: 'Rwyf wedi darllen sut y bydd fy ngwybodaeth yn cael ei defnyddio' })
          .check();
        await chat.getByRole('button', { name: 'Dechrau sgwrs' }).click();
        await chat.getByRole('heading', { name: 'Yn aros am gynghorydd…' }).waitFor();
        const shown = await chat.getByText(/Cyfeirnod eich achos: [0-9A-Z]{4}-[0-9A-Z]{4}/).textContent();
        const caseReference = /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(shown ?? '')![1]!;

        // The adviser sees the chat is in Welsh, in words, in the queue and in the chat.
        const waiting = agent.locator(':is(.ward-queue-list__item, .ward-queue-table tr):visible', {
          hasText: caseReference,
        });
        await waiting.getByText('Welsh', { exact: true }).waitFor();
        await agent.getByRole('button', { name: `Accept chat ${caseReference}` }).click();
        await agent.getByText('Language: Welsh').waitFor();

        await chat.getByRole('heading', { name: 'Rydych yn sgwrsio gyda Sam' }).waitFor();
        const log = chat.getByRole('log', { name: 'Negeseuon' });
        await log.getByText('Mae Sam wedi ymuno â’r sgwrs').waitFor();
        await agent.getByLabel('Reply to Siân Preswylydd').fill('Bore da, sut alla i helpu?');
        await agent.getByLabel('Reply to Siân Preswylydd').press('Enter');
        await log.getByText('Bore da, sut alla i helpu?').waitFor();
        await chat.getByLabel('Teipiwch eich neges').fill('Diolch');
        await chat.getByRole('button', { name: 'Anfon' }).click();
        await log.getByRole('listitem').filter({ hasText: 'Diolch' }).getByText('Wedi’i hanfon').waitFor();
        await expectNoAxeViolations(page, widgetFrame);

        // The resident ends the chat and asks for a transcript, in Welsh throughout.
        await chat.getByRole('button', { name: 'Dod â’r sgwrs i ben' }).click();
        await chat.getByRole('button', { name: 'Ydw, dod â’r sgwrs i ben' }).click();
        await chat.getByRole('heading', { name: 'Mae eich sgwrs wedi dod i ben' }).waitFor();
        await expectNoAxeViolations(page, widgetFrame);
        const mail = smtp.next();
        await chat.getByLabel('Cyfeiriad e-bost').fill('sian@example.com');
        await chat.getByRole('button', { name: 'Anfon trawsgrifiad ataf drwy e-bost' }).click();
        await chat.getByText('Byddwn yn anfon trawsgrifiad o’r sgwrs hon i sian@example.com.').waitFor();
        const requested = await ward.t.ownerDb
          .selectFrom('conversations')
          .select(['transcript_requested_at', 'language'])
          .where('case_reference', '=', caseReference)
          .executeTakeFirstOrThrow();
        expect(requested.language).toBe('cy');
        expect(requested.transcript_requested_at).not.toBeNull();
        // The transcript email is in Welsh, the chat's language.
        const received = await mail;
        expect(received.to).toBe('sian@example.com');
        expect(received.subject).toMatch(/^Eich sgwrs gyda /);
        expect(received.subject).toContain(`cyfeirnod achos ${caseReference}`);
        expect(received.text).toContain(
          'Anfonwyd yr e-bost hwn oherwydd i chi ofyn am drawsgrifiad ar ddiwedd y sgwrs.',
        );
        await expectNoAxeViolations(page, widgetFrame);
      } finally {
        await context.close();
        await agent.context().close();
      }
    },
  );

  it(
    'the language switch is reached by keyboard, changes the whole chat and is remembered',
    { timeout: 120_000 },
    async () => {
      const context = await ward.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${ward.t.url}/`);
        await page.getByRole('button', { name: 'Chat with us' }).click();
        const chat = await chatFrame(page);
        const frame = page.frameLocator('iframe[src*="/widget/app/"]');
        await frame.getByRole('heading', { name: 'Start a chat' }).waitFor();
        expect(await documentLanguage(page)).toBe('en-GB');

        await tabTo(page, chat, (f) => f.name === 'Cymraeg: Newid iaith y sgwrs hon i’r Gymraeg', 'the switch', {
          max: 6,
          backwards: true,
        });
        await page.keyboard.press('Enter');
        await frame.getByRole('heading', { name: 'Dechrau sgwrs' }).waitFor();
        await frame.getByRole('button', { name: 'Dechrau sgwrs' }).waitFor();
        expect(await documentLanguage(page)).toBe('cy');
        // Focus stays on the switch, now offering English; the launcher and the frame's name follow.
        await expectFocus(chat, (f) => f.name === 'English: Change the language of this chat to English', 'the switch');
        await page.locator('iframe[title="Sgwrsio â’r cyngor"]').waitFor();
        await page.getByRole('button', { name: 'Sgwrsiwch â ni' }).waitFor();
        await expectNoAxeViolations(page, widgetFrame);

        // Remembered in this tab: the chat opens in Welsh again after a reload.
        // (The chat was open, so the loader opens it again by itself.)
        await page.reload();
        await frame.getByRole('heading', { name: 'Dechrau sgwrs' }).waitFor();
        await frame.getByRole('link', { name: 'English: Change the language of this chat to English' }).click();
        await frame.getByRole('heading', { name: 'Start a chat' }).waitFor();
        expect(await documentLanguage(page)).toBe('en-GB');
      } finally {
        await context.close();
      }
    },
  );
});
