import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createInvitation } from '../packages/server/src/features/staff/invitations.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';
/**
 * A date and time written in Welsh: "3 Mehefin 2025 am 2:05yp". The month's name comes from the
 * browser's own Welsh, which a browser without it gives in English, so only the Welsh words Ward
 * writes itself ("am", "yb", "yp") are asserted here.
 */
const welshDateTime = /\d{1,2} \S+ \d{4} am (\d{1,2}:\d{2}y[bp]|canol dydd|hanner nos)/;

/** Opens a console page by its address and waits for its Welsh heading, in a page marked as Welsh. */
async function open(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
}

/** The error summary ("Mae problem") links to each of these messages. */
async function expectProblems(page: Page, ...messages: string[]): Promise<void> {
  const summary = page.getByRole('alert').filter({ hasText: 'Mae problem' });
  for (const message of messages) await summary.getByRole('link', { name: message }).waitFor();
}

describe('the staff console in Welsh: records, audit, outbox, canned replies, integrations, two-step sign-in', () => {
  const ward = useWardAndBrowser();

  it(
    'an administrator who chose Cymraeg works through each page in Welsh, axe clean',
    { timeout: 240_000 },
    async () => {
      const { t } = ward;
      const admin = await t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const chosen = await fetch(`${t.url}/api/auth/language`, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'cy' }),
      });
      expect(chosen.status).toBe(200);
      const page = await agentSignsIn(ward.browser, t.url, admin.email, password, 'Sgwrsio');
      const base = `${t.url}/console`;

      // Residents: a search with nothing in it, then a new record, its form checked in Welsh.
      await open(page, `${base}/records`, 'Preswylwyr');
      await page.getByRole('button', { name: 'Chwilio' }).click();
      await expectProblems(page, 'Rhowch enw, cyfeiriad e-bost, rhif ffôn, cod post neu gyfeirnod achos');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Creu cofnod' }).click();
      await page.getByRole('heading', { name: 'Creu cofnod', level: 1 }).waitFor();
      await page.getByLabel('Rhif ffôn (dewisol)').fill('123');
      await page.getByRole('button', { name: 'Creu’r cofnod' }).click();
      await expectProblems(page, 'Rhowch yr enw', 'Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982');
      await expectNoAxeViolations(page);
      await page.getByLabel('Enw llawn').fill('Rhian Jones');
      await page.getByLabel('Rhif ffôn (dewisol)').fill('01632 960 001');
      await page.getByRole('button', { name: 'Creu’r cofnod' }).click();
      await page.getByRole('heading', { name: 'Rhian Jones', level: 1 }).waitFor();
      await page.getByRole('alert').getByText('Crëwyd y cofnod').waitFor();
      const created = await page.getByText(/^Crëwyd ar .* gan Priya Officer\.$/).textContent();
      expect(created).toMatch(welshDateTime);
      await page.getByRole('heading', { name: 'Manylion', exact: true, level: 2 }).waitFor();
      await page.getByRole('heading', { name: 'Llinell amser', level: 2 }).waitFor();
      await page.getByText('Nid oes cysylltiadau ar y cofnod hwn eto.').waitFor();
      await page.getByText('Enwau: 1 fersiwn').waitFor();
      await expectNoAxeViolations(page);

      // Changing a detail asks for a reason, in Welsh; merging is offered in Welsh too.
      await page.getByRole('link', { name: /^Newid rhif ffôn / }).click();
      await page.getByRole('heading', { name: 'Newid rhif ffôn', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Cadw rhif ffôn' }).click();
      await expectProblems(page, 'Rhowch y rheswm dros y newid');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Canslo' }).click();
      await page.getByRole('link', { name: 'Cyfuno’r cofnod hwn â chofnod arall' }).click();
      await page.getByRole('heading', { name: 'Cyfuno’r cofnod hwn â chofnod arall', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Dod o hyd i’r cofnod arall', level: 2 }).waitFor();
      await expectNoAxeViolations(page);

      // The audit trail: the record's creation, worded and dated in Welsh; a date filter checked in Welsh.
      await open(page, `${base}/audit`, 'Trywydd archwilio');
      const entries = page.getByRole('region', { name: 'Cofnodion y trywydd archwilio' });
      await entries.getByRole('cell', { name: 'Crëwyd', exact: true }).first().waitFor();
      expect(await entries.locator('time').first().textContent()).toMatch(welshDateTime);
      await page.locator('#audit-from-day').fill('1');
      await page.getByRole('button', { name: 'Defnyddio’r hidlyddion' }).click();
      await expectProblems(page, 'Rhaid i’r dyddiad o gynnwys mis a blwyddyn');
      await expectNoAxeViolations(page);

      // API keys: the form checked in Welsh, then a key, listed with a Welsh date.
      await open(page, `${base}/api-keys`, 'Allweddi API');
      await page.getByText('Nid oes allweddi API eto.').waitFor();
      await page.getByRole('button', { name: 'Creu’r allwedd API' }).click();
      await expectProblems(page, 'Rhowch enw ar gyfer yr allwedd', 'Dewiswch beth gaiff yr allwedd ei wneud');
      await expectNoAxeViolations(page);
      await page.getByLabel('Enw', { exact: true }).fill('Mewnflwch');
      await page.getByRole('checkbox', { name: 'Derbyn' }).check();
      await page.getByRole('button', { name: 'Creu’r allwedd API' }).click();
      await page.getByRole('alert').getByText('Mae’r allwedd API “Mewnflwch” wedi’i chreu').waitFor();
      const keys = page.getByRole('region', { name: 'Allweddi API' });
      await keys.getByRole('cell', { name: 'Yn weithredol' }).waitFor();
      expect(await keys.getByRole('row').nth(1).textContent()).toMatch(welshDateTime);
      await expectNoAxeViolations(page);

      // Webhooks: the form checked in Welsh.
      await open(page, `${base}/webhooks`, 'Bachau gwe');
      await page.getByText('Nid oes bachau gwe eto.').waitFor();
      await page.getByRole('button', { name: 'Ychwanegu’r bachyn gwe' }).click();
      await expectProblems(
        page,
        'Rhowch y cyfeiriad y mae Ward yn anfon ato',
        'Dewiswch o leiaf un digwyddiad i’w anfon',
      );
      await expectNoAxeViolations(page);
      await page.getByLabel('Y cyfeiriad y mae Ward yn anfon ato').fill('https://crm.council.example/ward');
      await page.getByRole('checkbox', { name: 'Achos wedi’i agor' }).check();
      await page.getByRole('button', { name: 'Ychwanegu’r bachyn gwe' }).click();
      await page.getByRole('alert').getByText('Mae’r bachyn gwe wedi’i ychwanegu').waitFor();
      await page.getByRole('link', { name: 'https://crm.council.example/ward' }).click();
      await page.getByRole('heading', { name: 'https://crm.council.example/ward', level: 1 }).waitFor();
      await page.getByText('Nid oes dim wedi’i anfon eto.').waitFor();
      expect(await page.locator('.govuk-summary-list').textContent()).toMatch(welshDateTime);
      await expectNoAxeViolations(page);

      // The outbox.
      await open(page, `${base}/outbox`, 'Blwch anfon');
      await page.getByText(/^Pan nad oes gweinydd e-bost wedi’i osod/).waitFor();
      await expectNoAxeViolations(page);

      // Canned replies: checked, added and announced in Welsh.
      await open(page, `${base}/canned-replies`, 'Atebion parod');
      await listenToLiveRegions(page);
      await page.getByRole('button', { name: 'Ychwanegu’r ateb parod' }).click();
      await expectProblems(page, 'Rhowch deitl', 'Rhowch destun yr ateb');
      await expectNoAxeViolations(page);
      await page.getByLabel('Teitl').fill('Cyfarch');
      await page.getByLabel('Testun').fill('Bore da {resident first name}');
      await page.getByRole('button', { name: 'Ychwanegu’r ateb parod' }).click();
      await expectAnnounced(page, 'Mae’r ateb parod “Cyfarch” wedi’i ychwanegu');
      await page.getByRole('button', { name: 'Dileu “Cyfarch”' }).waitFor();
      await expectNoAxeViolations(page);

      // Two-step sign-in: setting it up, the code checked in Welsh.
      await open(page, `${base}/account/two-step-sign-in`, 'Mewngofnodi dau gam');
      await page.getByText('Mae mewngofnodi dau gam wedi’i ddiffodd ar gyfer eich cyfrif.').waitFor();
      await page.getByRole('button', { name: 'Gosod mewngofnodi dau gam' }).click();
      await page.getByRole('heading', { name: 'Gosod mewngofnodi dau gam', level: 1 }).waitFor();
      await page.getByRole('img', { name: 'Cod QR ar gyfer eich ap dilysu' }).waitFor();
      await page.getByRole('button', { name: 'Troi mewngofnodi dau gam ymlaen' }).click();
      await expectProblems(page, 'Rhowch y cod 6 digid o’ch ap dilysu');
      await expectNoAxeViolations(page);

      // An invitation opened by someone already signed in follows their language, with its expiry in Welsh.
      const invitation = await createInvitation(t.app.ctx, { email: null, role: 'agent', createdBy: null });
      await open(page, `${base}/invitations/${invitation.token}`, 'Creu eich cyfrif');
      const expiry = await page.getByText(/^Rydych wedi cael gwahoddiad i ddefnyddio Ward/).textContent();
      expect(expiry).toMatch(welshDateTime);
      await page.getByRole('button', { name: 'Creu’r cyfrif' }).click();
      await expectProblems(page, 'Rhowch eich cyfeiriad e-bost', 'Rhowch eich enw cyntaf', 'Rhowch gyfrinair');
      await expectNoAxeViolations(page);
    },
  );
});
