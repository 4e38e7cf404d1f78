import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseClient } from '../packages/server/test/support/case-requests.ts';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';
const pageLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);
const welshMonth = /(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)/;

describe('sign-in, staff, opening hours, reports, wallboard and live view in Welsh (issue 13, ADR 51)', () => {
  const ward = useWardAndBrowser();

  it(
    'the sign-in page follows a Welsh browser and its own switch; an administrator’s pages in Cymraeg, axe clean',
    { timeout: 240_000 },
    async () => {
      const { t } = ward;
      const admin = await caseClient(t).staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
      // A browser that asks for Welsh first, before anyone has chosen anything here.
      const context = await ward.browser.newContext({ locale: 'cy-GB' });
      const page = await context.newPage();
      try {
        await page.goto(`${t.url}/console/chats`);
        await page.getByRole('heading', { name: 'Mewngofnodi i Ward', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('cy');
        expect(await page.title()).toBe('Mewngofnodi – Ward');
        await page.getByRole('link', { name: 'Neidio i’r prif gynnwys' }).waitFor();
        const switcher = page.getByRole('navigation', { name: 'Iaith' });
        expect(await switcher.getByText('Cymraeg').getAttribute('aria-current')).toBe('true');
        expect(await switcher.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en-GB');
        await page.getByRole('button', { name: 'Mewngofnodi' }).click();
        const summary = page.getByRole('alert');
        await summary.getByRole('link', { name: 'Rhowch eich cyfeiriad e-bost' }).waitFor();
        await summary.getByRole('link', { name: 'Rhowch eich cyfrinair' }).waitFor();
        await expectNoAxeViolations(page);

        // The switch: English, kept in this browser over its language after a reload.
        await switcher.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Sign in to Ward', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('en-GB');
        await page.reload();
        await page.getByRole('heading', { name: 'Sign in to Ward', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('en-GB');
        const cymraeg = page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' });
        expect(await cymraeg.getAttribute('lang')).toBe('cy');
        await expectNoAxeViolations(page);
        await cymraeg.click();
        await page.getByRole('heading', { name: 'Mewngofnodi i Ward', level: 1 }).waitFor();

        // Signed in, their own choice wins: English, as their account says.
        await page.getByLabel('Cyfeiriad e-bost').fill(admin.email);
        await page.getByLabel('Cyfrinair', { exact: true }).fill(password);
        await page.getByRole('button', { name: 'Mewngofnodi' }).click();
        await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('en-GB');

        // They choose Cymraeg for their account.
        const put = await page.evaluate(async () => {
          const response = await fetch('/api/auth/language', {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ language: 'cy' }),
          });
          return response.status;
        });
        expect(put).toBeLessThan(300);
        await page.goto(`${t.url}/console/staff`);
        const nav = page.getByRole('navigation', { name: 'Prif lywio' });

        // Staff: the list, an invitation refused then sent, its expiry in a Welsh date.
        await page.getByRole('heading', { name: 'Aelodau staff', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('cy');
        await page.getByRole('columnheader', { name: 'Mewngofnodi dau gam' }).waitFor();
        await page.getByRole('heading', { name: 'Llwybro sgyrsiau' }).waitFor();
        await page.getByRole('button', { name: 'Anfon gwahoddiad' }).click();
        await page.getByRole('alert').getByRole('link', { name: 'Rhowch eu cyfeiriad e-bost' }).waitFor();
        await page.getByRole('alert').getByRole('link', { name: 'Dewiswch rôl' }).waitFor();
        await expectNoAxeViolations(page);
        await page.getByLabel('Cyfeiriad e-bost').fill('newydd@council.gov.uk');
        await page.getByRole('radio', { name: 'Cynghorydd' }).check();
        await page.getByRole('button', { name: 'Anfon gwahoddiad' }).click();
        await page.getByRole('heading', { name: 'Gwahoddiad wedi’i greu' }).waitFor();
        const sendLink = await page.getByText(/Anfonwch y ddolen hon at newydd@council.gov.uk/).textContent();
        expect(sendLink).toMatch(new RegExp(`dod i ben ar \\d{1,2} ${welshMonth.source} \\d{4} am `));
        await expectNoAxeViolations(page);

        // Opening hours: a date left half typed, then a closure next year, dated in Welsh.
        await nav.getByRole('link', { name: 'Oriau agor', exact: true }).click();
        await page.getByRole('heading', { name: 'Oriau agor', level: 1 }).waitFor();
        await page.getByText('Nid oes cyfnodau cau nac oriau arbennig i ddod.').waitFor();
        const year = String(new Date().getUTCFullYear() + 1);
        const first = page.getByRole('group', { name: 'Dyddiad cyntaf' });
        await first.getByLabel('Blwyddyn').fill(year);
        await page.getByRole('button', { name: 'Ychwanegu', exact: true }).click();
        const problems = page.getByRole('alert');
        await problems.getByRole('link', { name: 'Dewiswch a ydynt ar gau neu ar agor am oriau arbennig' }).waitFor();
        await problems.getByRole('link', { name: 'Y dyddiad cyntaf: rhaid iddo gynnwys diwrnod a mis' }).waitFor();
        await problems.getByRole('link', { name: 'Rhowch y rheswm' }).waitFor();
        await expect.poll(() => page.title()).toBe('Gwall: Oriau agor – Ward');
        await expectNoAxeViolations(page);
        await page.getByRole('radio', { name: 'Ar gau drwy’r dydd' }).check();
        await first.getByLabel('Diwrnod').fill('24');
        await first.getByLabel('Mis').fill('12');
        await page.getByLabel('Rheswm').fill('Noswyl Nadolig');
        await page.getByRole('button', { name: 'Ychwanegu', exact: true }).click();
        const row = page.getByRole('row').filter({ hasText: 'Noswyl Nadolig' });
        await row.getByRole('cell', { name: `24 Rhagfyr ${year}`, exact: true }).waitFor();
        await row.getByRole('cell', { name: 'Ar gau', exact: true }).waitFor();
        await row.getByRole('cell', { name: 'Pob adran', exact: true }).waitFor();
        await row.getByRole('button', { name: `Dileu Ar gau ar 24 Rhagfyr ${year}` }).waitFor();
        await expectNoAxeViolations(page);

        // Reports: the figures, and a start date left without its day.
        await nav.getByRole('link', { name: 'Adroddiadau', exact: true }).click();
        await page.getByRole('heading', { name: 'Adroddiadau', level: 1 }).waitFor();
        await page.getByRole('heading', { name: 'Prif ffigurau' }).waitFor();
        await page.getByText('Sgyrsiau a gynigiwyd', { exact: true }).first().waitFor();
        await page.getByRole('heading', { name: 'Elw ar fuddsoddiad' }).waitFor();
        // The days of the figures over time, named in Welsh in the chart's data.
        const volumes = page.locator('figure').filter({ hasText: 'Sgyrsiau a gynigiwyd, a atebwyd ac a adawyd' });
        await volumes.locator('summary', { hasText: 'Dangos y data' }).click();
        const firstDay = volumes.getByRole('row').nth(1).getByRole('cell').first();
        expect(await firstDay.textContent()).toMatch(
          /^\d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}$/,
        );
        await expectNoAxeViolations(page);
        await page.getByRole('group', { name: 'O' }).getByLabel('Diwrnod').fill('');
        await page.getByRole('button', { name: 'Dangos yr adroddiad' }).click();
        await page
          .getByRole('alert')
          .getByRole('link', { name: 'Y dyddiad dechrau: rhaid iddo gynnwys diwrnod' })
          .waitFor();
        await expectNoAxeViolations(page);

        // The wallboard and the live view.
        await nav.getByRole('link', { name: 'Bwrdd wal', exact: true }).click();
        await page.getByRole('heading', { name: 'Bwrdd wal', level: 1 }).waitFor();
        await page.getByText('Yn aros nawr', { exact: true }).waitFor();
        await page.getByText('Cynghorwyr ar gael', { exact: true }).waitFor();
        await expectNoAxeViolations(page);
        await nav.getByRole('link', { name: 'Golwg fyw', exact: true }).click();
        await page.getByRole('heading', { name: 'Golwg fyw', level: 1 }).waitFor();
        await page.getByRole('heading', { name: 'Ciwiau' }).waitFor();
        await page.getByRole('heading', { name: 'Sgyrsiau ar y gweill' }).waitFor();
        await page.getByText('Nid oes sgyrsiau ar y gweill.').waitFor();
        await expectNoAxeViolations(page);

        // Signed out, the sign-in page is this browser's choice again.
        await page.getByRole('button', { name: 'Allgofnodi' }).click();
        await page.getByRole('heading', { name: 'Mewngofnodi i Ward', level: 1 }).waitFor();
        expect(await pageLanguage(page)).toBe('cy');
      } finally {
        await context.close();
      }
    },
  );
});
