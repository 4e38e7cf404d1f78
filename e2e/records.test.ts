import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, residentSends, residentStartsChat } from './support/pages.ts';
import { faultReportedByApi, keyboardActivate, residentReportsFault } from './support/records-pages.ts';

const password = 'correct horse battery staple';

/** No sideways scrolling at this width (WCAG 1.4.10 Reflow); wide tables scroll inside their own region. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(size.scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(size.innerWidth);
}

/** A GOV.UK success banner has focus (it is named by its "Success" title) and says `text`. */
async function expectSuccess(page: Page, text: string): Promise<void> {
  await expectFocus(page, (f) => f.tag === 'div' && f.name === 'Success', 'the success banner');
  await page.getByRole('alert').filter({ hasText: 'Success' }).getByText(text).waitFor();
}

describe('customer records: one resident, every contact', () => {
  const ward = useWardAndBrowser();

  it('a fault report and a chat quoting its case reference end up on one record', { timeout: 240_000 }, async () => {
    const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
    await listenToLiveRegions(agent);

    // The resident reports a pothole on the public form and is given a case reference.
    const report = await residentReportsFault(ward.browser, ward.t.url, {
      name: 'Rita Resident',
      email: 'rita@example.com',
    });

    // Later she chats, with the same email address, and quotes that reference (in lower case).
    const resident = await residentStartsChat(ward.browser, ward.t.url, {
      name: 'Rita Resident',
      email: 'rita@example.com',
      topic: 'Something else',
    });
    await agent.getByRole('button', { name: `Accept chat ${resident.caseReference}` }).click();
    await residentSends(
      resident,
      `Hello, is there any news on my pothole report ${report.caseReference.toLowerCase()}?`,
    );

    // The agent is told the quoted case was found, and sees it in the chat pane.
    await expectAnnounced(agent, `Case ${report.caseReference} found: Fault report, online form, open`);
    const quoted = agent.getByRole('region', { name: 'Cases the resident quoted' });
    await quoted.getByRole('link', { name: report.caseReference }).waitFor();
    await quoted.getByText('Fault report · Online form · Highways and street lighting').waitFor();

    // The form created a record; it is offered as a match on the email address, and linked only when the agent says so.
    const records = agent.getByRole('region', { name: 'Customer record' });
    const card = records
      .locator('.govuk-summary-card')
      .filter({ has: agent.getByRole('heading', { name: 'Rita Resident' }) });
    await card.getByText('email address and name', { exact: true }).waitFor();
    await expectNoAxeViolations(agent);
    await card.getByRole('button', { name: 'Link chat to this record (Rita Resident)' }).press('Enter');
    await expectFocus(
      agent,
      (f) => f.tag === 'p' && f.name.startsWith('This chat is linked to a customer record'),
      'the linked record message',
    );
    await expectAnnounced(agent, 'The chat is linked to the record');

    // The record's timeline shows both contacts: the form and the chat.
    await keyboardActivate(agent, 'Open the customer record', 'the link to the record', { max: 2, tag: 'a' });
    await agent.getByRole('heading', { name: 'Rita Resident', level: 1 }).waitFor();
    const timeline = agent.getByRole('region', { name: 'Timeline of contacts' });
    const formRow = timeline.getByRole('row').filter({ has: agent.getByRole('link', { name: report.caseReference }) });
    const chatRow = timeline
      .getByRole('row')
      .filter({ has: agent.getByRole('link', { name: resident.caseReference }) });
    await formRow.getByText('Online form').waitFor();
    await formRow.getByText('Fault report').waitFor();
    await chatRow.getByText('Web chat').waitFor();
    expect(await formRow.getByRole('link', { name: report.caseReference }).getAttribute('href')).toBe(
      `/console/cases/${report.caseReference}`,
    );
    expect(agent.url()).not.toContain('rita');
    await expectNoAxeViolations(agent);

    // Each field's history says who added it and when.
    const emailHistory = agent.locator('details').filter({ hasText: /Email addresses: \d+ versions?/ });
    await emailHistory.locator('summary').press('Enter');
    await emailHistory
      .getByText(/Added by Ward \(form\) on/)
      .first()
      .waitFor();
    await expectNoAxeViolations(agent);
  });

  it('staff find, create, change, merge and unmerge records with the keyboard only', { timeout: 240_000 }, async () => {
    const reference = await faultReportedByApi(ward.t.url, { name: 'Lee Lamp', email: 'lee@example.com' });
    const staff = await ward.t.signUpStaff({ firstName: 'Kay', lastName: 'Board' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
    await listenToLiveRegions(agent);

    // Residents, from the navigation.
    await keyboardActivate(agent, 'Residents', 'the Residents navigation link', { tag: 'a' });
    await expectFocus(agent, { tag: 'h1', name: 'Residents' }, 'the Residents heading');
    await expectNoAxeViolations(agent);

    // An empty search is an error, summarised and focused.
    await keyboardActivate(agent, 'Search', 'the Search button', { tag: 'button' });
    await expectFocus(agent, (f) => f.name.startsWith('There is a problem'), 'the error summary');
    await expect.poll(() => agent.title()).toMatch(/^Error: Residents/);
    await expectNoAxeViolations(agent);

    // Searching for a resident with no record says so.
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    await expectFocus(agent, { id: 'record-search-name' }, 'the name field');
    await agent.keyboard.type('Nobody Here');
    await agent.keyboard.press('Enter');
    await expectAnnounced(agent, 'No records match');

    // Create a second record for Lee, with a mistake in the address first.
    await keyboardActivate(agent, 'Create a record', 'the Create a record link', { tag: 'a', backwards: true });
    await agent.getByLabel('Full name').waitFor();
    await expectFocus(agent, { tag: 'h1', name: 'Create a record' }, 'the Create a record heading');
    await agent.keyboard.press('Tab');
    await expectFocus(agent, { id: 'new-record-name' }, 'the full name field');
    await agent.keyboard.type('Lee Lamp');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Tab');
    await expectFocus(agent, { id: 'new-record-postcode' }, 'the postcode field');
    await agent.keyboard.type('ls1 4ap');
    await keyboardActivate(agent, 'Create record', 'the Create record button', { tag: 'button' });
    await expectFocus(agent, (f) => f.name.startsWith('There is a problem'), 'the error summary');
    expect(await agent.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter the first line of the address',
    ]);
    await expectNoAxeViolations(agent);
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    await expectFocus(agent, { id: 'new-record-line1' }, 'the first address line');
    await agent.keyboard.type('1 Mill Lane');
    await keyboardActivate(agent, 'Create record', 'the Create record button', { tag: 'button' });
    await expectSuccess(agent, 'Record created');
    await agent.getByRole('heading', { name: 'Lee Lamp', level: 1 }).waitFor();
    await expectNoAxeViolations(agent);

    // Add an email address, then change it, giving a reason.
    await keyboardActivate(agent, 'Add a detail', 'the Add a detail link', { tag: 'a' });
    await agent.getByRole('radio', { name: 'Email address' }).waitFor();
    await expectFocus(agent, { tag: 'h1', name: 'Add a detail' }, 'the Add a detail heading');
    await agent.getByRole('radio', { name: 'Email address' }).focus();
    await agent.keyboard.press('Space');
    await agent.keyboard.press('Tab');
    await expectFocus(agent, { id: 'detail-email' }, 'the email address field');
    await agent.keyboard.type('lee.old@example.com');
    await keyboardActivate(agent, 'Add detail', 'the Add detail button', { tag: 'button' });
    await expectSuccess(agent, 'Email address added');

    await keyboardActivate(agent, 'Change email address lee.old@example.com', 'the change link for the email address', {
      tag: 'a',
    });
    await agent.getByLabel('Reason for the change').waitFor();
    await expectFocus(agent, { tag: 'h1', name: 'Change email address' }, 'the change heading');
    await agent.getByLabel('Email address').fill('lee.lamp@example.com');
    await keyboardActivate(agent, 'Save email address', 'the Save button', { tag: 'button' });
    await expectFocus(agent, (f) => f.name.startsWith('There is a problem'), 'the error summary');
    expect(await agent.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter the reason for the change',
    ]);
    await expectNoAxeViolations(agent);
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    // A reason is free text: an NI number typed into it is removed before it is stored (issue 10).
    await agent.keyboard.type('Lee gave a new email address, NI AB 12 34 56 C');
    await keyboardActivate(agent, 'Save email address', 'the Save button', { tag: 'button' });
    await expectSuccess(agent, 'Email address changed');
    await agent.getByText('Email addresses: 2 versions').click();
    await agent
      .getByText(
        /Replaced by Kay Board on .*Reason: Lee gave a new email address, NI \[National Insurance number removed\]/,
      )
      .waitFor();
    expect(await agent.locator('main').textContent()).not.toContain('AB 12 34 56 C');
    await expectNoAxeViolations(agent);
    const duplicateUrl = agent.url();

    // Merge this record into the one the fault report made, found by its case reference.
    await keyboardActivate(agent, 'Merge this record into another', 'the merge link', { tag: 'a' });
    await agent.getByLabel('Case reference').waitFor();
    await expectFocus(agent, { tag: 'h1', name: 'Merge this record into another' }, 'the merge heading');
    await agent.getByLabel('Case reference').fill(reference.toLowerCase());
    await agent.getByLabel('Case reference').press('Enter');
    await agent.getByText('1 record found').waitFor();
    await agent.getByRole('radio', { name: 'Lee Lamp' }).focus();
    await agent.keyboard.press('Space');
    await agent.keyboard.press('Tab');
    await agent.keyboard.type('Same resident; reported a fault before we had their record');
    await keyboardActivate(agent, 'Continue', 'the Continue button', { tag: 'button' });
    await expectFocus(
      agent,
      { tag: 'h1', name: 'Are you sure you want to merge these records?' },
      'the confirmation heading',
    );
    await expectNoAxeViolations(agent);
    await keyboardActivate(agent, 'Yes, merge these records', 'the merge button', { tag: 'button' });
    await expectSuccess(agent, 'Records merged');

    // The surviving record has both records' details and the fault report on its timeline.
    await agent.getByText('lee.lamp@example.com', { exact: true }).first().waitFor();
    await agent.getByText('lee@example.com', { exact: true }).first().waitFor();
    await agent.getByRole('region', { name: 'Timeline of contacts' }).getByRole('link', { name: reference }).waitFor();
    await agent.getByRole('heading', { name: 'Records merged into this one' }).waitFor();
    await expectNoAxeViolations(agent);

    // The merged record's own address says where it went.
    await agent.goto(duplicateUrl);
    await agent.getByText('This record has been merged into another record').waitFor();
    await agent.getByRole('link', { name: 'Go to the record it was merged into' }).waitFor();
    await expectNoAxeViolations(agent);

    // Undo the merge, with a reason: the record stands on its own again.
    await keyboardActivate(agent, 'Undo this merge', 'the undo link', { tag: 'a' });
    await agent.getByLabel('Why are you undoing the merge?').waitFor();
    await expectFocus(agent, { tag: 'h1', name: 'Undo a merge' }, 'the undo heading');
    await agent.keyboard.press('Tab');
    await agent.keyboard.type('Merged by mistake');
    await keyboardActivate(agent, 'Undo merge', 'the Undo merge button', { tag: 'button' });
    await expectSuccess(agent, 'Merge undone');
    await agent.getByRole('heading', { name: 'Lee Lamp', level: 1 }).waitFor();
    await agent.getByText('There are no contacts on this record yet.').waitFor();
    await expectNoAxeViolations(agent);
  });

  it('the public form and the record pages reflow at 320 pixels wide', { timeout: 120_000 }, async () => {
    const reference = await faultReportedByApi(ward.t.url, { name: 'Nia Narrow', email: 'nia@example.com' });
    const resident = await (await ward.browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
    await resident.goto(`${ward.t.url}/forms/demo/report-a-fault`);
    await expectNoHorizontalScroll(resident, 'the fault report form');
    await resident.getByRole('button', { name: 'Send' }).click();
    await resident.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoHorizontalScroll(resident, 'the form with its errors');
    await expectNoAxeViolations(resident);

    const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Small' });
    const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
    await agent.setViewportSize({ width: 320, height: 640 });
    await agent.getByRole('link', { name: 'Residents' }).click();
    await agent.getByLabel('Case reference').fill(reference);
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await expectNoHorizontalScroll(agent, 'the search results');
    await agent.getByRole('region', { name: 'Records found' }).getByRole('link', { name: 'Nia Narrow' }).click();
    await agent.getByRole('heading', { name: 'Nia Narrow', level: 1 }).waitFor();
    await agent.getByRole('region', { name: 'Timeline of contacts' }).getByRole('link', { name: reference }).waitFor();
    await expectNoHorizontalScroll(agent, 'the record page');
    await expectNoAxeViolations(agent);
  });
});
