import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReferencePattern } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { writeOrganisationFile } from './support/organisation-file.ts';

/**
 * Ward's own pages and emails in Welsh (issue 13, ADR 50): a council's form given in English and
 * Welsh, chosen by `?lang=cy` or the browser's language, its errors, confirmation and email in
 * Welsh; the privacy choices and the accessibility statement too. English stays as it was.
 */
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  const file = await writeOrganisationFile({
    accessibility: {
      contact: { email: 'access@demo.example', phone: '01632 960 000' },
      lastTestedOn: '2026-11-02',
      testedBy: { en: 'the council’s web team', cy: 'tîm gwe’r cyngor' },
      knownIssues: [
        { en: 'The map is hard to use by keyboard', cy: 'Mae’r map yn anodd ei ddefnyddio gyda bysellfwrdd' },
      ],
    },
    forms: [
      {
        id: 'report-a-pothole',
        title: { en: 'Report a pothole', cy: 'Rhoi gwybod am dwll yn y ffordd' },
        description: { en: 'Tell us where it is.', cy: 'Dywedwch wrthym ble mae.' },
        department: 'customer-services',
        whatHappensNext: {
          en: 'We will inspect it within 5 working days.',
          cy: 'Byddwn yn ei archwilio o fewn 5 diwrnod gwaith.',
        },
        consent: {
          privacyNoticeUrl: 'https://www.example.gov.uk/privacy',
          summary: {
            en: 'We use your answers to repair the road.',
            cy: 'Rydym yn defnyddio eich atebion i drwsio’r ffordd.',
          },
        },
        fields: [
          {
            id: 'where',
            type: 'text',
            label: { en: 'Where is the pothole?', cy: 'Ble mae’r twll?' },
            errorName: { en: 'where the pothole is', cy: 'ble mae’r twll' },
          },
          {
            id: 'noticedOn',
            type: 'date',
            label: { en: 'When did you notice it?', cy: 'Pryd wnaethoch chi sylwi arno?' },
            required: false,
            when: 'past',
          },
          {
            id: 'email',
            type: 'email',
            label: { en: 'Email address', cy: 'Cyfeiriad e-bost' },
            recordField: 'email',
            required: false,
          },
        ],
      },
      {
        id: 'report-graffiti',
        title: { en: 'Report graffiti', cy: 'Rhoi gwybod am graffiti' },
        department: 'customer-services',
        fields: [{ id: 'where', type: 'text', label: { en: 'Where is it?', cy: 'Ble mae e?' } }],
      },
    ],
  });
  t = await startTestApp({ env: { SMTP_URL: smtp.url, WARD_ORGANISATION_FILE: file } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A page's HTML with the attribute escaping of `=` undone, to read links as a browser does. */
const read = async (response: Response) => (await response.text()).replaceAll('&#61;', '=');
const formUrl = (query = '') => `${t.url}/forms/demo/report-a-pothole${query}`;
const post = (query: string, body: Record<string, string>) =>
  fetch(formUrl(query), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
    redirect: 'manual',
  });
const answers = (overrides: Record<string, string> = {}) => ({
  where: 'Outside 12 High Street',
  'noticedOn-day': '',
  'noticedOn-month': '',
  'noticedOn-year': '',
  email: '',
  consent: 'yes',
  website: '',
  ...overrides,
});

describe('an online form in Welsh', () => {
  it('is served in Welsh for ?lang=cy, with lang="cy", the council’s Welsh texts and a switch to English', async () => {
    const response = await fetch(formUrl('?lang=cy'));
    expect(response.status).toBe(200);
    const html = await read(response);
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain('<h1 class="govuk-heading-l">Rhoi gwybod am dwll yn y ffordd</h1>');
    expect(html).toContain('Ble mae’r twll?');
    expect(html).toContain('Pryd wnaethoch chi sylwi arno? (dewisol)');
    expect(html).toContain('>Diwrnod</label>');
    expect(html).toContain('Rydym yn defnyddio eich atebion i drwsio’r ffordd.');
    expect(html).toContain('Rwyf wedi darllen sut y byddwch yn defnyddio fy ngwybodaeth');
    expect(html).toContain('<button type="submit" class="govuk-button">Anfon</button>');
    expect(html).toContain('action="/forms/demo/report-a-pothole?lang=cy"');
    expect(html).toContain('<span aria-current="true">Cymraeg</span>');
    expect(html).toContain('href="/forms/demo/report-a-pothole?lang=en" hreflang="en" lang="en">English</a>');
    expect(html).toContain('Datganiad hygyrchedd');
    expect(html).not.toContain('Report a pothole');
  });

  it('follows the browser’s language when the link does not say, and stays English otherwise', async () => {
    const welsh = await read(await fetch(formUrl(), { headers: { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' } }));
    expect(welsh).toContain('<html lang="cy"');
    expect(welsh).toContain('Rhoi gwybod am dwll yn y ffordd');
    const english = await read(await fetch(formUrl(), { headers: { 'accept-language': 'en-GB,en;q=0.9' } }));
    expect(english).toContain('<html lang="en-GB"');
    expect(english).toContain('<h1 class="govuk-heading-l">Report a pothole</h1>');
    expect(english).toContain('href="/forms/demo/report-a-pothole?lang=cy" hreflang="cy" lang="cy">Cymraeg</a>');
    // English asked for by the link wins over a Welsh browser, and the form keeps it.
    const chosen = await read(await fetch(formUrl('?lang=en'), { headers: { 'accept-language': 'cy' } }));
    expect(chosen).toContain('<html lang="en-GB"');
    expect(chosen).toContain('action="/forms/demo/report-a-pothole?lang=en"');
    const list = await read(await fetch(`${t.url}/forms/demo/?lang=cy`));
    expect(list).toContain('<h1 class="govuk-heading-l">Ffurflenni ar-lein</h1>');
    expect(list).toContain('href="/forms/demo/report-a-pothole?lang=cy">Rhoi gwybod am dwll yn y ffordd</a>');
    const message = await read(await fetch(`${t.url}/leave-a-message/demo?lang=cy`));
    expect(message).toContain('<h1 class="govuk-heading-l">Gadael neges</h1>');
    expect(message).toContain('Peidiwch â chynnwys manylion cerdyn neu fanc.');
    expect(message).toContain('action="/leave-a-message/demo?lang=cy"');
  });

  it('says what to fix in Welsh, and stores nothing', async () => {
    const response = await post(
      '?lang=cy',
      answers({ where: '', 'noticedOn-day': '3', 'noticedOn-month': 'maw', 'noticedOn-year': '26', consent: '' }),
    );
    expect(response.status).toBe(400);
    const html = await read(response);
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain('<title>Gwall: Rhoi gwybod am dwll yn y ffordd – Demo Borough Council</title>');
    expect(html).toContain('<h2 class="govuk-error-summary__title">Mae problem</h2>');
    expect(html).toContain('<a href="#where">Rhowch ble mae’r twll</a>');
    expect(html).toContain('<a href="#noticedOn-year">Rhaid i’r flwyddyn gynnwys 4 rhif</a>');
    expect(html).toContain('Cadarnhewch eich bod wedi darllen sut rydym yn defnyddio eich gwybodaeth');
    expect(html).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
    const count = await t.app.db
      .selectFrom('form_submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('sends it, confirms in Welsh, stores the language and emails the confirmation in Welsh', async () => {
    const mail = smtp.next();
    const posted = await post(
      '?lang=cy',
      answers({
        email: 'eira@example.com',
        'noticedOn-day': '3',
        'noticedOn-month': 'Mawrth',
        'noticedOn-year': '2026',
      }),
    );
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toBe('/forms/demo/report-a-pothole/sent?lang=cy');
    const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await read(await fetch(`${t.url}${location}`, { headers: { cookie } }));
    expect(page).toContain('<html lang="cy"');
    expect(page).toContain('<h1 class="govuk-panel__title">Ffurflen wedi’i hanfon</h1>');
    expect(page).toContain('Eich cyfeirnod achos');
    expect(page).toContain('Rydym wedi anfon e-bost cadarnhau atoch gyda’ch cyfeirnod achos.');
    expect(page).toContain('Byddwn yn ei archwilio o fewn 5 diwrnod gwaith.');
    const reference = /<strong>([^<]+)<\/strong>/.exec(page)?.[1] ?? '';
    expect(reference).toMatch(caseReferencePattern);

    const stored = await t.app.db
      .selectFrom('form_submissions as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .select(['s.language', 'c.topic'])
      .where('c.case_reference', '=', reference)
      .executeTakeFirstOrThrow();
    // Staff read the case in English; the resident's language is kept with the submission.
    expect(stored).toEqual({ language: 'cy', topic: 'Report a pothole' });

    const email = await mail;
    expect(email.to).toBe('eira@example.com');
    expect(email.subject).toBe(`Rhoi gwybod am dwll yn y ffordd – cyfeirnod achos ${reference}`);
    expect(email.text).toContain('Mae Demo Borough Council wedi cael eich ffurflen: Rhoi gwybod am dwll yn y ffordd.');
    expect(email.text).toContain(`Eich cyfeirnod achos yw ${reference}.`);
    expect(email.text).toContain('Beth sy’n digwydd nesaf\nByddwn yn ei archwilio o fewn 5 diwrnod gwaith.');
    expect(email.text).not.toContain('Hello');
    expect(email.text).toContain('I weld beth y cytunoch iddo, neu i dynnu eich caniatâd yn ôl:');

    // The link in the Welsh email opens the privacy choices in Welsh, with the Welsh wording agreed to.
    const link = /https?:\/\/\S+\/privacy\/choices\/[A-Za-z0-9_-]{32}\?lang=cy/.exec(email.text)?.[0];
    expect(link).toBeDefined();
    const choices = await read(await fetch(link!));
    expect(choices).toContain('<html lang="cy"');
    expect(choices).toContain('<h1 class="govuk-heading-l">Eich dewisiadau preifatrwydd</h1>');
    expect(choices).toContain('Blwch ticio ar ffurflen ar-lein');
    expect(choices).toContain('Rydym yn defnyddio eich atebion i drwsio’r ffordd.');
    expect(choices).toContain('Tynnu caniatâd yn ôl');
    expect(choices).toContain(`action="${new URL(link!).pathname}?lang=cy"`);
    const expired = await fetch(`${t.url}/privacy/choices/${'A'.repeat(32)}?lang=cy`);
    expect(expired.status).toBe(404);
    expect(await read(expired)).toContain('Mae’r ddolen hon wedi dod i ben neu nid yw’n gywir');
  });

  it('says what happens next in Welsh when the council wrote nothing of its own', async () => {
    const posted = await fetch(`${t.url}/forms/demo/report-graffiti?lang=cy`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ where: 'The bus shelter on Mill Lane', website: '' }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await read(await fetch(`${t.url}${posted.headers.get('location')}`, { headers: { cookie } }));
    expect(page).toContain('Byddwn yn edrych ar yr hyn rydych chi wedi’i anfon');
    expect(page).not.toContain('We will look at what you have sent');
  });

  it('shows its problem pages in Welsh', async () => {
    const missing = await fetch(`${t.url}/forms/demo/no-such-form?lang=cy`);
    expect(missing.status).toBe(404);
    const html = await read(missing);
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain('Heb ddod o hyd i’r dudalen');
  });
});

describe('the accessibility statement in Welsh', () => {
  it('gives Ward’s part and the council’s own in Welsh, with dates in Welsh', async () => {
    const response = await fetch(`${t.url}/accessibility?lang=cy`);
    expect(response.status).toBe(200);
    const html = await read(response);
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain('Datganiad hygyrchedd ar gyfer sgwrs ar y we a ffurflenni ar-lein Demo Borough Council');
    expect(html).toContain('href="/forms/demo/?lang=cy">ffurflenni ar-lein</a>');
    expect(html).toContain('Mae’r map yn anodd ei ddefnyddio gyda bysellfwrdd');
    expect(html).toContain('ar 2 Tachwedd 2026 gan tîm gwe’r cyngor');
    expect(html).toContain('ffoniwch 01632 960 000');
    const english = await read(await fetch(`${t.url}/accessibility`));
    expect(english).toContain('<html lang="en-GB"');
    expect(english).toContain('The map is hard to use by keyboard');
    expect(english).toContain('last tested on 2 November 2026 by the council’s web team');
  });
});

describe('a resident’s refusals over the API', () => {
  const start = (body: Record<string, unknown>) =>
    fetch(`${t.url}/api/widget/demo/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Eira', topic: 'bins', consent: true, ...body }),
    });

  it('name which refusal it is, so the widget can say it in Welsh', async () => {
    const noTopic = await start({ topic: 'no-such-topic' });
    expect(noTopic.status).toBe(400);
    expect(((await noTopic.json()) as { error: unknown }).error).toMatchObject({
      code: 'bad_request',
      reason: 'topic-required',
    });
    const noCouncil = await fetch(`${t.url}/api/widget/elsewhere/config`);
    expect(noCouncil.status).toBe(404);
    expect(((await noCouncil.json()) as { error: unknown }).error).toMatchObject({ reason: 'chat-not-found' });
    const badForm = await fetch(`${t.url}/api/forms/demo/report-a-pothole/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { where: '' }, consent: true }),
    });
    expect(badForm.status).toBe(400);
    expect(((await badForm.json()) as { error: unknown }).error).toMatchObject({
      code: 'bad_request',
      reason: 'form-answers-invalid',
      fields: [{ field: 'where' }],
    });
  });
});
