import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { endInactiveChats } from '../packages/server/src/features/conversations/end-inactive-chats.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations, residentStartsChat, widgetFrame } from './support/pages.ts';
import { announcements, expectAnnounced, expectFocus, listenToLiveRegions, tabTo } from './support/keyboard.ts';

const password = 'correct horse battery staple';

async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

describe('a silent chat: the resident is warned before it closes and can stay (issue 11, WCAG 2.2.1)', () => {
  const ward = useWardAndBrowser();

  /** Nineteen minutes of silence since the adviser wrote, without waiting for them: the chat's times moved back. */
  async function silenceFor(caseReference: string, minutes: number) {
    const { id } = await ward.t.ownerDb
      .selectFrom('conversations')
      .select('id')
      .where('case_reference', '=', caseReference)
      .executeTakeFirstOrThrow();
    const by = sql`make_interval(secs => ${minutes * 60})`;
    await ward.t.ownerDb
      .updateTable('conversations')
      .set({ accepted_at: sql`accepted_at - ${by}` })
      .where('id', '=', id)
      .execute();
    await ward.t.ownerDb
      .updateTable('messages')
      .set({ created_at: sql`created_at - ${by}` })
      .where('conversation_id', '=', id)
      .execute();
  }

  it(
    'the resident sees and hears the closing time, presses Stay, and the chat carries on; the adviser sees it all',
    { timeout: 120_000 },
    async () => {
      const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
      const ann = await residentStartsChat(ward.browser, ward.t.url, {
        name: 'Ann Resident',
        topic: 'Bins and recycling',
      });
      await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
      await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await agent.getByLabel('Reply to Ann Resident').fill('Can you tell me your postcode?');
      await agent.keyboard.press('Enter');
      const log = ann.chat.getByRole('log', { name: 'Messages' });
      await log.getByText('Can you tell me your postcode?').waitFor();

      // Ann has started to answer, then stopped.
      const chat = await chatFrame(ann.page);
      await listenToLiveRegions(chat);
      await listenToLiveRegions(agent);
      await ann.chat.getByLabel('Type your message').fill('It is AB1 2CD');

      await silenceFor(ann.caseReference, 19);
      expect((await endInactiveChats(ward.t.app.ctx, { inactiveMinutes: 20 })).warned).toBe(1);

      // Ann is told at once (assertively), once, and her typing is left alone.
      const warning = /This chat will close at \d{1,2}:\d{2}[ap]m unless you choose to stay\./;
      await ann.chat.getByRole('alert').getByText(warning).waitFor();
      expect(await expectAnnounced(chat, 'unless you choose to stay')).toMatchObject({ politeness: 'assertive' });
      expect((await announcements(chat)).filter((a) => warning.test(a.text))).toHaveLength(1);
      await expectFocus(chat, { id: 'message' }, 'the message box, where Ann was typing');
      expect(await ann.chat.getByLabel('Type your message').inputValue()).toBe('It is AB1 2CD');
      await expectNoAxeViolations(ann.page, widgetFrame);

      // Sam sees the warning in the chat, and hears it.
      const pane = agent.locator('.ward-chat-pane__header');
      await pane.getByText('No activity').waitFor();
      await pane
        .getByText(/The chat closes at \d{1,2}:\d{2}[ap]m unless someone writes or Ann Resident chooses to stay\./)
        .waitFor();
      expect(await expectAnnounced(agent, `Chat ${ann.caseReference}: Ann Resident has been warned.`)).toMatchObject({
        politeness: 'polite',
      });
      await expectNoAxeViolations(agent);

      // Ann stays, from the keyboard; she is back in the message box with her words.
      await tabTo(ann.page, chat, (f) => f.name === 'Stay in this chat', 'the Stay button', { backwards: true });
      await ann.page.keyboard.press('Enter');
      await log.getByText('The resident chose to stay in the chat.').waitFor();
      await ann.chat.getByRole('button', { name: 'Stay in this chat' }).waitFor({ state: 'detached' });
      await expectFocus(chat, { id: 'message' }, 'the message box');
      await expectAnnounced(agent, `Ann Resident chose to stay in chat ${ann.caseReference}.`);
      await pane.getByText('No activity').waitFor({ state: 'detached' });

      // The chat carries on.
      await ann.page.keyboard.press('Enter');
      await log.getByRole('listitem').filter({ hasText: 'It is AB1 2CD' }).getByText('Delivered').waitFor();
      await agent.locator('.ward-chat-pane').getByText('It is AB1 2CD').waitFor();
      await expectNoAxeViolations(ann.page, widgetFrame);
      await expectNoAxeViolations(agent);
      await ann.context.close();
      await agent.context().close();
    },
  );
});
