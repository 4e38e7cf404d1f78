import { describe, expect, it } from 'vitest';
import type { IntakeResponse } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { checkRadioWithKeyboard, tabToButtonAndPress, typeInto } from './support/cases.ts';

const password = 'correct horse battery staple';
const resident = { name: 'Wilhelmina Thornbury', email: 'wilhelmina.thornbury@example.com', phone: '01632 960 588' };

describe("a privacy officer finds a rights request's resident and confirms what is theirs", () => {
  const ward = useWardAndBrowser();

  it(
    'finds a chat and a logged phone call, confirms both, removes one, keyboard only, axe clean',
    { timeout: 120_000 },
    async () => {
      // The resident chatted, and later telephoned the council.
      const chat = await ward.t.startChat({ name: resident.name, email: resident.email });
      const agent = await ward.t.signUpStaff({ role: 'admin' });
      const logged = await fetch(`${ward.t.url}/api/intake/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: agent.cookie },
        body: JSON.stringify({
          channel: 'phone',
          departmentId: 'council-tax',
          summary: 'Asked about a council tax bill',
          name: resident.name,
          phone: resident.phone,
        }),
      });
      expect(logged.status).toBe(201);
      const call = (await logged.json()) as IntakeResponse;

      const officer = await ward.t.signUpStaff({ role: 'privacy_officer' });
      const requested = await fetch(`${ward.t.url}/api/rights-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officer.cookie },
        body: JSON.stringify({
          type: 'access',
          receivedOn: '2026-11-02',
          channel: 'email',
          requesterName: resident.name,
          requesterContact: resident.email,
        }),
      });
      expect(requested.status).toBe(201);

      const page = await agentSignsIn(ward.browser, ward.t.url, officer.email, password, 'Conversations');
      await listenToLiveRegions(page);
      await page
        .getByRole('navigation', { name: 'Primary navigation' })
        .getByRole('link', { name: 'Requests' })
        .click();
      await page.getByRole('link', { name: resident.name }).click();
      await page.getByRole('heading', { name: "Find the resident's data", level: 2 }).waitFor();
      await page.getByText('Nothing yet. Search, then confirm what belongs to the resident.').waitFor();
      await expectNoAxeViolations(page);

      // Nothing typed: the error summary says what to do, and the title says there is an error.
      const finder = page.getByRole('search', { name: "Find the resident's data" });
      await finder.getByLabel('Name', { exact: true }).focus();
      await tabToButtonAndPress(page, 'Search');
      await page
        .getByRole('alert')
        .getByRole('link', { name: 'Enter a name, email address, phone number, postcode or case reference' })
        .waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      await typeInto(page, 'Name', resident.name);
      await tabToButtonAndPress(page, 'Search');
      await expectAnnounced(page, 'Found 1 customer record and 2 contacts');
      const records = page.getByRole('table', { name: 'Customer records' });
      const contacts = page.getByRole('table', { name: 'Contacts' });
      await records
        .getByRole('row')
        .filter({ hasText: resident.name })
        .getByRole('cell', { name: 'Name', exact: true })
        .waitFor();
      const chatRow = contacts.getByRole('row').filter({ hasText: chat.caseReference });
      const callRow = contacts.getByRole('row').filter({ hasText: call.caseReference });
      await chatRow.getByRole('cell', { name: 'Web chat', exact: true }).waitFor();
      await callRow.getByRole('cell', { name: 'Telephone', exact: true }).waitFor();
      await expectNoAxeViolations(page);

      // Confirm the chat and the phone call, each with the keyboard.
      await chatRow.getByRole('button', { name: `Confirm Web chat ${chat.caseReference}` }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, `Confirmed Web chat ${chat.caseReference} as the resident's`);
      await chatRow.getByText('Confirmed', { exact: true }).waitFor();
      await callRow.getByRole('button', { name: `Confirm Telephone ${call.caseReference}` }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, `Confirmed Telephone ${call.caseReference} as the resident's`);
      const confirmed = page.getByRole('region', { name: "Confirmed as the resident's" });
      await confirmed
        .getByRole('listitem')
        .filter({ hasText: `Web chat ${chat.caseReference}` })
        .waitFor();
      await confirmed
        .getByRole('listitem')
        .filter({ hasText: `Telephone ${call.caseReference}` })
        .waitFor();
      await confirmed.getByText('Covers 0 customer records, 2 contacts, 1 chat').waitFor();
      await expectNoAxeViolations(page);

      // The phone call was someone else's after all: remove it.
      await confirmed.getByRole('button', { name: `Remove Telephone ${call.caseReference}` }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, `Removed Telephone ${call.caseReference}`);
      await confirmed.getByText('Covers 0 customer records, 1 contact, 1 chat').waitFor();
      expect(
        await confirmed
          .getByRole('listitem')
          .filter({ hasText: `Telephone ${call.caseReference}` })
          .count(),
      ).toBe(0);
      await callRow.getByRole('button', { name: `Confirm Telephone ${call.caseReference}` }).waitFor();
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );

  it(
    'restricts processing of a confirmed record, which staff see on the record page, and lifts it; records an objection',
    { timeout: 120_000 },
    async () => {
      const admin = await ward.t.signUpStaff({ role: 'admin' });
      const logged = await fetch(`${ward.t.url}/api/intake/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie },
        body: JSON.stringify({
          channel: 'face-to-face',
          departmentId: 'council-tax',
          summary: 'Came in about a bill',
          name: 'Rosalind Restrictwell',
          phone: '01632 960 244',
        }),
      });
      const visit = (await logged.json()) as IntakeResponse;
      const officer = await ward.t.signUpStaff({ role: 'privacy_officer' });
      for (const [type, requesterName] of [
        ['restriction', 'Rosalind Restrictwell'],
        ['objection', 'Rosalind Objectwell'],
      ])
        expect(
          (
            await fetch(`${ward.t.url}/api/rights-requests`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: officer.cookie },
              body: JSON.stringify({
                type,
                receivedOn: '2026-11-02',
                channel: 'letter',
                requesterName,
                requesterContact: '1 High Street',
              }),
            })
          ).status,
        ).toBe(201);

      const page = await agentSignsIn(ward.browser, ward.t.url, officer.email, password, 'Conversations');
      await page.goto(`${ward.t.url}/console/requests`);
      await listenToLiveRegions(page);
      await page.getByRole('link', { name: 'Rosalind Restrictwell' }).click();
      await typeInto(page, 'Phone number', '01632 960244');
      await tabToButtonAndPress(page, 'Search');
      await expectAnnounced(page, 'Found 1 customer record and 1 contact');
      await page.getByRole('button', { name: 'Confirm customer record Rosalind Restrictwell' }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, "Confirmed customer record Rosalind Restrictwell as the resident's");
      await page.getByRole('button', { name: 'Restrict processing' }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, 'Processing restricted');
      await page.getByRole('button', { name: 'Lift restriction' }).waitFor();
      await expectNoAxeViolations(page);

      // Staff see it on the record.
      await page.goto(`${ward.t.url}/console/records/${visit.recordId}`);
      await page.getByText('Processing restricted', { exact: true }).waitFor();
      await expectNoAxeViolations(page);

      await page.goBack();
      await listenToLiveRegions(page);
      await page.getByRole('button', { name: 'Lift restriction' }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, 'Restriction lifted');
      await page.getByRole('button', { name: 'Restrict processing' }).waitFor();

      // An objection request: choose what the resident objects to, or be told to.
      await page.goto(`${ward.t.url}/console/requests`);
      await listenToLiveRegions(page);
      await page.getByRole('link', { name: 'Rosalind Objectwell' }).click();
      await typeInto(page, 'Case reference', visit.caseReference);
      await tabToButtonAndPress(page, 'Search');
      await page.getByRole('button', { name: `Confirm Face to face ${visit.caseReference}` }).focus();
      await page.keyboard.press('Enter');
      await expectAnnounced(page, `Confirmed Face to face ${visit.caseReference}`);
      await page.getByRole('button', { name: 'Record objection' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('alert').getByRole('link', { name: 'Select what the resident objects to' }).waitFor();
      await expectNoAxeViolations(page);
      await checkRadioWithKeyboard(page, 'Surveys after a chat');
      await tabToButtonAndPress(page, 'Record objection');
      await expectAnnounced(page, 'Objection to surveys after a chat recorded');
      await page.getByText('Objected to: surveys after a chat.').waitFor();
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );
});
