import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addScopeRoot } from '../packages/server/src/features/rights/subject-scope.repository.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

describe("a privacy officer exports a resident's data", () => {
  const ward = useWardAndBrowser();

  it(
    'withholds a message naming someone else, builds the pack, downloads it, and its report is axe clean',
    { timeout: 120_000 },
    async () => {
      const { t } = ward;
      const officer = await t.signUpStaff({ role: 'privacy_officer', firstName: 'Ola', lastName: 'Export' });
      const chat = await t.startChat({ name: 'Esme Exportable', email: 'esme.exportable@example.com' });
      const visitor = await t.visitorSocket(chat.visitorToken);
      await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'My bin lid is broken' });
      await visitor.emitWithAck('message:send', {
        clientMessageId: randomUUID(),
        body: 'Ask Nell Nextdoor, she saw it',
      });
      visitor.disconnect();
      const logged = await fetch(`${t.url}/api/rights-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officer.cookie, origin: t.url },
        body: JSON.stringify({
          type: 'access',
          receivedOn: '2026-11-02',
          channel: 'email',
          requesterName: 'Esme Exportable',
          requesterContact: 'esme.exportable@example.com',
        }),
      });
      const requestId = ((await logged.json()) as { request: { id: string } }).request.id;
      const kase = await t.app.db
        .selectFrom('cases')
        .select(['id', 'organisation_id'])
        .where('case_reference', '=', chat.caseReference)
        .executeTakeFirstOrThrow();
      const officerId = (
        await t.app.db.selectFrom('staff').select('id').where('email', '=', officer.email).executeTakeFirstOrThrow()
      ).id;
      await addScopeRoot(t.app.db, {
        organisationId: kase.organisation_id,
        requestId,
        root: { kind: 'case', id: kase.id },
        confirmedBy: officerId,
      });

      const page = await agentSignsIn(ward.browser, t.url, officer.email, password, 'Conversations');
      await page.goto(`${t.url}/console/requests/${requestId}`);
      await page.getByRole('heading', { name: 'Export the resident’s data', level: 2 }).waitFor();
      await listenToLiveRegions(page);
      await expectNoAxeViolations(page);

      // The messages are read only when asked (an audited read), then one is ticked, by keyboard.
      await page.getByRole('button', { name: 'Review the chats’ messages' }).click();
      const named = page.getByRole('checkbox', { name: /Ask Nell Nextdoor/ });
      await named.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => named.isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Withhold the ticked messages' }).click();
      await expectAnnounced(page, '1 message will be withheld from the next export pack.');

      await page.getByRole('button', { name: 'Build the export pack' }).click();
      await expectAnnounced(page, 'Export pack built: 1 contacts, 1 chats, 2 messages, 1 withheld messages');
      const link = page.getByRole('link', { name: /Download the export pack \(ZIP/ });
      await link.waitFor();
      await page.getByLabel('Resident’s email address').waitFor();
      await expectNoAxeViolations(page);

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining(['data.json', 'messages.csv', 'report.html', 'report.pdf', 'manifest.json']),
      );
      const html = strFromU8(files['report.html']!);
      expect(html).toContain('My bin lid is broken');
      expect(html).toContain('[withheld: third-party information]');
      expect(html).not.toContain('Nell');

      // The report as the resident opens it from the ZIP: a page of its own, offline.
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-report-'));
      try {
        const file = path.join(dir, 'report.html');
        await writeFile(file, html);
        const report = await page.context().newPage();
        await report.goto(`file://${file}`);
        await report.getByRole('heading', { name: /Your information held by/, level: 1 }).waitFor();
        await report.getByRole('table', { name: `Transcript of chat ${chat.caseReference}` }).waitFor();
        await expectNoAxeViolations(report);
        await report.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      // A link for the resident: refused without an address, then sent.
      const email = page.getByLabel('Resident’s email address');
      await email.fill('');
      await page.getByRole('button', { name: 'Email a link to the resident' }).click();
      await page
        .getByRole('alert')
        .getByRole('link', { name: /Enter the resident’s email address/ })
        .waitFor();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await expectNoAxeViolations(page);
      await email.fill('esme.exportable@example.com');
      await page.getByRole('button', { name: 'Email a link to the resident' }).click();
      await expectAnnounced(page, 'Link emailed to the resident.');
      await page.getByText(/3 downloads left/).waitFor();
      await expectNoAxeViolations(page);
    },
  );
});
