import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { addScopeRoot } from '../packages/server/src/features/rights/subject-scope.repository.ts';
import { loadSubjectKeys } from '../packages/server/src/features/crypto/subject-keys.ts';

const password = 'correct horse battery staple';

describe("a privacy officer erases a resident's data in the console (ADR 35)", () => {
  const ward = useWardAndBrowser();

  it(
    'previews what goes and what stays, asks for a reason and confirmation, then shows what was done, axe clean',
    { timeout: 120_000 },
    async () => {
      const t = ward.t;
      const officer = await t.signUpStaff({ role: 'privacy_officer', firstName: 'Dee', lastName: 'Pio' });
      const post = async <T>(path: string, body: unknown): Promise<T> => {
        const response = await fetch(`${t.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: officer.cookie },
          body: JSON.stringify(body),
        });
        expect(response.status, await response.clone().text()).toBeLessThan(300);
        return (await response.json()) as T;
      };
      type Intake = { caseId: string; caseReference: string; recordId: string };
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
      const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie: officer.cookie } })).json()) as {
        staff: { id: string };
      };
      for (const root of [
        { kind: 'customer-record' as const, id: contact.recordId },
        { kind: 'case' as const, id: held.caseId },
      ])
        await addScopeRoot(t.app.db, { organisationId, requestId: request.id, root, confirmedBy: me.staff.id });

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
});
