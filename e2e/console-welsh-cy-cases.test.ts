import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations, residentSends, residentStartsChat } from './support/pages.ts';
import { faultReportedByApi } from './support/records-pages.ts';
import { summaryValue } from './support/cases.ts';

const password = 'correct horse battery staple';
const pageLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);
/** A date and time as a Welsh council writes them: "3 Mehefin 2025 am 2:05yp". */
const welshDateTime =
  /\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4} am (\d{1,2}:\d{2}y[bp]|canol dydd|hanner nos)/;

/** The page is in Welsh, with this heading, and axe finds nothing. */
async function expectWelshPage(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(await pageLanguage(page)).toBe('cy');
  await expectNoAxeViolations(page);
}

/** Submitting a form with nothing in it lists this Welsh problem in the error summary; axe finds nothing. */
async function expectWelshError(page: Page, button: string, problem: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('.govuk-error-summary').getByRole('link', { name: problem }).waitFor();
  await expect.poll(() => page.title()).toMatch(/^Gwall: /);
  await expectNoAxeViolations(page);
}

describe('cases, contacts and conversations in a Welsh console (issue 13, ADR 51)', () => {
  const ward = useWardAndBrowser();

  it(
    'an adviser who works in Welsh finds a case, logs contacts, sees a quoted case and reads a conversation',
    { timeout: 240_000 },
    async () => {
      const { t } = ward;
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const report = await faultReportedByApi(t.url, { name: 'Rita Resident', email: 'rita@example.com' });
      const page = await agentSignsIn(ward.browser, t.url, staff.email, password);
      await listenToLiveRegions(page);
      await page.getByRole('link', { name: 'Your account: signed in as Sam Okafor' }).click();
      await page.getByRole('radio', { name: 'Cymraeg' }).check();
      await page.getByRole('button', { name: 'Save language' }).click();
      await page.getByRole('heading', { name: 'Eich cyfrif', level: 1 }).waitFor();
      const navigation = page.getByRole('navigation', { name: 'Prif lywio' });

      // The cases page: finding a case by its reference.
      await navigation.getByRole('link', { name: 'Achosion', exact: true }).click();
      await expectWelshPage(page, 'Achosion');
      await page.getByRole('heading', { name: 'Fy achosion agored' }).waitFor();
      await page.getByText('Nid ydych yn berchen ar unrhyw achosion agored.').waitFor();
      await expectWelshError(page, 'Dod o hyd i’r achos', 'Rhowch gyfeirnod achos');
      await page.getByLabel('Cyfeirnod achos').fill(report);
      await page.getByRole('button', { name: 'Dod o hyd i’r achos' }).click();

      // The case: its details, dates and history in Welsh, and its forms' checks.
      await expectWelshPage(page, report);
      await page.getByText(/^Achos · Ffurflen ar-lein/).waitFor();
      await summaryValue(page, 'Statws').getByText('Ar agor').waitFor();
      await expect.poll(() => summaryValue(page, 'Cysylltwyd').textContent()).toMatch(welshDateTime);
      await page.getByRole('heading', { name: 'Rheoli’r achos' }).waitFor();
      await expectWelshError(page, 'Ychwanegu’r nodyn', 'Rhowch nodyn');
      await page.getByLabel('Ychwanegu nodyn').fill('Wedi ffonio’r preswylydd.');
      await page.getByRole('button', { name: 'Ychwanegu’r nodyn' }).click();
      await expectAnnounced(page, 'Mae’r nodyn wedi’i ychwanegu');
      const history = page.getByRole('table', { name: /^Beth sydd wedi digwydd ar achos/ });
      await history.getByText('Nodyn wedi’i ychwanegu').waitFor();
      await expect.poll(() => history.getByRole('row').nth(1).textContent()).toMatch(welshDateTime);
      await expectNoAxeViolations(page);

      // Logging a phone call, and transferring a social-media request.
      await page.getByRole('link', { name: 'Yn ôl i’r achosion' }).click();
      await page.getByRole('link', { name: 'Cofnodi galwad ffôn neu ymweliad' }).click();
      await expectWelshPage(page, 'Cofnodi galwad ffôn neu ymweliad');
      await expectWelshError(page, 'Cofnodi’r cyswllt', 'Dewiswch sut y cysylltodd y preswylydd â’r cyngor');
      await page.getByRole('link', { name: 'Yn ôl i’r achosion' }).click();
      await page.getByRole('link', { name: 'Trosglwyddo cais o’r cyfryngau cymdeithasol' }).click();
      await expectWelshPage(page, 'Trosglwyddo cais o’r cyfryngau cymdeithasol');
      await page.getByRole('option', { name: 'X (Twitter gynt)' }).waitFor({ state: 'attached' });
      await expectWelshError(page, 'Trosglwyddo’r cais', 'Dewiswch y platfform y gwnaed y cais arno');

      // In a chat, the resident quotes the fault report: found, and told, in Welsh.
      const resident = await residentStartsChat(ward.browser, t.url, {
        name: 'Rita Resident',
        email: 'rita@example.com',
        topic: 'Something else',
      });
      await navigation.getByRole('link', { name: 'Sgwrsio' }).click();
      await page.getByRole('button', { name: `Derbyn sgwrs ${resident.caseReference}` }).click();
      await residentSends(resident, `Oes newyddion am ${report}?`);
      await expectAnnounced(page, `Wedi dod o hyd i achos ${report}: Fault report, ffurflen ar-lein, ar agor`);
      const quoted = page.getByRole('region', { name: 'Achosion a ddyfynnwyd gan y preswylydd' });
      await quoted.getByRole('link', { name: report }).waitFor();
      await quoted.getByText('Ar agor').waitFor();
      await quoted.getByText('Fault report · Ffurflen ar-lein · Highways and street lighting').waitFor();
      await expectNoAxeViolations(page);

      // The conversations page: finding a resident's conversations, and reading one.
      await navigation.getByRole('link', { name: 'Sgyrsiau' }).click();
      await expectWelshPage(page, 'Sgyrsiau');
      await expectWelshError(page, 'Chwilio', 'Rhowch gyfeiriad e-bost neu enw’r preswylydd');
      await page.getByLabel('Cyfeirnod achos').fill(resident.caseReference);
      await page.getByRole('button', { name: 'Dod o hyd i’r sgwrs' }).click();
      await expectWelshPage(page, resident.caseReference);
      await summaryValue(page, 'Statws').getByText('Yn weithredol').waitFor();
      await summaryValue(page, 'Iaith').getByText('Saesneg').waitFor();
      await expect.poll(() => summaryValue(page, 'Dechreuwyd').textContent()).toMatch(welshDateTime);
      await page.getByRole('heading', { name: 'Trawsgrifiad' }).waitFor();
      await page.getByText('Rita Resident (preswylydd)').waitFor();
      await page.getByRole('button', { name: 'Cywiro manylion y preswylydd' }).click();
      await page.getByRole('checkbox', { name: 'Gofynnodd y preswylydd am y cywiriad hwn (cais hawliau)' }).waitFor();
      await expectWelshError(page, 'Cadw’r cywiriad', 'Rhowch y rheswm dros y cywiriad');
      await resident.context.close();
    },
  );
});
