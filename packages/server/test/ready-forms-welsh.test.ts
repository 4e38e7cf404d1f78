import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Ward's three ready-made forms as a Welsh resident reads them (issue 13, ADR 50): asked for by
 * `?lang=cy` or by the browser, every text on the page is Welsh — the council's name and the
 * language switch's own names aside — and so are its errors and its confirmation. English stays.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ids = ['report-a-fault', 'apply-for-a-service', 'leave-your-details'] as const;
const urlOf = (id: string, query = '') => `${t.url}/forms/demo/${id}${query}`;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#61': '=' };

/** The texts a person reads on a page, one per text node (the title's among them). */
async function textsOn(response: Response): Promise<string[]> {
  const html = (await response.text()).replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  return html
    .split(/<[^>]*>/)
    .map((text) => text.replace(/&(\w+|#\d+);/g, (whole, name: string) => entities[name] ?? whole).trim())
    .filter((text) => text !== '');
}
/** Texts the same in both languages: the council's name (English only here), each language's own name, punctuation. */
const sameInBoth = new Set(['Demo Borough Council', 'English', 'Cymraeg']);
const leftInEnglish = (english: string[], welsh: string[]) =>
  welsh.filter((text) => english.includes(text) && !sameInBoth.has(text) && /\p{L}/u.test(text));

const post = (id: string, body: Record<string, string>) =>
  fetch(urlOf(id, '?lang=cy'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ website: '', ...body }).toString(),
    redirect: 'manual',
  });
/** Answers each form accepts. */
const answers: Record<(typeof ids)[number], Record<string, string>> = {
  'report-a-fault': { faultType: 'pothole', 'location-where': 'Y tu allan i 12 Stryd Fawr', description: 'Twll mawr' },
  'apply-for-a-service': {
    service: 'garden-waste',
    name: 'Siân Jones',
    'address-where': '12 Stryd Fawr',
    'address-postcode': 'CF10 1AA',
    email: 'sian@example.com',
    terms: 'understood',
    consent: 'yes',
  },
  'leave-your-details': { name: 'Siân Jones', phone: '029 2018 0000', message: 'Ffoniwch fi', consent: 'yes' },
};

describe('the ready-made forms in Welsh', () => {
  it('are Welsh throughout for ?lang=cy and for a Welsh browser, and English for English', async () => {
    for (const id of ids) {
      const english = await textsOn(await fetch(urlOf(id, '?lang=en')));
      const welsh = await textsOn(await fetch(urlOf(id, '?lang=cy')));
      expect(english, id).toContain('Send');
      expect(welsh, id).toContain('Anfon');
      expect(leftInEnglish(english, welsh), id).toEqual([]);
      expect(welsh.length, id).toBe(english.length);
      const browser = await textsOn(await fetch(urlOf(id), { headers: { 'accept-language': 'cy-GB,cy;q=0.9' } }));
      expect(browser, id).toEqual(welsh);
    }
    const fault = await textsOn(await fetch(urlOf('report-a-fault', '?lang=cy')));
    for (const text of [
      'Rhoi gwybod am nam',
      'Pa fath o nam ydyw?',
      'Golau stryd nad yw’n gweithio',
      'Ble mae’r nam?',
      'Pryd wnaethoch chi sylwi arno? (dewisol)',
      'Er enghraifft, 4K7M-9P2X',
    ])
      expect(fault).toContain(text);
    const english = await textsOn(await fetch(urlOf('report-a-fault')));
    expect(english).toContain('Report a fault');
    expect(english).toContain('What kind of fault is it?');
    expect(english).not.toContain('Rhoi gwybod am nam');
    const list = await textsOn(await fetch(`${t.url}/forms/demo/?lang=cy`));
    for (const title of [
      'Rhoi gwybod am nam',
      'Gwneud cais am wasanaeth neu danysgrifio iddo',
      'Gadael eich manylion er mwyn i ni ymateb',
    ])
      expect(list).toContain(title);
  });

  it('say what to fix in Welsh, with nothing left in English', async () => {
    for (const id of ids) {
      const englishPost = await fetch(urlOf(id, '?lang=en'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'website=',
        redirect: 'manual',
      });
      const welshPost = await post(id, {});
      expect(welshPost.status, id).toBe(400);
      const [english, welsh] = [await textsOn(englishPost), await textsOn(welshPost)];
      expect(welsh, id).toContain('Mae problem');
      expect(leftInEnglish(english, welsh), id).toEqual([]);
    }
    const errors = await textsOn(await post('leave-your-details', { name: 'Siân Jones', consent: 'yes' }));
    expect(errors).toContain('Rhowch gyfeiriad e-bost neu rif ffôn');
    expect(errors).toContain('Rhowch eich neges');
  });

  it('confirm in Welsh, saying what happens next in Welsh', async () => {
    const next = {
      'report-a-fault': 'Byddwn yn archwilio’r nam ac yn ei roi ar ein rhestr o waith atgyweirio.',
      'apply-for-a-service': 'Byddwn yn gwirio eich cais ac yn anfon e-bost atoch o fewn 5 diwrnod gwaith',
      'leave-your-details': 'Byddwn yn ymateb o fewn 2 ddiwrnod gwaith, drwy e-bost neu dros y ffôn.',
    };
    for (const id of ids) {
      const posted = await post(id, answers[id]);
      expect(posted.status, id).toBe(303);
      const location = posted.headers.get('location') ?? '';
      expect(location, id).toContain('lang=cy');
      const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = await textsOn(await fetch(`${t.url}${location}`, { headers: { cookie } }));
      expect(page, id).toContain('Ffurflen wedi’i hanfon');
      expect(
        page.some((text) => text.startsWith(next[id])),
        id,
      ).toBe(true);
    }
  });
});
