import { describe, expect, it } from 'vitest';
import type { TestApp } from '../packages/server/test/support/test-app.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { addScopeRoot } from '../packages/server/src/features/rights/subject-scope.repository.ts';
import { loadSubjectKeys } from '../packages/server/src/features/crypto/subject-keys.ts';

const password = 'correct horse battery staple';

type Intake = { caseId: string; caseReference: string; recordId: string };

/** A privacy officer, and a POST to Ward as them that must succeed. */
async function officerWithApi(t: TestApp, firstName: string) {
  const officer = await t.signUpStaff({ role: 'privacy_officer', firstName, lastName: 'Pio' });
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officer.cookie },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie: officer.cookie } })).json()) as {
    staff: { id: string };
  };
  return { officer, post, officerId: me.staff.id };
}

describe("a privacy officer erases a resident's data in the console (ADR 35)", () => {
  const ward = useWardAndBrowser();

  it(
    'previews what goes and what stays, asks for a reason and confirmation, then shows what was done, axe clean',
    { timeout: 120_000 },
    async () => {
      const t = ward.t;
      const { officer, post, officerId } = await officerWithApi(t, 'Dee');
      const contact = await post<Intake>('/api/intake/contacts', {
        channel: 'phone',
        departmentId: 'council-tax',
        summary: 'Asked about a refund',
        name: 'Rhiannon Erasable',
        email: 'rhiannon@example.com',
      });
      await post(`/api/cases/${contact.caseId}/disclosures`, {
        recipientOrganisation: 'Northshire Police',
        recipientContact: 'Front desk',
        lawfulBasis: 'legal-obligation',
        whatShared: 'Name and address',
        why: 'A crime report',
        disclosedOn: '2026-03-02',
      });
      const held = await post<Intake>('/api/intake/contacts', {
        channel: 'face-to-face',
        departmentId: 'council-tax',
        summary: 'Complaint about the council',
        name: 'Rhiannon E',
      });
      await post('/api/retention/holds', { caseId: held.caseId, reason: 'Ombudsman complaint' });
      const { request } = await post<{ request: { id: string } }>('/api/rights-requests', {
        type: 'erasure',
        receivedOn: '2026-03-01',
        channel: 'email',
        requesterName: 'Rhiannon Erasable',
        requesterContact: 'rhiannon@example.com',
      });
      const organisationId = t.app.ctx.organisation.id;
      for (const root of [
        { kind: 'customer-record' as const, id: contact.recordId },
        { kind: 'case' as const, id: held.caseId },
      ])
        await addScopeRoot(t.app.db, { organisationId, requestId: request.id, root, confirmedBy: officerId });

      const page = await agentSignsIn(ward.browser, t.url, officer.email, password, 'Conversations');
      await page.goto(`${t.url}/console/requests/${request.id}`);
      await page.getByRole('heading', { name: 'Erase the resident’s data', level: 2 }).waitFor();
      await listenToLiveRegions(page);
      const section = page.getByRole('region', { name: 'Erase the resident’s data' });
      await section.getByText('1 customer record').waitFor();
      await section.getByText(`Case ${held.caseReference}: under a legal hold`).waitFor();
      await section.getByText('Northshire Police: data disclosed on 2 March 2026').waitFor();
      await expectNoAxeViolations(page);

      // No reason: the error summary takes focus and the title says so.
      await section.getByRole('button', { name: 'Erase the resident’s data' }).click();
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: 'Enter the reason for the erasure' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      // By keyboard: the reason, then the "Are you sure" step, which takes focus; cancel returns to the button.
      await summary.getByRole('link', { name: 'Enter the reason for the erasure' }).click();
      await expectFocus(page, { id: 'erase-reason' }, 'the reason');
      await page.keyboard.type('Erasure upheld after identity check');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expectFocus(page, (f) => f.name.startsWith('Are you sure'), 'the question');
      await page.getByText('Erasure cannot be undone').waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expectFocus(page, (f) => f.name === 'Erase the resident’s data', 'the erase button');
      await page.keyboard.press('Enter');
      await expectFocus(page, (f) => f.name.startsWith('Are you sure'), 'the question');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      await expectAnnounced(page, 'Erased');
      await page.getByRole('heading', { name: 'The resident’s data was erased' }).waitFor();
      await expectFocus(page, (f) => f.name === 'The resident’s data was erased', 'the result');
      await page.getByText('1 data key destroyed, so copies in backups can no longer be read').waitFor();
      await page.getByText(`Case ${held.caseReference}: under a legal hold`).waitFor();
      await expectNoAxeViolations(page);

      const subject = (
        await t.app.db
          .selectFrom('cases')
          .select('data_subject_id')
          .where('id', '=', contact.caseId)
          .executeTakeFirstOrThrow()
      ).data_subject_id;
      expect((await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [subject])).get(subject)).toBeNull();
    },
  );

  it(
    'keeps one case for legal claims, with its reason, and erases the rest; the result lists what was kept and why',
    { timeout: 120_000 },
    async () => {
      const t = ward.t;
      const { officer, post, officerId } = await officerWithApi(t, 'Kip');
      const first = await post<Intake>('/api/intake/contacts', {
        channel: 'phone',
        departmentId: 'council-tax',
        summary: 'Asked about a discount',
        name: 'Kerys Keepable',
        email: 'kerys@example.com',
      });
      const disputed = await post<Intake>('/api/intake/contacts', {
        channel: 'phone',
        departmentId: 'council-tax',
        summary: 'Disputed a penalty charge',
        name: 'Kerys Keepable',
      });
      const { request } = await post<{ request: { id: string } }>('/api/rights-requests', {
        type: 'erasure',
        receivedOn: '2026-03-01',
        channel: 'email',
        requesterName: 'Kerys Keepable',
        requesterContact: 'kerys@example.com',
      });
      const organisationId = t.app.ctx.organisation.id;
      for (const root of [
        { kind: 'customer-record' as const, id: first.recordId },
        { kind: 'case' as const, id: disputed.caseId },
      ])
        await addScopeRoot(t.app.db, { organisationId, requestId: request.id, root, confirmedBy: officerId });

      const page = await agentSignsIn(ward.browser, t.url, officer.email, password, 'Conversations');
      await page.goto(`${t.url}/console/requests/${request.id}`);
      await page.getByRole('heading', { name: 'Erase the resident’s data', level: 2 }).waitFor();
      await listenToLiveRegions(page);
      const section = page.getByRole('region', { name: 'Erase the resident’s data' });
      const preview = section.getByRole('region', { name: 'Preview' });
      await preview.getByText('Nothing is kept.').waitFor();
      await expectNoAxeViolations(page);

      // "Only the items I choose" with none ticked is refused, and the error leads to the first item.
      const everything = section.getByRole('radio', { name: 'Erase everything' });
      await everything.focus();
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(() => section.getByRole('radio', { name: 'Erase only the items I choose' }).isChecked())
        .toBe(true);
      await section.getByRole('checkbox', { name: `Case ${disputed.caseReference}`, exact: true }).waitFor();
      await section.getByRole('button', { name: 'Update the preview' }).click();
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: 'Select at least one item to erase' }).click();
      await expectFocus(page, { id: 'erase-item-0' }, 'the first item');
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);

      // Back to everything, keeping the disputed case: why and the reason are asked for.
      await everything.check();
      const keep = section.getByRole('checkbox', { name: `Keep case ${disputed.caseReference}` });
      await keep.focus();
      await page.keyboard.press('Space');
      await section.getByRole('button', { name: 'Update the preview' }).click();
      await summary.getByRole('link', { name: `Enter why the case ${disputed.caseReference} is kept` }).waitFor();
      await summary.getByRole('link', { name: `Select why the case ${disputed.caseReference} is kept` }).click();
      await expectFocus(page, (f) => f.name === 'A legal obligation', 'the first exemption');
      await expectNoAxeViolations(page);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => section.getByRole('radio', { name: 'Legal claims' }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await expectFocus(page, (f) => f.name.startsWith('Reason for keeping it'), 'the reason for keeping it');
      await page.keyboard.type('Tribunal claim lodged');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expectAnnounced(page, 'Preview updated');
      const keptLine = `Case ${disputed.caseReference}: kept for legal claims (Tribunal claim lodged)`;
      await preview.getByText(keptLine).waitFor();
      await expectNoAxeViolations(page);

      await page.getByLabel('Reason for the erasure').fill('Erasure upheld, one case disputed');
      await section.getByRole('button', { name: 'Erase the resident’s data' }).click();
      await page.getByRole('button', { name: 'Yes, erase it' }).click();
      await expectAnnounced(page, 'Erased');
      const done = page.getByRole('region', { name: 'The resident’s data was erased' });
      await done.getByRole('heading', { name: 'What was kept, and why' }).waitFor();
      await done.getByText(keptLine).waitFor();
      await done.getByText(/1 customer record/).waitFor();
      await expectNoAxeViolations(page);

      const kept = (
        await t.app.db
          .selectFrom('cases')
          .select('data_subject_id')
          .where('id', '=', disputed.caseId)
          .executeTakeFirstOrThrow()
      ).data_subject_id;
      expect((await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [kept])).get(kept)).not.toBeNull();
    },
  );
});
