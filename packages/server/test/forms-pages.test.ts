import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReferencePattern, FormDefinition } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { formPage } from '../src/transport/http/forms-pages.ts';

/** The public form pages, driven as a browser without JavaScript would: GET, then POST urlencoded. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const postForm = (
  formId: string,
  body: string | Record<string, string>,
  headers: Record<string, string> = urlencoded,
) =>
  fetch(`${t.url}/forms/demo/${formId}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
    redirect: 'manual',
  });
/** A browser following the redirect after a successful post, with the confirmation cookie it was given. */
const followToConfirmation = async (posted: Response) => {
  expect(posted.status).toBe(303);
  const location = posted.headers.get('location') ?? '';
  const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await fetch(`${t.url}${location}`, { headers: { cookie } });
  return { location, cookie, page };
};
const stored = async () => {
  const cases = await t.app.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel', '=', 'form')
    .executeTakeFirstOrThrow();
  const submissions = await t.app.db
    .selectFrom('form_submissions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { cases: Number(cases.n), submissions: Number(submissions.n) };
};

const faultReport = {
  faultType: 'street-light',
  'location-where': 'Outside 12 High Street',
  'location-postcode': '',
  description: 'The lamp has been off for a week',
  'noticedOn-day': '',
  'noticedOn-month': '',
  'noticedOn-year': '',
  caseReference: '',
  name: '',
  email: '',
  phone: '',
  website: '',
};

describe('the list of forms and a form page', () => {
  it('lists the council’s forms, linked from the demo page', async () => {
    const demo = await (await fetch(`${t.url}/`)).text();
    expect(demo).toContain('href="/forms/demo/"');
    const response = await fetch(`${t.url}/forms/demo/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const href of [
      '/forms/demo/report-a-fault',
      '/forms/demo/apply-for-a-service',
      '/forms/demo/leave-your-details',
    ])
      expect(html).toContain(`href="${href}"`);
    expect(html).toContain('<title>Online forms – Demo Borough Council</title>');
    expect((await fetch(`${t.url}/forms/demo`, { redirect: 'manual' })).headers.get('location')).toBe('/forms/demo/');
    const elsewhere = await fetch(`${t.url}/forms/elsewhere/`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toContain('Page not found');
    expect((await fetch(`${t.url}/forms/demo/no-such-form`)).status).toBe(404);
  });

  it('serves accessible GOV.UK markup with no script, under a strict policy', async () => {
    const response = await fetch(`${t.url}/forms/demo/report-a-fault`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).toMatch(
      /<fieldset class="govuk-fieldset"[^>]*>\s*<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What kind of fault is it\?<\/legend>/,
    );
    expect(html).toContain(
      '<input class="govuk-radios__input" id="faultType" name="faultType" type="radio" value="street-light">',
    );
    expect(html).toContain(
      '<label class="govuk-label govuk-radios__label" for="faultType">A street light that is not working</label>',
    );
    expect(html).toMatch(/<fieldset class="govuk-fieldset" role="group" aria-describedby="noticedOn-hint">/);
    expect(html).toContain('for="noticedOn-day">Day</label>');
    expect(html).toMatch(
      /<label class="govuk-label govuk-label--s" for="email">Email address \(optional\)<\/label><div id="email-hint" class="govuk-hint">/,
    );
    expect(html).toMatch(
      /id="email" name="email" type="email" value="" aria-describedby="email-hint" autocomplete="email" spellcheck="false"/,
    );
    expect(html).toMatch(/id="phone" name="phone" type="tel" value="" autocomplete="tel"/);
    expect(html).toMatch(/id="name" name="name" type="text" value="" autocomplete="name"/);
    expect(html).toContain('<form method="post" action="/forms/demo/report-a-fault" novalidate>');
    expect(html).toMatch(/<div class="ward-honeypot" aria-hidden="true">.*name="website".*tabindex="-1"/);
  });

  it('renders a council’s own select and checkboxes, keeping choices and escaping its texts', () => {
    const form = FormDefinition.parse({
      id: 'parking',
      title: 'Parking <permit>',
      department: 'parking',
      fields: [
        {
          id: 'zone',
          type: 'select',
          label: 'Zone',
          options: [
            { value: 'a', label: 'Zone A & B' },
            { value: 'c', label: 'Zone C' },
          ],
        },
        {
          id: 'extras',
          type: 'checkbox',
          label: 'Extras',
          required: false,
          options: [
            { value: 'visitor', label: 'Visitor permit' },
            { value: 'ev', label: 'Electric vehicle' },
          ],
        },
      ],
    });
    const html = formPage({ organisationName: 'Demo Borough Council', organisationSlug: 'demo' }, form, {
      answers: { zone: 'c', extras: ['ev'] },
    });
    expect(html).toContain('<h1 class="govuk-heading-l">Parking &#60;permit&#62;</h1>');
    expect(html).toContain(
      '<label class="govuk-label govuk-label--s" for="zone">Zone</label><select class="govuk-select" id="zone" name="zone">',
    );
    expect(html).toContain('<option value="a">Zone A &#38; B</option><option value="c" selected>Zone C</option>');
    expect(html).toContain('id="extras-2" name="extras" type="checkbox" value="ev" checked>');
    expect(html).toContain('id="extras" name="extras" type="checkbox" value="visitor">');
  });

  it('serves the GOV.UK Frontend stylesheet with its fonts and images, and nothing else from that folder', async () => {
    const css = await fetch(`${t.url}/forms/assets/govuk-frontend.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const text = await css.text();
    expect(text).not.toContain('url(/assets/');
    const fonts = [...text.matchAll(/url\((\/forms\/assets\/fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of new Set(fonts)) expect((await fetch(`${t.url}${font}`)).status, font).toBe(200);
    expect((await fetch(`${t.url}/forms/assets/images/govuk-crest.svg`)).status).toBe(200);
    expect((await fetch(`${t.url}/forms/assets/fonts/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/forms/assets/forms.css`)).status).toBe(200);
  });
});

describe('sending a form without JavaScript', () => {
  it('shows every problem in an error summary, keeps what was typed and never runs it as markup', async () => {
    const before = await stored();
    const hostile = '<script>alert("owned")</script>';
    const response = await postForm('report-a-fault', {
      ...faultReport,
      faultType: '',
      description: hostile,
      'location-where': '"><img src=x onerror=alert(1)>',
      email: 'not-an-email',
      'noticedOn-day': '31',
      'noticedOn-month': '2',
      'noticedOn-year': '2024',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: Report a fault – Demo Borough Council</title>');
    expect(html).toMatch(/<div class="govuk-error-summary" tabindex="-1" autofocus>/);
    const summary = html.slice(html.indexOf('govuk-error-summary'), html.indexOf('<h1'));
    expect([...summary.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['#faultType', 'Select what kind of fault it is'],
      ['#noticedOn-day', 'When did you notice it must be a real date'],
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
    ]);
    expect(html).toContain(
      '<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter an email address in the correct format, like name@example.com</p>',
    );
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('govuk-input--error" id="email" name="email" type="email" value="not-an-email"');
    expect(html).toContain('value="31"');
    // What was typed comes back as text, never as markup.
    expect(html).toContain('&#60;script&#62;alert(&#34;owned&#34;)&#60;/script&#62;</textarea>');
    expect(html).toContain('value="&#34;&#62;&#60;img src&#61;x onerror&#61;alert(1)&#62;"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(await stored()).toEqual(before);
  });

  it('opens a case and shows its reference and what happens next', async () => {
    const before = await stored();
    const { location, page: response } = await followToConfirmation(await postForm('report-a-fault', faultReport));
    expect(location).toBe('/forms/demo/report-a-fault/sent');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      '<div class="govuk-panel govuk-panel--confirmation">\n<h1 class="govuk-panel__title">Form sent</h1>',
    );
    expect(html).toContain('<title>Form sent: Report a fault – Demo Borough Council</title>');
    const reference = /Your case reference<br><strong>([^<]+)<\/strong>/.exec(html)?.[1] ?? '';
    expect(reference).toMatch(caseReferencePattern);
    expect(html).toContain('What happens next');
    expect(html).toContain('We will inspect the fault');
    const opened = await t.app.db
      .selectFrom('cases')
      .selectAll()
      .where('case_reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(opened).toMatchObject({
      channel: 'form',
      channel_detail: 'report-a-fault',
      department_id: 'highways',
      topic: 'Fault report',
      status: 'open',
    });
    expect(await stored()).toEqual({ cases: before.cases + 1, submissions: before.submissions + 1 });
  });

  it('asks for consent when the form says so, and keeps the tick', async () => {
    const response = await postForm('leave-your-details', {
      name: 'Ann Resident',
      email: '',
      phone: '07911 123456',
      caseReference: '',
      message: 'Please ring me',
      website: '',
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<a href="#consent">Confirm that you have read how we use your information</a>');
    expect(html).toContain('value="Ann Resident"');
    expect(html).toContain('href="https://www.example.gov.uk/privacy/customer-services"');
    const { page: sent } = await followToConfirmation(
      await postForm('leave-your-details', {
        name: 'Ann Resident',
        email: '',
        phone: '07911 123456',
        caseReference: '',
        message: 'Please ring me',
        consent: 'yes',
        website: '',
      }),
    );
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Make a note of your case reference');
  });

  it('never sends a form twice when the resident refreshes the confirmation, and keeps the reference out of the address', async () => {
    const posted = await postForm('report-a-fault', faultReport);
    const after = await stored();
    const { location, cookie, page } = await followToConfirmation(posted);
    const reference = /Your case reference<br><strong>([^<]+)<\/strong>/.exec(await page.text())?.[1] ?? '';
    expect(reference).toMatch(caseReferencePattern);
    expect(location).not.toContain(reference);
    expect(posted.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const refreshed = await fetch(`${t.url}${location}`, { headers: { cookie } });
    expect(await refreshed.text()).toContain(reference);
    expect(await stored()).toEqual(after);
    // Without the cookie, or with an altered one, the page goes back to the empty form.
    for (const headers of [{}, { cookie: cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }]) {
      const bounced = await fetch(`${t.url}${location}`, { headers, redirect: 'manual' });
      expect(bounced.status).toBe(303);
      expect(bounced.headers.get('location')).toBe('/forms/demo/report-a-fault');
    }
  });

  it('refuses robots, strange posts and oversized answers, and stores nothing', async () => {
    const before = await stored();
    const trapped = await postForm('report-a-fault', { ...faultReport, website: 'https://spam.example' });
    expect(trapped.status).toBe(400);
    expect(await trapped.text()).toContain('Your form could not be sent');
    expect((await postForm('report-a-fault', { ...faultReport, isAdmin: 'yes' })).status).toBe(400);
    expect(
      (await postForm('report-a-fault', JSON.stringify(faultReport), { 'content-type': 'application/json' })).status,
    ).toBe(415);
    expect((await postForm('report-a-fault', 'description=x', { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = await postForm('report-a-fault', { ...faultReport, description: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Your answers are too long');
    const long = await postForm('report-a-fault', { ...faultReport, description: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Describe the fault must be 2000 characters or less');
    expect(await stored()).toEqual(before);
  });
});
