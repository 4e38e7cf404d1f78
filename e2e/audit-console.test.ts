import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus, tabTo } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { recordAudit, systemActor } from '../packages/server/src/features/audit/record-audit.ts';

describe('an administrator reads the audit trail in the console', () => {
  const ward = useWardAndBrowser();

  it(
    'opens a conversation, then finds their own read of it in the trail, by keyboard, and downloads it as CSV',
    { timeout: 120_000 },
    async () => {
      const chat = await ward.t.startChat({ name: 'Ann Resident' });
      const { caseReference } = chat;
      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, 'correct horse battery staple');

      // Opening the conversation by case reference is audited.
      await page.getByRole('link', { name: 'Conversations' }).click();
      await page.getByRole('heading', { name: 'Conversations', level: 1 }).waitFor();
      await page.getByLabel('Case reference').fill(caseReference.toLowerCase().replace('-', ''));
      await page.getByRole('button', { name: 'Find conversation' }).click();
      await page.getByRole('heading', { name: caseReference, level: 1 }).waitFor();
      const seeWho = page.getByRole('link', { name: 'See who has looked at this contact' });
      expect(await seeWho.getAttribute('href')).toBe(`/console/audit?caseReference=${caseReference}`);
      await expectNoAxeViolations(page);

      // The audit trail, from the admin navigation.
      await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Audit trail' }).click();
      await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
      await expect.poll(() => page.title()).toBe('Audit trail – Ward');
      await page
        .getByRole('status')
        .filter({ hasText: /entr(y|ies) found/ })
        .waitFor();
      const staffSelect = page.getByLabel('Member of staff');
      await staffSelect.locator('option', { hasText: 'Priya Officer' }).waitFor({ state: 'attached' });
      await expectNoAxeViolations(page);

      // A case reference that is not valid: the error summary, linked to the field.
      await page.getByLabel('Case reference').focus();
      await page.keyboard.type('4K7M-9P2Z');
      await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Apply filters', 'Apply filters');
      await page.keyboard.press('Enter');
      const problem = page.locator('.govuk-error-summary').getByRole('link', { name: /Enter a valid case reference/ });
      await problem.waitFor();
      await expect.poll(() => page.title()).toBe('Error: Audit trail – Ward');
      await expectNoAxeViolations(page);
      await problem.focus();
      await page.keyboard.press('Enter');
      await expectFocus(page, { id: 'audit-case-reference' }, 'the case reference field');

      // Filtering by the case reference, with the keyboard only.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(caseReference.toLowerCase());
      await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Apply filters', 'Apply filters');
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) => url.pathname === '/console/audit' && url.search === `?caseReference=${caseReference}`,
      );
      expect(page.url()).not.toContain('Ann');
      await expect.poll(() => page.title()).toBe('Audit trail – Ward');
      await page
        .locator('.moj-filter__selected')
        .getByRole('link', { name: `Remove this filter: Case reference: ${caseReference}` })
        .waitFor();

      const entries = page.getByRole('region', { name: 'Audit trail entries' });
      const rows = entries
        .getByRole('row')
        .filter({ hasText: 'Priya Officer' })
        .filter({ hasText: 'Viewed' })
        .filter({ hasText: 'Resident’s name' });
      await rows.first().waitFor();
      const read = rows.first();
      await read.getByRole('link', { name: caseReference, exact: true }).waitFor();
      await read.getByText('Admin', { exact: true }).waitFor();
      for (const text of await entries.getByRole('row').allTextContents()) {
        if (!text.startsWith('When')) expect(text).toContain(caseReference);
      }
      await page
        .getByRole('status')
        .filter({ hasText: /\d+ entr(y|ies) found/ })
        .waitFor();
      await expectNoAxeViolations(page);

      // The CSV download has the same filters.
      const download = page.getByRole('link', { name: 'Download as CSV' });
      expect(await download.getAttribute('download')).not.toBeNull();
      const href = await download.getAttribute('href');
      expect(href).toBe(`/api/audit.csv?caseReference=${caseReference}&limit=1000`);
      const response = await page.request.get(new URL(href ?? '', page.url()).toString());
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/csv');
      const lines = (await response.text()).split('\r\n');
      expect(lines[0]).toBe(
        'id,occurredAt,actorKind,actorId,actorRole,action,dataSubjectId,recordType,recordId,caseReference,fields,purpose,reason,source,hash',
      );
      expect(
        lines.some(
          (line) => line.includes(`"${caseReference}"`) && line.includes('"conversation"') && line.includes('"read"'),
        ),
      ).toBe(true);

      // Clearing the filters.
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.waitForURL((url) => url.pathname === '/console/audit' && url.search === '');
      expect(await page.getByLabel('Case reference').inputValue()).toBe('');

      // The conversation page's link leads to the trail filtered by that case reference.
      await page.goto(`${ward.t.url}/console/conversations/${caseReference}`);
      await page.getByRole('link', { name: 'See who has looked at this contact' }).click();
      await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
      expect(await page.getByLabel('Case reference').inputValue()).toBe(caseReference);
      await entries.getByRole('row').filter({ hasText: 'Reviewing the audit trail' }).first().waitFor();
      await expectNoAxeViolations(page);

      // At 320 CSS pixels wide (400% zoom), the filter sits above the results and nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const filterBox = await page.locator('.ward-filter-layout__filter').boundingBox();
      const resultsBox = await page.locator('.ward-filter-layout__content').boundingBox();
      expect((resultsBox?.y ?? 0) >= (filterBox?.y ?? 0) + (filterBox?.height ?? 0) - 1).toBe(true);
      await expectNoAxeViolations(page);
    },
  );

  it(
    'shows agents a queue without names; the officer sees everything about one resident, page by page',
    { timeout: 120_000 },
    async () => {
      const password = 'correct horse battery staple';
      const staff = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(ward.browser, ward.t.url, staff.email, password);
      const chat = await ward.t.startChat({ name: 'Zed Queueperson' });
      const { caseReference } = chat;

      // The queue: case reference, topic and wait; no name until the chat is accepted (which is audited).
      const accept = agent.getByRole('button', { name: `Accept chat ${caseReference}` });
      await accept.waitFor();
      const queue = agent.locator('section[aria-labelledby="queue-heading"]');
      expect(await queue.innerText()).toContain(caseReference);
      expect(await queue.innerText()).not.toContain('Queueperson');
      await expectNoAxeViolations(agent);
      await accept.click();
      await agent.getByLabel('Reply to Zed Queueperson').waitFor();
      // A reload reconnects: the open chat comes back, and that read is audited too.
      await agent.reload();
      await agent.getByLabel('Reply to Zed Queueperson').waitFor();

      // Many more entries about the same resident (as years of use would leave), and one about nobody.
      const { data_subject_id: subject } = await ward.t.app.db
        .selectFrom('conversations')
        .select('data_subject_id')
        .where('id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
      const entry = (n: number) => ({
        organisationId: ward.t.app.ctx.organisation.id,
        actor: systemActor,
        action: 'read' as const,
        purpose: 'rights-request' as const,
        recordType: 'outbox_email',
        recordId: `email-${n}`,
        dataSubjectId: subject,
        fields: ['to'],
      });
      await ward.t.app.db.transaction().execute((tx) =>
        recordAudit(
          tx,
          Array.from({ length: 250 }, (_, n) => entry(n)),
        ),
      );

      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, password);
      await page.goto(`${ward.t.url}/console/audit?caseReference=${caseReference}`);
      const entries = page.getByRole('region', { name: 'Audit trail entries' });
      const handling = entries
        .getByRole('row')
        .filter({ hasText: 'Sam Okafor' })
        .filter({ hasText: 'Handling a chat' });
      await handling.first().waitFor();
      expect(await handling.count()).toBeGreaterThanOrEqual(3); // the accept, the snapshot on reconnect, the resume

      // From the case to its resident: every entry about them, with or without a case reference.
      await page.getByRole('link', { name: `See everything about the resident of case ${caseReference}` }).click();
      await page.waitForURL((url) => url.search === `?dataSubjectId=${subject}`);
      await page
        .locator('.moj-filter__selected')
        .getByRole('link', { name: `Remove this filter: Resident: The resident of case ${caseReference}` })
        .waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: 'Showing the newest 200 entries. Older entries are on the next page.' })
        .waitFor();
      await expectNoAxeViolations(page);

      // The oldest entries are on the next page: the chat's own.
      await page
        .getByRole('navigation', { name: 'Audit trail pages' })
        .getByRole('link', { name: 'Older entries' })
        .click();
      await page.waitForURL(
        (url) => url.searchParams.get('dataSubjectId') === subject && url.searchParams.has('before'),
      );
      await page
        .getByRole('status')
        .filter({ hasText: /Showing the oldest \d+ entries that match/ })
        .waitFor();
      await handling.first().waitFor();
      const older = entries.getByRole('row').filter({ hasText: caseReference });
      await older
        .first()
        .getByRole('link', { name: `All entries about the resident of case ${caseReference}` })
        .waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Newest entries' }).click();
      await page.waitForURL((url) => url.search === `?dataSubjectId=${subject}`);
      await page.getByRole('status').filter({ hasText: 'Showing the newest 200 entries' }).waitFor();
      expect(page.url()).not.toContain('Queueperson');
    },
  );
});
