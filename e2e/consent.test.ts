import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { startSmtpSink } from '../packages/server/test/support/smtp-sink.ts';
import { launchBrowser } from './support/browser.ts';
import { agentSignsIn, expectNoAxeViolations, residentStartsChat, widgetFrame } from './support/pages.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';

const password = 'correct horse battery staple';

describe('consent: given on the post-chat form, withdrawn through the emailed link, proved in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it(
    'publishes a notice, records the resident’s consents, and lets them withdraw one',
    { timeout: 180_000 },
    async () => {
      // An administrator publishes the council's privacy notice in Ward.
      const admin = await t.signUpStaff({ role: 'admin', firstName: 'Ada', lastName: 'Admin' });
      const console = await agentSignsIn(browser, t.url, admin.email, password);
      await listenToLiveRegions(console);
      await console.getByRole('link', { name: 'Consents' }).click();
      await console.getByRole('heading', { name: 'Consents', level: 1 }).waitFor();
      await console.getByRole('link', { name: 'Privacy notices' }).click();
      await console.getByRole('heading', { name: 'Privacy notices', level: 1 }).waitFor();
      await console.getByText('No version has been published in Ward yet').waitFor();
      await expectNoAxeViolations(console);
      await console.getByRole('button', { name: 'Publish this version' }).click();
      await console.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expect.poll(() => console.title()).toMatch(/^Error: Privacy notices/);
      await expectNoAxeViolations(console);
      await console.getByLabel('Version', { exact: true }).fill('2026-12');
      await console.getByLabel('Or the text of the notice').fill('We use your details to answer your enquiry.');
      await console.getByRole('button', { name: 'Publish this version' }).click();
      await expectAnnounced(console, 'Version 2026-12 of the privacy notice is published.');
      await console.getByRole('row', { name: /2026-12.*In effect/ }).waitFor();
      await expectNoAxeViolations(console);

      // A resident chats (ticking the pre-chat box), then opts in to service updates after it ends.
      const agentStaff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(browser, t.url, agentStaff.email, password);
      const cora = await residentStartsChat(browser, t.url, {
        name: 'Cora Resident',
        email: 'cora@example.com',
        topic: 'Bins and recycling',
      });
      await agent.getByRole('button', { name: `Accept chat ${cora.caseReference}` }).click();
      await cora.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await cora.chat.getByRole('button', { name: 'End chat' }).click();
      await cora.chat.getByRole('button', { name: 'Yes, end chat' }).click();
      await cora.chat.getByRole('heading', { name: 'Your chat has ended' }).waitFor();
      await cora.chat.getByRole('checkbox', { name: 'Email me about changes to council services' }).check();
      await cora.chat.getByRole('button', { name: 'Save my choices' }).click();
      await cora.chat.getByText('Your choices have been saved.').waitFor();
      const mail = smtp.next();
      await expect.poll(() => cora.chat.getByLabel('Email address').inputValue()).toBe('cora@example.com');
      await cora.chat.getByRole('button', { name: 'Email me a transcript' }).click();
      await expectNoAxeViolations(cora.page, widgetFrame);

      // The transcript ends with Cora's link; she withdraws her opt-in there.
      const link = /https?:\/\/\S+\/privacy\/choices\/[A-Za-z0-9_-]{32}/.exec((await mail).text)?.[0];
      expect(link).toBeDefined();
      const choices = await cora.context.newPage();
      await choices.goto(link!);
      await choices.getByRole('heading', { name: 'Your privacy choices', level: 1 }).waitFor();
      await expectNoAxeViolations(choices);
      expect(await choices.content()).not.toContain('Cora');
      await choices
        .getByRole('button', { name: 'Withdraw consent to Email me about changes to council services' })
        .click();
      await choices
        .getByText('You have withdrawn your consent to Email me about changes to council services.')
        .waitFor();
      await expectNoAxeViolations(choices);
      expect(await choices.title()).toMatch(/^Consent withdrawn/);

      // The console proves it: both consents, the notice version, and the withdrawal by the resident.
      await console.getByRole('link', { name: 'Consents' }).click();
      await console.getByLabel('Case reference').fill(cora.caseReference.toLowerCase());
      await console.getByRole('button', { name: 'Find consents' }).click();
      await expectAnnounced(console, '2 consents found.');
      const optIn = console.getByRole('row', { name: /service-updates/ });
      await optIn.getByText(/Withdrawn .* by the resident/).waitFor();
      await expect.poll(() => optIn.textContent()).toContain('2026-12');
      const preChat = console.getByRole('row', { name: /Checkbox on the pre-chat form/ });
      await expect.poll(() => preChat.textContent()).toContain('I have read how my information will be used');
      await expectNoAxeViolations(console);

      // Cora phones to withdraw the other one: the officer does it for her, after confirming.
      await preChat.getByRole('button', { name: 'Withdraw consent to enquiries' }).click();
      await console.getByRole('heading', { name: 'Withdraw this consent for the resident?' }).waitFor();
      await expectNoAxeViolations(console);
      await console.getByRole('button', { name: 'Withdraw consent', exact: true }).click();
      await preChat.getByText(/Withdrawn .* by staff/).waitFor();
      await expect
        .poll(
          async () =>
            (await fetch(`${t.url}/api/consents?caseReference=${cora.caseReference}`, {
              headers: { cookie: admin.cookie },
            }).then((r) => r.json())) as unknown,
        )
        .toMatchObject({ consents: [{ withdrawalMethod: 'staff' }, { withdrawalMethod: 'resident-link' }] });

      // The disclosure log opens for the same officer, with nothing to show yet.
      await console.getByRole('link', { name: 'Disclosures' }).click();
      await console.getByRole('heading', { name: 'Disclosure log', level: 1 }).waitFor();
      await console.getByRole('button', { name: 'Show disclosures' }).click();
      await console.getByText('No disclosures were recorded between those dates.').waitFor();
      await expectNoAxeViolations(console);
    },
  );
});
