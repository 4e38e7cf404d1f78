import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { defaultOrganisation } from '../packages/server/src/shared/organisation-settings.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, widgetFrame } from './support/pages.ts';

// The council asks housing enquirers whether they are landlords, and must have an answer.
const organisationFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'ward-questions-')), 'organisation.json');
const { slug, name, settings } = defaultOrganisation;
await writeFile(
  organisationFile,
  JSON.stringify({
    slug,
    name,
    settings: {
      topics: settings.topics,
      preChatQuestions: [
        {
          id: 'landlord',
          label: 'Are you a landlord?',
          hint: 'You rent out a home you own',
          type: 'radios',
          options: ['Yes', 'No'],
          required: true,
          topics: ['housing'],
        },
      ],
    },
  }),
);

async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

describe('a council’s own pre-chat question', () => {
  const ward = useWardAndBrowser({ env: { WARD_ORGANISATION_FILE: organisationFile } });

  it('blocks the start until a required question is answered, then the adviser sees the answer', async () => {
    const context = await ward.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ward.t.url}/`);
    await page.getByRole('button', { name: /Chat with us/ }).click();
    const chat = await chatFrame(page);
    await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
    // Not asked for another topic.
    await chat.getByLabel('Name').fill('Lin Lord');
    await chat.getByRole('radio', { name: 'Bins and recycling' }).check();
    expect(await chat.getByRole('group', { name: 'Are you a landlord?' }).count()).toBe(0);
    await chat.getByRole('radio', { name: 'Housing', exact: true }).check();
    await chat.getByRole('group', { name: 'Are you a landlord?' }).waitFor();
    await expectNoAxeViolations(page, widgetFrame);

    await chat.getByRole('button', { name: 'Start chat' }).click();
    await expectFocus(chat, (f) => f.tag === 'div' && f.name.startsWith('There is a problem'), 'the error summary');
    expect(await chat.locator('.ward-error-summary a').allTextContents()).toEqual([
      'Select an answer to “Are you a landlord?”',
    ]);
    await expect.poll(() => chat.title()).toMatch(/^Error: /);
    await chat.locator('#question-landlord-error').getByText('Select an answer to “Are you a landlord?”').waitFor();
    await expectNoAxeViolations(page, widgetFrame);
    expect(await ward.t.ownerDb.selectFrom('conversations').select('id').execute()).toEqual([]);

    // The summary's link takes the resident to the first answer.
    await chat.locator('.ward-error-summary a').click();
    await expectFocus(chat, { tag: 'input', id: 'question-landlord' }, 'the first answer');
    await chat.getByRole('radio', { name: 'Yes' }).check();
    await chat.getByRole('button', { name: 'Start chat' }).click();
    const reference = await chat.getByText(/Your case reference: [0-9A-Z]{4}-[0-9A-Z]{4}/).textContent();
    const caseReference = /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(reference ?? '')?.[1];
    expect(caseReference).toBeDefined();
    await expectNoAxeViolations(page, widgetFrame);

    // The adviser sees the answer with the chat's details.
    const staff = await ward.t.signUpStaff({ firstName: 'Hal', lastName: 'Housing' });
    const { id } = await ward.t.ownerDb
      .selectFrom('conversations')
      .select('id')
      .where('case_reference', '=', caseReference!)
      .executeTakeFirstOrThrow();
    const socket = await ward.t.agentSocket(staff.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: id })).ok).toBe(true);
    socket.disconnect();
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, 'correct horse battery staple');
    await agent.goto(`${ward.t.url}/console/conversations/${caseReference}`);
    await agent.getByRole('heading', { name: 'Answers before the chat', level: 2 }).waitFor();
    const answers = agent.locator('.govuk-summary-list').filter({ hasText: 'Are you a landlord?' });
    await answers.getByText('Yes', { exact: true }).waitFor();
    await expectNoAxeViolations(agent);
    await context.close();
  }, 120_000);
});
