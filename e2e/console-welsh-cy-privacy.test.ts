import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';
const months = 'Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr';
/** "3 Rhagfyr 2026 am 2:05yp", as the console writes a date and time in Welsh. */
const welshDateTime = new RegExp(`\\d{1,2} (${months}) \\d{4} am (\\d{1,2}:\\d{2}y[bp]|canol dydd|hanner nos)`);
const welshDate = new RegExp(`\\d{1,2} (${months}) \\d{4}`);

const pageLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Opens a console page afresh and waits for its Welsh heading; the live regions are listened to again. */
async function open(page: Page, url: string, heading: string) {
  await page.goto(url);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(await pageLanguage(page)).toBe('cy');
  await listenToLiveRegions(page);
}

async function typeDate(page: Page, id: string, day: string, month: string, year: string) {
  await page.locator(`#${id}-day`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

describe('the privacy pages in Welsh (issue 13, ADR 51)', () => {
  const ward = useWardAndBrowser();

  /** A chat an adviser accepted and ended, over the sockets: something to place a legal hold on. */
  async function endedConversation(): Promise<string> {
    const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Agent' });
    const chat = await ward.t.startChat({ name: 'Ann Resident' });
    const socket = await ward.t.agentSocket(agent.cookie);
    expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
    await socket.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Sut alla i helpu?',
    });
    const ended = await socket.emitWithAck('conversation:end', {
      conversationId: chat.conversationId,
      summary: 'Cwyn am gasgliad a gollwyd',
    });
    expect(ended.ok).toBe(true);
    socket.disconnect();
    return chat.caseReference;
  }

  it(
    'an administrator in Cymraeg walks the rights requests, legal holds, retention, consents, notices, disclosures and record of processing, axe clean',
    { timeout: 240_000 },
    async () => {
      const caseReference = await endedConversation();
      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, password);
      const chosen = await page.evaluate(async () => {
        const response = await fetch('/api/auth/language', {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ language: 'cy' }),
        });
        return response.status;
      });
      expect(chosen).toBe(200);
      const base = `${ward.t.url}/console`;

      // Residents' rights requests: the list, then logging one, checked in Welsh first.
      await open(page, `${base}/requests`, 'Ceisiadau hawliau preswylwyr');
      expect(await page.title()).toBe('Ceisiadau – Ward');
      await page.getByText('Nid oes ceisiadau i’w dangos.').waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Cofnodi cais' }).click();
      await page.getByRole('heading', { name: 'Cofnodi cais', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Cofnodi’r cais' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.getByRole('link', { name: 'Dewiswch y math o gais' }).waitFor();
      await summary.getByRole('link', { name: 'Rhowch y dyddiad y daeth i law' }).waitFor();
      await expect.poll(() => page.title()).toBe('Gwall: Cofnodi cais – Ward');
      await expectNoAxeViolations(page);
      await typeDate(page, 'request-received', '31', '2', '2026');
      await page.getByRole('button', { name: 'Cofnodi’r cais' }).click();
      await summary.getByRole('link', { name: 'Rhaid i’r dyddiad y daeth i law fod yn ddyddiad go iawn' }).waitFor();
      await page.getByRole('radio', { name: 'Mynediad (cais gwrthrych am wybodaeth)' }).check();
      await typeDate(page, 'request-received', '2', '3', '2026');
      await page.getByRole('radio', { name: 'E-bost', exact: true }).check();
      await page.getByLabel('Enw llawn').fill('Fiona Canarybird');
      await page.getByLabel('Sut i gysylltu â nhw').fill('fiona@example.com');
      await page.getByRole('button', { name: 'Cofnodi’r cais' }).click();

      // The request: its due date in Welsh, the finder and what happens next checked in Welsh.
      await page.getByRole('heading', { name: 'Cais gwrthrych am wybodaeth', level: 1 }).waitFor();
      await expectAnnounced(page, 'Cofnodwyd y cais. Rhaid ei gwblhau erbyn 2 Ebrill 2026');
      const due = page.locator('.govuk-summary-list__row').filter({ hasText: 'Dyddiad cau' });
      await due.getByText('2 Ebrill 2026').waitFor();
      await page.getByRole('heading', { name: 'Cofnodwyd y cais' }).waitFor();
      await page.getByRole('heading', { name: 'Allforio data’r preswylydd' }).waitFor();
      await page.getByRole('button', { name: 'Chwilio' }).click();
      await summary
        .getByRole('link', { name: 'Rhowch enw, cyfeiriad e-bost, rhif ffôn, cod post neu gyfeirnod achos' })
        .waitFor();
      await page.getByRole('button', { name: 'Cadw', exact: true }).click();
      await summary.getByRole('link', { name: 'Dewiswch beth sy’n digwydd nesaf' }).waitFor();
      await expectNoAxeViolations(page);

      // The legal hold section on the conversation page, checked in Welsh, then a hold placed.
      await page.goto(`${base}/conversations/${caseReference}`);
      await page.getByRole('heading', { name: caseReference, level: 1 }).waitFor();
      await page.getByText('Dim gorchymyn cadw.').waitFor();
      await page.locator('#hold-end-day').fill('31');
      await page.getByRole('button', { name: 'Gosod y gorchymyn cadw' }).click();
      await summary.getByRole('link', { name: 'Dewiswch beth mae’r gorchymyn cadw yn ei gwmpasu' }).waitFor();
      await summary.getByRole('link', { name: 'Rhaid i’r dyddiad gorffen gynnwys mis a blwyddyn' }).waitFor();
      await expectNoAxeViolations(page);
      await page.locator('#hold-end-day').fill('');
      await page.getByRole('radio', { name: `Yr achos hwn (${caseReference})` }).check();
      await page.getByLabel('Rheswm dros y gorchymyn cadw').fill('Cwyn i’r Ombwdsmon 24-001');
      await page.getByRole('button', { name: 'Gosod y gorchymyn cadw' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `Mae ${caseReference} dan orchymyn cadw` })
        .waitFor();
      await expectNoAxeViolations(page);

      // Retention: the hold listed with the date it was placed, in Welsh.
      await open(page, `${base}/retention`, 'Cadw gwybodaeth');
      const holds = page.getByRole('region', { name: 'Gorchmynion cadw cyfreithiol gweithredol' });
      const row = holds.getByRole('row').filter({ hasText: 'Cwyn i’r Ombwdsmon 24-001' });
      await row.getByText('Nes iddo gael ei godi').waitFor();
      expect(await row.textContent()).toMatch(welshDateTime);
      await page.getByRole('heading', { name: 'Beth fydd yn cael ei ddileu nesaf' }).waitFor();
      await expectNoAxeViolations(page);

      // Privacy notices: checked, then published, with the date it takes effect in Welsh.
      await open(page, `${base}/privacy-notices`, 'Hysbysiadau preifatrwydd');
      await page.getByRole('button', { name: 'Cyhoeddi’r fersiwn hon' }).click();
      await summary.getByRole('link', { name: 'Rhowch fersiwn, fel 2026-12 neu 4.1' }).waitFor();
      await summary.getByRole('link', { name: 'Rhowch naill ai cyfeiriad yr hysbysiad neu ei destun' }).waitFor();
      await expect.poll(() => page.title()).toBe('Gwall: Hysbysiadau preifatrwydd – Ward');
      await expectNoAxeViolations(page);
      await page.getByLabel('Fersiwn', { exact: true }).fill('2026-12');
      await page.getByLabel('Neu destun yr hysbysiad').fill('Rydym yn defnyddio eich manylion i ateb eich ymholiad.');
      await page.getByRole('button', { name: 'Cyhoeddi’r fersiwn hon' }).click();
      await expectAnnounced(page, 'Mae fersiwn 2026-12 o’r hysbysiad preifatrwydd wedi’i chyhoeddi.');
      const notice = page.getByRole('row', { name: /2026-12.*Mewn grym/ });
      expect(await notice.textContent()).toMatch(welshDateTime);
      await expectNoAxeViolations(page);

      // Consents: the search checked in Welsh.
      await open(page, `${base}/consents`, 'Caniatâd');
      await page.getByRole('button', { name: 'Dod o hyd i ganiatâd' }).click();
      await summary.getByRole('link', { name: 'Rhowch gyfeirnod achos, neu dewiswch ddiben' }).waitFor();
      await page.getByLabel('Cyfeirnod achos').fill('nid cyfeirnod');
      await page.getByRole('button', { name: 'Dod o hyd i ganiatâd' }).click();
      await summary.getByRole('link', { name: /^Rhowch gyfeirnod achos dilys/ }).waitFor();
      await expectNoAxeViolations(page);

      // The disclosure log: a date that does not exist, then an empty log.
      await open(page, `${base}/disclosures`, 'Log datgelu');
      await typeDate(page, 'disclosures-from', '31', '2', '2026');
      await page.getByRole('button', { name: 'Dangos datgeliadau' }).click();
      await summary.getByRole('link', { name: 'Rhaid i’r dyddiad ‘O’ fod yn ddyddiad go iawn' }).waitFor();
      await expectNoAxeViolations(page);
      await typeDate(page, 'disclosures-from', '1', '2', '2026');
      await page.getByRole('button', { name: 'Dangos datgeliadau' }).click();
      await page.getByText('Ni chofnodwyd unrhyw ddatgeliadau rhwng y dyddiadau hynny.').waitFor();
      await expectAnnounced(page, 'Wedi dod o hyd i 0 datgeliad.');

      // The record of processing, produced today: a Welsh date.
      await open(page, `${base}/record-of-processing`, 'Cofnod prosesu');
      await page.getByRole('heading', { name: 'Rheolydd' }).waitFor();
      const produced = page.locator('.govuk-summary-list__row').filter({ hasText: 'Lluniwyd ar' });
      expect(await produced.textContent()).toMatch(welshDate);
      await page.getByRole('heading', { name: 'Mesurau diogelwch' }).waitFor();
      await expectNoAxeViolations(page);
    },
  );
});
