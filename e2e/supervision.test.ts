import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations, residentSends, residentStartsChat } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('a supervisor', () => {
  const ward = useWardAndBrowser();

  it(
    'follows a live chat read-only from the live view and takes it over; the resident is told, the adviser’s console lets go',
    { timeout: 240_000 },
    async () => {
      const { t } = ward;
      const supervisorStaff = await t.signUpStaff({ role: 'supervisor', firstName: 'Sue', lastName: 'Pervisor' });
      const agentStaff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Adviser' });
      const agent = await agentSignsIn(ward.browser, t.url, agentStaff.email, password);
      const ann = await residentStartsChat(ward.browser, t.url, { name: 'Ann Resident', topic: 'Council Tax' });
      const supervisor = await agentSignsIn(ward.browser, t.url, supervisorStaff.email, password);
      try {
        await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
        await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
        await residentSends(ann, 'I think my Council Tax band is wrong');

        // The live view: the chat in progress, who handles it, and the adviser connected with one chat.
        await supervisor.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Live view' }).click();
        await supervisor.getByRole('heading', { name: 'Live view', level: 1 }).waitFor();
        const chatsTable = supervisor.getByRole('region', { name: 'Chats in progress' });
        const row = supervisor.getByRole('row').filter({ hasText: ann.caseReference });
        await row.getByText('Sam Adviser').waitFor();
        const staffRow = supervisor
          .getByRole('row')
          .filter({ hasText: 'Sam Adviser' })
          .filter({ hasText: 'Connected' });
        await staffRow.waitFor();
        expect(await supervisor.locator('main').textContent()).not.toContain('Ann Resident');
        await expectNoAxeViolations(supervisor);
        // On a phone (or at 400% zoom) nothing but the tables' own regions scroll sideways.
        await supervisor.setViewportSize({ width: 320, height: 640 });
        expect(await supervisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await expectNoAxeViolations(supervisor);
        await supervisor.setViewportSize({ width: 1280, height: 800 });

        // Open it: the transcript, live, and no reply box.
        await chatsTable.getByRole('link', { name: `Open chat ${ann.caseReference}` }).click();
        await supervisor.getByRole('heading', { name: `Chat ${ann.caseReference}`, level: 1 }).waitFor();
        const log = supervisor.getByRole('log', { name: 'Messages with Ann Resident' });
        await log.getByText('I think my Council Tax band is wrong').waitFor();
        expect(await supervisor.getByRole('textbox').count()).toBe(0);
        await agent.getByLabel('Reply to Ann Resident').fill('Let me check your band');
        await agent.getByRole('button', { name: 'Send', exact: true }).click();
        await log.getByText('Let me check your band').waitFor();
        await expectNoAxeViolations(supervisor);

        // Take it over.
        await supervisor.getByRole('button', { name: `Take over chat ${ann.caseReference}` }).click();
        await supervisor.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
        await supervisor.getByRole('heading', { name: 'Ann Resident', level: 2 }).waitFor();
        await ann.chat.getByRole('log', { name: 'Messages' }).getByText('A colleague has joined the chat').waitFor();
        // The adviser's console lets the chat go, and says so.
        await expect.poll(() => agent.getByRole('button', { name: new RegExp(ann.caseReference) }).count()).toBe(0);
        await expect
          .poll(() => agent.locator('#ward-announcements').textContent())
          .toContain(`A colleague has taken over chat ${ann.caseReference}`);
        await expectNoAxeViolations(agent);

        await supervisor.getByLabel('Reply to Ann Resident').fill('I am a supervisor and can help');
        await supervisor.getByRole('button', { name: 'Send', exact: true }).click();
        await ann.chat.getByRole('log', { name: 'Messages' }).getByText('I am a supervisor and can help').waitFor();
        await expectNoAxeViolations(supervisor);

        // Opening and taking over are in the audit trail.
        const audited = await t.app.db
          .selectFrom('audit_events')
          .select(['action'])
          .where('purpose', '=', 'supervision')
          .orderBy('id')
          .execute();
        expect(audited.map((entry) => entry.action)).toEqual(['read', 'update', 'read']);
      } finally {
        await ann.context.close();
        await agent.context().close();
        await supervisor.context().close();
      }
    },
  );
});
