import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { agentSignsIn, expectNoAxeViolations, residentStartsChat } from './support/pages.ts';

/** Issue 11: an agent keeps a canned reply and inserts it in a chat with the keyboard alone. */
describe('canned replies', () => {
  const ward = useWardAndBrowser();

  it('are kept in the console and inserted, filled in, from the reply box', { timeout: 180_000 }, async () => {
    const sam = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, sam.email, 'correct horse battery staple');

    const ann = await residentStartsChat(ward.browser, ward.t.url, { name: 'Ann Resident', topic: 'Council Tax' });
    await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
    await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();

    // Sam keeps a reply of his own.
    await agent.getByRole('link', { name: 'Manage canned replies' }).click();
    await agent.getByRole('heading', { name: 'Canned replies' }).waitFor();
    await agent.getByLabel('Title').fill('Greeting');
    await agent
      .getByLabel('Text')
      .fill('Hello {resident first name}, this is {agent first name}. Your reference is {case reference}.');
    await agent.getByRole('button', { name: 'Add canned reply' }).click();
    await agent.getByRole('heading', { name: 'Greeting' }).waitFor();
    await expectNoAxeViolations(agent);

    // Back in the chat: / in the empty reply box opens the list; typing searches; Enter inserts.
    await agent.getByRole('link', { name: /^Chats/ }).click();
    const reply = agent.getByLabel('Reply to Ann Resident');
    await reply.focus();
    await agent.getByText('type / in the empty reply box or press Ctrl and Space').waitFor();
    await agent.keyboard.press('/');
    const search = agent.getByRole('combobox', { name: 'Search canned replies' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await agent.keyboard.type('greet');
    await agent.getByRole('status').filter({ hasText: '1 canned reply found' }).waitFor();
    await agent.getByRole('option', { name: /Greeting/, selected: true }).waitFor();
    await expectNoAxeViolations(agent);
    await agent.keyboard.press('Enter');
    await expect.poll(() => reply.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => reply.inputValue()).toBe(`Hello Ann, this is Sam. Your reference is ${ann.caseReference}.`);
    // The agent edits before sending.
    await agent.keyboard.press('End');
    await agent.keyboard.type(' How can I help?');
    await agent.keyboard.press('Enter');
    await ann.chat
      .getByRole('log', { name: 'Messages' })
      .getByText(`Hello Ann, this is Sam. Your reference is ${ann.caseReference}. How can I help?`)
      .waitFor();

    // Escape goes back to the reply without inserting anything.
    await reply.focus();
    await agent.keyboard.press('Control+Space');
    await search.waitFor();
    await agent.keyboard.press('Escape');
    await expect.poll(() => reply.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await reply.inputValue()).toBe('');
  });
});
