import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, widgetFrame } from './support/pages.ts';
import { writeOrganisationFile } from '../packages/server/test/support/organisation-file.ts';

// The council asks housing enquirers whether they are landlords and when the tenancy started, and must have both.
const organisationFile = await writeOrganisationFile({
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
    {
      id: 'tenancy-start',
      label: 'When did the tenancy start?',
      hint: 'For example, 27 3 2019',
      type: 'date',
      when: 'past',
      required: true,
      topics: ['housing'],
    },
    // Optional questions of online forms' other types, on the same page for axe.
    ...[
      { id: 'reply-to', label: 'Email for a reply', type: 'email' },
      { id: 'mobile', label: 'Mobile number', type: 'phone' },
      { id: 'postcode', label: 'Postcode of the property', type: 'postcode' },
      { id: 'area', label: 'Area', type: 'select', options: ['North', 'South'] },
      { id: 'tenant', label: 'Are you a council tenant?', type: 'checkbox' },
      { id: 'earlier', label: 'Case reference of an earlier contact', type: 'case-reference' },
    ].map((question) => ({ ...question, topics: ['housing'] })),
  ],
});

async function chatFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => widgetFrame.test(f.url())))).toBeDefined();
  return frame as Frame;
}

describe('a council’s own pre-chat question', () => {
  const ward = useWardAndBrowser({ env: { WARD_ORGANISATION_FILE: organisationFile } });

  it('blocks the start until required questions are answered correctly, then the adviser sees the answers', async () => {
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
    // GOV.UK's input types and autocomplete, so phones offer the right keyboard and browsers fill them in.
    const attributes = async (label: string) =>
      chat.getByLabel(label).evaluate((input) => [input.getAttribute('type'), input.getAttribute('autocomplete')]);
    expect(await attributes('Email for a reply (optional)')).toEqual(['email', 'email']);
    expect(await attributes('Mobile number (optional)')).toEqual(['tel', 'tel']);
    expect(await attributes('Postcode of the property (optional)')).toEqual(['text', 'postal-code']);
    await chat.getByLabel('Postcode of the property (optional)').fill('sw1a1aa');
    await chat.getByLabel('Area (optional)').selectOption('South');
    await chat.getByRole('group', { name: 'Are you a council tenant? (optional)' }).getByLabel('Yes').check();
    await expectNoAxeViolations(page, widgetFrame);

    await chat.getByRole('button', { name: 'Start chat' }).click();
    await expectFocus(chat, (f) => f.tag === 'div' && f.name.startsWith('There is a problem'), 'the error summary');
    expect(await chat.locator('.ward-error-summary a').allTextContents()).toEqual([
      'Select an answer to “Are you a landlord?”',
      'Enter an answer to “When did the tenancy start?”',
    ]);
    await expect.poll(() => chat.title()).toMatch(/^Error: /);
    await chat.locator('#question-landlord-error').getByText('Select an answer to “Are you a landlord?”').waitFor();
    await expectNoAxeViolations(page, widgetFrame);
    expect(await ward.t.ownerDb.selectFrom('conversations').select('id').execute()).toEqual([]);

    // The summary's link takes the resident to the first answer.
    await chat.locator('.ward-error-summary a').first().click();
    await expectFocus(chat, { tag: 'input', id: 'question-landlord' }, 'the first answer');
    await chat.getByRole('radio', { name: 'Yes' }).check();

    // A date that does not exist still blocks the start: its error links to the box in error.
    const tenancy = chat.getByRole('group', { name: 'When did the tenancy start?' });
    await tenancy.getByLabel('Day').fill('31');
    await tenancy.getByLabel('Month').fill('2');
    await tenancy.getByLabel('Year').fill('2019');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await expectFocus(chat, (f) => f.tag === 'div' && f.name.startsWith('There is a problem'), 'the error summary');
    expect(await chat.locator('.ward-error-summary a').allTextContents()).toEqual([
      'When did the tenancy start must be a real date',
    ]);
    expect(await tenancy.getByLabel('Day').getAttribute('class')).toContain('ward-input--error');
    expect(await tenancy.getByLabel('Year').getAttribute('class')).not.toContain('ward-input--error');
    await expectNoAxeViolations(page, widgetFrame);
    await chat.locator('.ward-error-summary a').click();
    await expectFocus(chat, { tag: 'input', id: 'question-tenancy-start-day' }, 'the day box');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('27');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('March');
    expect(await ward.t.ownerDb.selectFrom('conversations').select('id').execute()).toEqual([]);
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
    await answers.getByText('27 March 2019', { exact: true }).waitFor();
    expect(await answers.locator('.govuk-summary-list__row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Are you a landlord\?\s+Yes$/),
      expect.stringMatching(/^When did the tenancy start\?\s+27 March 2019$/),
      expect.stringMatching(/^Postcode of the property\s+SW1A 1AA$/),
      expect.stringMatching(/^Area\s+South$/),
      expect.stringMatching(/^Are you a council tenant\?\s+Yes$/),
    ]);
    await expectNoAxeViolations(agent);
    await context.close();
  }, 120_000);
});
