import { describe, expect, it } from 'vitest';
import type { IntakeResponse } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { announcements, expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import {
  checkRadioWithKeyboard,
  chooseWithKeyboard,
  summaryValue,
  tabToButtonAndPress,
  typeInto,
} from './support/cases.ts';

const password = 'correct horse battery staple';
const referenceIn = (text: string | null) => /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text ?? '')?.[1] ?? '';

describe('case updates in the console: topics on logged contacts, and a colleague’s change appearing live', () => {
  const ward = useWardAndBrowser();

  it(
    'agent A logs a call with a topic; while A has the case open, agent B adds a note and A sees it, keeping A’s draft',
    { timeout: 180_000 },
    async () => {
      const a = await ward.t.signUpStaff({ firstName: 'Ayo', lastName: 'Adeyemi' });
      const b = await ward.t.signUpStaff({ firstName: 'Bea', lastName: 'Brown' });
      const page = await agentSignsIn(ward.browser, ward.t.url, a.email, password);

      // Choosing a topic preselects its department.
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await page.getByRole('link', { name: 'Log a phone call or visit' }).click();
      await page.getByRole('heading', { name: 'Log a phone call or visit', level: 1 }).waitFor();
      await page.getByLabel('Topic (optional)', { exact: true }).waitFor();
      await expectNoAxeViolations(page);
      await checkRadioWithKeyboard(page, 'Telephone');
      await chooseWithKeyboard(page, 'Topic (optional)', 'Bins and recycling');
      const department = page.getByLabel('Which department should deal with it?', { exact: true });
      await expect
        .poll(() => department.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent))
        .toBe('Waste and recycling');
      await typeInto(page, 'Summary of the contact', 'Bin not emptied on Larch Close.');
      await tabToButtonAndPress(page, 'Log contact');
      const panel = page.locator('.govuk-panel--confirmation');
      await panel.getByRole('heading', { name: 'Contact logged', level: 1 }).waitFor();
      const reference = referenceIn(await panel.locator('strong').textContent());

      await page.getByRole('link', { name: `Go to case ${reference}` }).click();
      await page.getByRole('heading', { name: reference, level: 1 }).waitFor();
      await summaryValue(page, 'Topic').getByText('Bins and recycling').waitFor();
      await summaryValue(page, 'Department').getByText('Waste and recycling').waitFor();
      await listenToLiveRegions(page);
      // A starts writing a note of their own, and leaves it unsent.
      await typeInto(page, 'Add a note', 'Draft: call the crew supervisor');

      // B opens the same case in another browser and adds a note.
      const other = await agentSignsIn(ward.browser, ward.t.url, b.email, password);
      await other.goto(`${ward.t.url}/console/cases/${reference}`);
      await other.getByRole('heading', { name: reference, level: 1 }).waitFor();
      await listenToLiveRegions(other);
      await typeInto(other, 'Add a note', 'Crew will return on Thursday.');
      await tabToButtonAndPress(other, 'Add note');
      await expectAnnounced(other, 'Note added');

      // A sees it appear, is told politely, and keeps the draft.
      const notes = page.getByRole('region', { name: 'Notes' });
      await notes.getByText('Crew will return on Thursday.').waitFor();
      await notes.getByText('Bea Brown').waitFor();
      const said = await expectAnnounced(page, 'This case was updated');
      expect(said.politeness).toBe('polite');
      await expect(page.getByLabel('Add a note', { exact: true }).inputValue()).resolves.toBe(
        'Draft: call the crew supervisor',
      );
      await expectNoAxeViolations(page);

      // B's own page is not told its own change again.
      await other.waitForTimeout(500);
      expect((await announcements(other)).map((a) => a.text)).not.toContain('This case was updated');

      // A's lists follow too: a case B logs for waste appears in A's department list without a reload.
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await chooseWithKeyboard(page, 'Department', 'Waste and recycling');
      await tabToButtonAndPress(page, 'Show cases');
      const wasteList = page.getByRole('region', { name: 'List of open cases in Waste and recycling' });
      await wasteList.getByRole('link', { name: reference }).waitFor();
      const logged = await fetch(`${ward.t.url}/api/intake/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: b.cookie },
        body: JSON.stringify({ channel: 'face-to-face', summary: 'Asked for a new recycling box', topic: 'bins' }),
      });
      expect(logged.status).toBe(201);
      const second = (await logged.json()) as IntakeResponse;
      await wasteList.getByRole('link', { name: second.caseReference }).waitFor();
      await expectNoAxeViolations(page);

      await other.context().close();
      await page.context().close();
    },
  );
});
