import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, residentStartsChat, widgetFrame } from './support/pages.ts';

const marker = '[card number removed]';

async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

describe('card details typed into the chat', () => {
  const ward = useWardAndBrowser();

  it('are replaced with a marker for both parties, and the resident is told why', { timeout: 120_000 }, async () => {
    const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, 'correct horse battery staple');
    const ann = await residentStartsChat(ward.browser, ward.t.url, { name: 'Ann Resident', topic: 'Council Tax' });
    await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
    await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();

    const frame = await chatFrame(ann.page);
    await listenToLiveRegions(frame);
    await ann.chat
      .getByLabel('Type your message')
      .fill('Can I pay with my card 4111 1111 1111 1111, expiry 04/27, CVV 123?');
    await ann.chat.getByRole('button', { name: 'Send' }).click();

    // The resident's own log shows what was stored, and a notice near the message box says why.
    const log = ann.chat.getByRole('log', { name: 'Messages' });
    const sent = log.getByRole('listitem').filter({ hasText: marker });
    await sent.getByText('Delivered').waitFor();
    expect(await sent.textContent()).toContain(
      `Can I pay with my card ${marker}, expiry [card details removed], CVV [card details removed]?`,
    );
    expect(await log.textContent()).not.toContain('4111');
    const notice = ann.chat.getByRole('region', { name: /We removed your card details/ });
    await notice.getByText('We removed your card details from that message to keep them safe.').waitFor();
    await notice.getByText('Never share card or bank details in a chat.', { exact: false }).waitFor();
    await expectAnnounced(frame, 'We removed your card details from that message to keep them safe.');
    await expectNoAxeViolations(ann.page, widgetFrame);

    // The agent sees only the marker.
    const agentLog = agent.getByRole('log', { name: 'Messages with Ann Resident' });
    await agentLog
      .getByText(`Can I pay with my card ${marker}, expiry [card details removed], CVV [card details removed]?`)
      .waitFor();
    expect(await agentLog.textContent()).not.toContain('4111');

    // Hiding the notice puts the resident back in the message box.
    await notice.getByRole('button', { name: 'Hide this message' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expectFocus(frame, { id: 'message' }, 'the message box');

    // A security code written in words after the card number goes too, and the resident is told again.
    await ann.chat
      .getByLabel('Type your message')
      .fill('My card is 5555 5555 5555 4444 and the three digits on the back are 321');
    await ann.chat.getByRole('button', { name: 'Send' }).click();
    const inWords = `My card is ${marker} and the three digits on the back are [card details removed]`;
    await log.getByText(inWords).waitFor();
    await agentLog.getByText(inWords).waitFor();
    expect(await agentLog.textContent()).not.toContain('back are 321');
    await ann.chat
      .getByRole('region', { name: /We removed your card details/ })
      .getByText('We removed your card details from that message to keep them safe.')
      .waitFor();

    // An agent who types card details is told too, and the resident sees only the marker.
    await agent.getByLabel('Reply to Ann Resident').fill('Please do not send 4111 1111 1111 1111 here');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent
      .getByRole('region', { name: 'Important' })
      .getByText('Ward removed card details from your message.')
      .waitFor();
    await log.getByText(`Please do not send ${marker} here`).waitFor();
    await expectNoAxeViolations(agent);
  });
});
