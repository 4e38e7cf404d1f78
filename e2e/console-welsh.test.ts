import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';
const pageLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('the staff console in Welsh (issue 13, ADR 51)', () => {
  const ward = useWardAndBrowser();

  it(
    'an adviser chooses Cymraeg on their account page and answers a chat in a Welsh console, axe clean',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(ward.browser, t.url, staff.email, password);
      expect(await pageLanguage(agent)).toBe('en-GB');

      // The choice, on their account page; the whole console changes at once.
      await agent.getByRole('link', { name: 'Your account: signed in as Sam Okafor' }).click();
      await agent.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
      await agent.getByRole('radio', { name: 'Cymraeg' }).check();
      await agent.getByRole('button', { name: 'Save language' }).click();
      await agent.getByRole('alert').getByText('Mae eich consol yn Gymraeg bellach.').waitFor();
      await agent.getByRole('heading', { name: 'Eich cyfrif', level: 1 }).waitFor();
      expect(await pageLanguage(agent)).toBe('cy');
      expect(await agent.title()).toBe('Eich cyfrif – Ward');
      await agent.getByRole('link', { name: 'Neidio i’r prif gynnwys' }).waitFor();
      await agent.getByRole('button', { name: 'Allgofnodi' }).waitFor();
      await expectNoAxeViolations(agent);

      // The chats workspace, in Welsh; a resident arrives and is announced in Welsh.
      await agent.getByRole('navigation', { name: 'Prif lywio' }).getByRole('link', { name: 'Sgwrsio' }).click();
      await agent.getByRole('heading', { name: 'Sgwrsio', level: 1 }).waitFor();
      await agent.getByText('Eich statws:').waitFor();
      const chat = await t.startChat({ name: 'Ann Resident', topic: 'bins' });
      await agent.getByRole('heading', { name: 'Preswylwyr yn aros (1)' }).waitFor();
      await expect
        .poll(() => agent.locator('#ward-announcements').textContent())
        .toContain(`Sgwrs newydd yn aros: Bins and recycling, cyfeirnod achos ${chat.caseReference}`);
      await expectNoAxeViolations(agent);

      await agent.getByRole('button', { name: `Derbyn sgwrs ${chat.caseReference}` }).click();
      const reply = agent.getByLabel('Ateb Ann Resident');
      await expect.poll(() => reply.evaluate((box) => box === document.activeElement)).toBe(true);
      const resident = await t.visitorSocket(chat.visitorToken);
      try {
        const ack = await resident.emitWithAck('message:send', {
          clientMessageId: randomUUID(),
          body: 'Ni chasglwyd fy miniau',
        });
        expect(ack).toMatchObject({ ok: true });
        const log = agent.getByRole('log', { name: 'Negeseuon gyda Ann Resident' });
        const message = log.getByRole('listitem').filter({ hasText: 'Ni chasglwyd fy miniau' });
        await message.waitFor();
        // Times as a Welsh council writes them: "2:05yp".
        expect(await message.locator('time').textContent()).toMatch(/^(\d{1,2}:\d{2}y[bp]|canol dydd|hanner nos)$/);
        // Beside and below the chat: the resident, their record, notes and transfer, in Welsh too.
        await agent.getByRole('heading', { name: 'Am y preswylydd' }).waitFor();
        await agent.getByRole('heading', { name: 'Cofnod cwsmer' }).waitFor();
        await agent.getByRole('button', { name: 'Creu cofnod newydd o’r sgwrs hon' }).waitFor();
        await agent.getByText('Ychwanegu nodyn mewnol').waitFor();
        await agent.getByText('Trosglwyddo’r sgwrs hon').waitFor();
        await reply.fill('Bore da, mi edrychaf ar hyn.');
        await reply.press('Enter');
        await log.getByText('Bore da, mi edrychaf ar hyn.').waitFor();
        await expectNoAxeViolations(agent);

        // Ending the chat: the check of the summary and the confirmation are in Welsh.
        await agent.getByRole('button', { name: 'Dod â’r sgwrs i ben' }).click();
        await agent.getByRole('heading', { name: 'Dod â’r sgwrs gyda Ann Resident i ben' }).waitFor();
        await agent.getByRole('button', { name: 'Cadw’r crynodeb a dod â’r sgwrs i ben' }).click();
        await agent.getByRole('link', { name: 'Rhowch grynodeb o’r cyswllt' }).waitFor();
        await expectNoAxeViolations(agent);
        await agent.getByLabel('Crynodeb o’r cyswllt').fill('Casgliad biniau wedi’i golli; wedi’i aildrefnu.');
        await agent.getByRole('button', { name: 'Cadw’r crynodeb a dod â’r sgwrs i ben' }).click();
        await agent
          .getByRole('alert')
          .getByText(`Mae sgwrs ${chat.caseReference} wedi dod i ben ac mae’r crynodeb wedi’i gadw`)
          .waitFor();
        await expectNoAxeViolations(agent);
      } finally {
        resident.disconnect();
      }

      // Kept on their account: a new page load opens in Welsh.
      await agent.reload();
      await agent.getByRole('heading', { name: 'Sgwrsio', level: 1 }).waitFor();
      expect(await pageLanguage(agent)).toBe('cy');

      // And back to English the same way.
      await agent.getByRole('link', { name: 'Eich cyfrif: wedi mewngofnodi fel Sam Okafor' }).click();
      await agent.getByRole('radio', { name: 'English' }).check();
      await agent.getByRole('button', { name: 'Cadw’r iaith' }).click();
      await agent.getByRole('alert').getByText('Your console is now in English.').waitFor();
      expect(await pageLanguage(agent)).toBe('en-GB');
      await expectNoAxeViolations(agent);
    },
  );
});
