import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import {
  agentSignsIn,
  expectNoAxeViolations,
  residentSends,
  residentStartsChat,
  widgetFrame,
} from './support/pages.ts';

/** Issue 11: an internal note, and a transfer to another department with a note for the next adviser. */
describe('transferring a chat to another department', () => {
  const ward = useWardAndBrowser();

  it(
    'keeps notes and a whisper from the resident, tells them of the transfer, and the receiving adviser sees the notes',
    { timeout: 180_000 },
    async () => {
      const password = 'correct horse battery staple';
      const sam = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const hana = await ward.t.signUpStaff({ firstName: 'Hana', lastName: 'Price' });
      const sue = await ward.t.signUpStaff({ role: 'supervisor', firstName: 'Sue', lastName: 'Pervisor' });
      await ward.t.app.db
        .updateTable('staff')
        .set({ departments: ['council-tax'] })
        .where('email', '=', sam.email)
        .execute();
      await ward.t.app.db
        .updateTable('staff')
        .set({ departments: ['housing'] })
        .where('email', '=', hana.email)
        .execute();
      const tax = await agentSignsIn(ward.browser, ward.t.url, sam.email, password);
      const housing = await agentSignsIn(ward.browser, ward.t.url, hana.email, password);

      const bob = await residentStartsChat(ward.browser, ward.t.url, { name: 'Bob Resident', topic: 'Council Tax' });
      await tax.getByRole('button', { name: `Accept chat ${bob.caseReference}` }).click();
      await bob.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await residentSends(bob, 'I am being evicted and cannot pay my Council Tax');
      const taxLog = tax.getByRole('log', { name: 'Messages with Bob Resident' });
      await taxLog.getByText('I am being evicted').waitFor();

      // An internal note: in the agent's log, clearly marked, never in the resident's.
      await tax.getByText('Add an internal note').click();
      await tax.getByLabel('Internal note').fill('Possible hardship: check for a discount');
      await tax.getByRole('button', { name: 'Add note' }).click();
      await taxLog.getByText('Internal note from Sam Okafor — not sent to the resident').waitFor();
      await taxLog.getByText('Possible hardship: check for a discount').waitFor();
      await expectNoAxeViolations(tax);

      // Their supervisor, reading the live chat, whispers to Sam; Sam hears it, the resident never sees it.
      await listenToLiveRegions(tax);
      const supervisor = await agentSignsIn(ward.browser, ward.t.url, sue.email, password);
      await supervisor.goto(`${ward.t.url}/console/conversations/${bob.caseReference}`);
      await supervisor.getByRole('heading', { name: 'Staff notes' }).waitFor();
      await supervisor.getByText('Possible hardship: check for a discount').waitFor();
      await supervisor.getByText('Whisper to the adviser').click();
      await supervisor.getByLabel('Whisper', { exact: true }).fill('Offer the hardship fund');
      await supervisor.getByRole('button', { name: 'Send whisper' }).click();
      await supervisor.getByText('Whisper sent to the adviser.').waitFor();
      await expectNoAxeViolations(supervisor);
      await taxLog.getByText('Whisper from Sue Pervisor — not sent to the resident').waitFor();
      await expectAnnounced(tax, 'Whisper from Sue Pervisor: Offer the hardship fund');

      // The transfer, with a note for Housing.
      await tax.getByText('Transfer this chat').click();
      await tax.getByRole('radio', { name: 'Another department’s queue' }).check();
      await tax.getByLabel('Department', { exact: true }).selectOption({ label: 'Housing' });
      await tax.getByLabel('Note for the next adviser (optional)').fill('Eviction notice received last week');
      await expectNoAxeViolations(tax);
      await tax.getByRole('button', { name: 'Transfer chat' }).click();
      await tax.getByText(`Chat ${bob.caseReference} transferred to Housing`).first().waitFor();
      await expect.poll(() => tax.getByRole('log', { name: 'Messages with Bob Resident' }).count()).toBe(0);

      const bobLog = bob.chat.getByRole('log', { name: 'Messages' });
      await bobLog.getByText('You are being transferred to Housing. Please stay in the chat.').waitFor();
      await expectNoAxeViolations(bob.page, widgetFrame);

      // Housing takes it from their queue and reads everything, with the notes.
      await housing.getByRole('button', { name: `Accept chat ${bob.caseReference}` }).click();
      await bob.chat.getByRole('heading', { name: "You're chatting with Hana" }).waitFor();
      const housingLog = housing.getByRole('log', { name: 'Messages with Bob Resident' });
      await housingLog.getByText('I am being evicted').waitFor();
      await housingLog.getByText('Transferred to Housing by Sam Okafor — not sent to the resident').waitFor();
      await housingLog.getByText('Eviction notice received last week').waitFor();
      await housingLog.getByText('Possible hardship: check for a discount').waitFor();
      await expectNoAxeViolations(housing);

      await housing.getByLabel('Reply to Bob Resident').fill('Hello Bob, I am from Housing');
      await housing.getByRole('button', { name: 'Send', exact: true }).click();
      await bobLog.getByText('Hello Bob, I am from Housing').waitFor();
      // Nothing staff wrote for each other reached the resident; nothing of theirs was lost or doubled.
      const bodies = (await bobLog.getByRole('listitem').allTextContents()).join('\n');
      expect(bodies).not.toContain('hardship');
      expect(bodies).not.toContain('Eviction notice');
      expect(bodies).not.toContain('hardship fund');
      expect(bodies.split('I am being evicted')).toHaveLength(2);
    },
  );
});
