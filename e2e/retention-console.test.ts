import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus, tabTo } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

describe('a privacy officer places a legal hold and lifts it in the console', () => {
  const ward = useWardAndBrowser();

  /** A chat an agent accepted and ended, over the sockets. */
  async function endedConversation(): Promise<string> {
    const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Agent' });
    const chat = await ward.t.startChat({ name: 'Ann Resident' });
    const socket = await ward.t.agentSocket(agent.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    await socket.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'How can I help?',
    });
    expect(
      (
        await socket.emitWithAck('conversation:end', {
          conversationId: chat.conversationId,
          summary: 'Complaint about a missed collection',
        })
      ).ok,
    ).toBe(true);
    socket.disconnect();
    return chat.caseReference;
  }

  it('from the conversation page to the Retention page, keyboard and axe clean', { timeout: 120_000 }, async () => {
    const caseReference = await endedConversation();
    const reason = 'Ombudsman complaint 24-001 about a missed collection';
    const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
    const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, 'correct horse battery staple');

    // The conversation page shows an administrator whether it is held, and the form to place a hold.
    await page.goto(`${ward.t.url}/console/conversations/${caseReference}`);
    await page.getByRole('heading', { name: caseReference, level: 1 }).waitFor();
    await page.getByText('Not on hold.').waitFor();
    await expectNoAxeViolations(page);

    // Submitting nothing: an error summary that links to each field.
    await page.getByRole('button', { name: 'Place hold' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Select what the hold covers' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the reason for the hold' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await page.getByLabel('Day').fill('31');
    await page.getByRole('button', { name: 'Place hold' }).click();
    await summary.getByRole('link', { name: 'The end date must include a month and year' }).click();
    await expectFocus(page, { id: 'hold-end-month' }, 'the month field of the end date');
    await expectNoAxeViolations(page);

    await page.getByLabel('Day').fill('');
    await page.getByRole('radio', { name: `This case (${caseReference})` }).check();
    await page.getByLabel('Reason for the hold').fill(reason);
    await page.getByRole('button', { name: 'Place hold' }).click();
    const placed = page.getByRole('alert').filter({ hasText: `${caseReference} is on hold` });
    await placed.waitFor();
    await expectFocus(page, { tag: 'div', name: 'Success' }, 'the success banner');
    const holdSection = page.getByRole('region', { name: 'Legal hold' });
    await holdSection.getByText('On hold', { exact: true }).waitFor();
    await holdSection.getByText(reason, { exact: false }).waitFor();
    await expect.poll(() => page.title()).not.toMatch(/^Error: /);
    await expectNoAxeViolations(page);

    // The Retention page lists the hold, and shows the conversation as held among what expires next.
    await page.getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    const holds = page.getByRole('region', { name: 'Active legal holds' });
    const row = holds.getByRole('row').filter({ hasText: reason });
    await row.waitFor();
    await row.getByText('Priya Officer').waitFor();
    await row.getByText('Until lifted').waitFor();
    const upcoming = page.getByRole('region', { name: 'What will be deleted next' });
    const upcomingRows = upcoming.getByRole('row').filter({ hasText: caseReference });
    await upcomingRows.first().waitFor();
    for (const text of await upcomingRows.allTextContents()) expect(text).toContain('On hold');
    await page.getByRole('heading', { name: 'Recent deletions' }).waitFor();
    await expectNoAxeViolations(page);

    // Lifting it with the keyboard: the button, then the confirmation.
    await page.getByRole('button', { name: `Lift hold on ${caseReference}` }).focus();
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'confirm-lift-heading' }, 'the confirmation question');
    await expectNoAxeViolations(page);
    await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Cancel', 'Cancel');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.tag === 'button' && f.name.startsWith('Lift hold'), 'the Lift hold button again');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'confirm-lift-heading' }, 'the confirmation question');
    await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Yes, lift hold', 'Yes, lift hold');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: `The hold on ${caseReference} has been lifted` })
      .waitFor();
    await expectFocus(page, { tag: 'div', name: 'Success' }, 'the success banner');
    await page.getByText('There are no active legal holds.').waitFor();
    await expectNoAxeViolations(page);

    // Lifted holds stay listed.
    await page.getByRole('link', { name: 'Lifted holds' }).click();
    const lifted = page
      .getByRole('region', { name: 'Lifted legal holds' })
      .getByRole('row')
      .filter({ hasText: reason });
    await lifted.getByText(/by Priya Officer/).waitFor();
    await expectNoAxeViolations(page);

    // And the conversation is no longer on hold.
    await lifted.getByRole('link', { name: caseReference }).click();
    await page.getByRole('heading', { name: caseReference, level: 1 }).waitFor();
    await page.getByText('Not on hold.').waitFor();
  });
});
