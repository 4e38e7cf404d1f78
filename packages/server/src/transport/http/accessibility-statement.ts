import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { AccessibilitySettings } from '../../shared/organisation-settings.ts';
import { accessibilityPath, html, page, type Html } from './forms-pages-html.ts';

/**
 * The accessibility statement for the web chat and the online forms (Public Sector Bodies
 * Accessibility Regulations 2018), after the GOV.UK model statement: what Ward meets is written
 * here; the council completes its contact details, test dates and any known issues in its settings.
 */
export function registerAccessibilityStatement(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(accessibilityPath, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        accessibilityStatement(ctx.organisation.name, ctx.organisation.slug, ctx.organisation.settings.accessibility),
      ),
  );
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

export function accessibilityStatement(council: string, slug: string, settings: AccessibilitySettings): string {
  const { contact, knownIssues } = settings;
  const contactList: Html[] = [];
  if (contact.email)
    contactList.push(html`<li>email <a class="govuk-link" href="mailto:${contact.email}">${contact.email}</a></li>`);
  if (contact.phone) contactList.push(html`<li>call ${contact.phone}</li>`);
  const ask =
    contactList.length > 0
      ? html`<ul class="govuk-list govuk-list--bullet">${contactList}</ul>`
      : html`<p class="govuk-body">contact ${council} through its website.</p>`;
  const compliance =
    knownIssues.length === 0
      ? html`<p class="govuk-body">The web chat and online forms are fully compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard.</p>`
      : html`<p class="govuk-body">The web chat and online forms are partially compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.</p>
<h3 class="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
<ul class="govuk-list govuk-list--bullet">${knownIssues.map((issue) => html`<li>${issue}</li>`)}</ul>`;
  const main = html`
<h1 class="govuk-heading-l">Accessibility statement for ${council}’s web chat and online forms</h1>
<p class="govuk-body">This statement applies to the web chat on ${council}’s website and to its <a class="govuk-link" href="/forms/${slug}/">online forms</a>.</p>
<p class="govuk-body">We want as many people as possible to be able to use them. For example, that means you should be able to:</p>
<ul class="govuk-list govuk-list--bullet">
<li>change colours, contrast levels and fonts using your browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>use them with just a keyboard, or with speech recognition software</li>
<li>use them with a screen reader, which is told when a new message arrives in the chat</li>
</ul>
<p class="govuk-body"><a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.</p>
<h2 class="govuk-heading-m">Feedback and contact information</h2>
<p class="govuk-body">If you need information from the chat or a form in a different format, like accessible PDF, large print, easy read, audio recording or braille:</p>
${ask}
<p class="govuk-body">We’ll consider your request and get back to you in ${settings.responseDays} working days.</p>
<h2 class="govuk-heading-m">Reporting accessibility problems</h2>
<p class="govuk-body">We’re always looking to improve accessibility. If you find any problems not listed on this page, or think we’re not meeting accessibility requirements, contact us in the same way.</p>
<h2 class="govuk-heading-m">Enforcement procedure</h2>
<p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>. If you are in Northern Ireland, contact the <a class="govuk-link" href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>.</p>
<h2 class="govuk-heading-m">Technical information about this website’s accessibility</h2>
<p class="govuk-body">${council} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
<h3 class="govuk-heading-s">Compliance status</h3>
${compliance}
<h2 class="govuk-heading-m">Preparation of this accessibility statement</h2>
<p class="govuk-body">${settings.preparedOn ? html`This statement was prepared on ${longDate(settings.preparedOn)}.` : 'This statement has not been dated by the council yet.'}${settings.reviewedOn ? html` It was last reviewed on ${longDate(settings.reviewedOn)}.` : ''}</p>
<p class="govuk-body">${settings.lastTestedOn ? html`The web chat and online forms were last tested on ${longDate(settings.lastTestedOn)} by ${settings.testedBy}.` : 'The council has not recorded a test of the web chat and online forms yet.'} Every release of the software is also checked automatically for accessibility problems with axe in a real browser.</p>`;
  return page({
    title: 'Accessibility statement',
    organisationName: council,
    homeHref: accessibilityPath,
    serviceName: 'Web chat and online forms',
    main,
  });
}
