import type { FastifyInstance } from 'fastify';
import { textIn, type Language } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { AccessibilitySettings } from '../../shared/organisation-settings.ts';
import { fill, fillParts, localeOf, textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { accessibilityPath, html, languageOfRequest, page, type Html } from './forms-pages-html.ts';

/**
 * The accessibility statement for the web chat and the online forms (Public Sector Bodies
 * Accessibility Regulations 2018), after the GOV.UK model statement: what Ward meets is written
 * here, in English and Welsh (ADR 50); the council completes its contact details, test dates and
 * any known issues in its settings, in either language or both.
 */
export function registerAccessibilityStatement(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(accessibilityPath, async (request, reply) => {
    const { language, pinned } = languageOfRequest(request);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language')
      .send(
        accessibilityStatement(
          ctx.organisation.name,
          ctx.organisation.slug,
          ctx.organisation.settings.accessibility,
          language,
          pinned,
        ),
      );
  });
}

const longDate = (iso: string, language: Language) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/** A sentence with links (or other markup) in place of its placeholders; the rest is escaped. */
const sentence = (template: string, values: Record<string, Html | string>): Html =>
  html`${fillParts<Html | string>(template, values)}`;

export function accessibilityStatement(
  council: string,
  slug: string,
  settings: AccessibilitySettings,
  language: Language = 'en',
  pinned = false,
): string {
  const says = textsIn(language).accessibility;
  const { contact, knownIssues } = settings;
  const contactList: Html[] = [];
  if (contact.email)
    contactList.push(
      html`<li>${sentence(says.email, { address: html`<a class="govuk-link" href="mailto:${contact.email}">${contact.email}</a>` })}</li>`,
    );
  if (contact.phone) contactList.push(html`<li>${fill(says.call, { phone: contact.phone })}</li>`);
  const ask =
    contactList.length > 0
      ? html`<ul class="govuk-list govuk-list--bullet">${contactList}</ul>`
      : html`<p class="govuk-body">${fill(says.contactThroughWebsite, { council })}</p>`;
  const wcag = html`<a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">${says.wcag}</a>`;
  const compliance =
    knownIssues.length === 0
      ? html`<p class="govuk-body">${sentence(says.fullyCompliant, { wcag })}</p>`
      : html`<p class="govuk-body">${sentence(says.partiallyCompliant, { wcag })}</p>
<h3 class="govuk-heading-s">${says.nonComplianceHeading}</h3>
<ul class="govuk-list govuk-list--bullet">${knownIssues.map((issue) => html`<li>${textIn(issue, language)}</li>`)}</ul>`;
  const formsHref = `/forms/${slug}/${language === 'en' && !pinned ? '' : `?lang=${language}`}`;
  const prepared = settings.preparedOn
    ? fill(says.preparedOn, { date: longDate(settings.preparedOn, language) })
    : says.notDated;
  const reviewed = settings.reviewedOn
    ? ` ${fill(says.reviewedOn, { date: longDate(settings.reviewedOn, language) })}`
    : '';
  const tested = settings.lastTestedOn
    ? fill(says.lastTested, {
        date: longDate(settings.lastTestedOn, language),
        testedBy: textIn(settings.testedBy, language),
      })
    : says.notTested;
  const main = html`
<h1 class="govuk-heading-l">${fill(says.heading, { council })}</h1>
<p class="govuk-body">${sentence(says.appliesTo, { council, forms: html`<a class="govuk-link" href="${formsHref}">${says.formsLink}</a>` })}</p>
<p class="govuk-body">${says.wantMany}</p>
<ul class="govuk-list govuk-list--bullet">
<li>${says.canChange}</li>
<li>${says.canZoom}</li>
<li>${says.canKeyboard}</li>
<li>${says.canScreenReader}</li>
</ul>
<p class="govuk-body">${sentence(says.abilityNet, { abilityNet: html`<a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">AbilityNet</a>` })}</p>
<h2 class="govuk-heading-m">${says.feedbackHeading}</h2>
<p class="govuk-body">${says.otherFormat}</p>
${ask}
<p class="govuk-body">${fill(says.considerRequest, { days: settings.responseDays })}</p>
<h2 class="govuk-heading-m">${says.reportingHeading}</h2>
<p class="govuk-body">${says.reporting}</p>
<h2 class="govuk-heading-m">${says.enforcementHeading}</h2>
<p class="govuk-body">${sentence(says.enforcement, {
    eass: html`<a class="govuk-link" href="https://www.equalityadvisoryservice.com/">${says.eassLink}</a>`,
    ecni: html`<a class="govuk-link" href="https://www.equalityni.org/Home">${says.ecniLink}</a>`,
  })}</p>
<h2 class="govuk-heading-m">${says.technicalHeading}</h2>
<p class="govuk-body">${fill(says.committed, { council })}</p>
<h3 class="govuk-heading-s">${says.complianceHeading}</h3>
${compliance}
<h2 class="govuk-heading-m">${says.preparationHeading}</h2>
<p class="govuk-body">${prepared}${reviewed}</p>
<p class="govuk-body">${tested} ${says.axe}</p>`;
  return page({
    title: says.title,
    organisationName: council,
    homeHref: accessibilityPath,
    serviceName: says.serviceName,
    main,
    language,
    pinned,
    here: accessibilityPath,
  });
}
