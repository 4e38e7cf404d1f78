import type { FormAnswerInput, FormDefinition, Language, RedactionCategory } from '@ward/protocol';
import type { FieldError } from '../../features/forms/field-validation.rules.ts';
import { honeypotName } from '../../features/forms/form-input.rules.ts';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { renderField } from './forms-pages-fields.ts';
import { html, inLanguage, page } from './forms-pages-html.ts';

/**
 * The public form pages (issue 4): the list, a form (with its errors), the confirmation, a problem;
 * in the resident's language (ADR 50), with the form's texts as the council gave them in it.
 */
export type Site = {
  organisationName: string;
  organisationSlug: string;
  language?: Language;
  /** The language was asked for by `?lang=` (links keep it). */
  pinned?: boolean;
};

const languageOf = (site: Site) => site.language ?? 'en';
const link = (site: Site, href: string) => inLanguage(href, languageOf(site), site.pinned);
const listPath = (site: Site) => `/forms/${encodeURIComponent(site.organisationSlug)}/`;
const formPath = (site: Site, form: FormDefinition) => `${listPath(site)}${encodeURIComponent(form.id)}`;

export function listPage(site: Site, forms: readonly FormDefinition[]): string {
  const language = languageOf(site);
  const says = textsIn(language).forms;
  const main = html`<h1 class="govuk-heading-l">${says.serviceName}</h1>
<p class="govuk-body">${fill(says.listIntro, { council: site.organisationName })}</p>
${
  forms.length === 0
    ? html`<p class="govuk-body">${says.noForms}</p>`
    : html`<ul class="govuk-list">${forms.map((form) => html`<li><h2 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="${link(site, formPath(site, form))}">${form.title}</a></h2>${form.description ? html`<p class="govuk-body">${form.description}</p>` : ''}</li>`)}</ul>`
}`;
  return page({
    title: says.serviceName,
    organisationName: site.organisationName,
    homeHref: listPath(site),
    main,
    language,
    pinned: site.pinned,
  });
}

export function formPage(
  site: Site,
  form: FormDefinition,
  state: {
    answers?: Record<string, FormAnswerInput>;
    consent?: boolean;
    errors?: readonly FieldError[];
    /** Where it posts (a form of the list by default) and what it carries back unseen. */
    action?: string;
    hidden?: Record<string, string>;
  } = {},
): string {
  const language = languageOf(site);
  const says = textsIn(language).forms;
  const errors = state.errors ?? [];
  const errorOf = (id: string) => errors.find((e) => e.field === id);
  // tabindex and autofocus put focus on the summary without JavaScript, as the Design System asks.
  const summary = errors.length
    ? html`<div class="govuk-error-summary" tabindex="-1" autofocus>
<div role="alert"><h2 class="govuk-error-summary__title">${says.errorSummaryTitle}</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${errors.map((e) => html`<li><a href="${e.href}">${e.message}</a></li>`)}</ul></div></div></div>`
    : '';
  const consentError = errorOf('consent');
  const consent = form.consent
    ? html`<div class="govuk-form-group${consentError ? ' govuk-form-group--error' : ''}">
<h2 class="govuk-heading-m">${says.howWeUseInformation}</h2>
<p class="govuk-body">${form.consent.summary} <a class="govuk-link" href="${form.consent.privacyNoticeUrl}" rel="noreferrer noopener" target="_blank">${says.readPrivacyNotice}</a>.</p>
${consentError ? html`<p id="consent-error" class="govuk-error-message"><span class="govuk-visually-hidden">${says.errorPrefix}</span> ${consentError.message}</p>` : ''}
<div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="consent" name="consent" type="checkbox" value="yes"${state.consent ? html` checked` : ''}${consentError ? html` aria-describedby="consent-error"` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="consent">${says.consentCheckbox}</label></div></div></div>`
    : '';
  const action = state.action ?? formPath(site, form);
  const main = html`${summary}<h1 class="govuk-heading-l">${form.title}</h1>
${form.description ? html`<p class="govuk-body">${form.description}</p>` : ''}
<form method="post" action="${link(site, action)}" novalidate>
${Object.entries(state.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${form.fields.map((field) => renderField(field, state.answers?.[field.id], errorOf(field.id), language))}
${consent}
<div class="ward-honeypot" aria-hidden="true"><label for="${honeypotName}">${says.honeypot}</label><input id="${honeypotName}" name="${honeypotName}" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit" class="govuk-button">${says.send}</button>
</form>`;
  return page({
    title: form.title,
    organisationName: site.organisationName,
    homeHref: listPath(site),
    backHref: listPath(site),
    main,
    hasErrors: errors.length > 0,
    language,
    pinned: site.pinned,
    here: action,
  });
}

export function confirmationPage(
  site: Site,
  form: FormDefinition,
  result: { caseReference: string; emailed: boolean; redactions: readonly RedactionCategory[] },
  heading?: string,
  here?: string,
): string {
  const language = languageOf(site);
  const says = textsIn(language).forms;
  const title = heading ?? says.formSent;
  const main = html`<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">${title}</h1>
<div class="govuk-panel__body">${says.yourCaseReference}<br><strong>${result.caseReference}</strong></div></div>
${result.emailed ? html`<p class="govuk-body">${says.emailed}</p>` : html`<p class="govuk-body">${says.noteReference}</p>`}
${result.redactions.length ? html`<div class="govuk-inset-text">${says.redacted}</div>` : ''}
<h2 class="govuk-heading-m">${says.whatHappensNext}</h2>
<p class="govuk-body">${form.whatHappensNext}</p>
<p class="govuk-body"><a class="govuk-link" href="${link(site, listPath(site))}">${says.sendAnother}</a></p>`;
  return page({
    title: fill(says.confirmationTitle, { heading: title, form: form.title }),
    organisationName: site.organisationName,
    homeHref: listPath(site),
    main,
    language,
    pinned: site.pinned,
    here: here ?? `${formPath(site, form)}/sent`,
  });
}

/** A page for a request that cannot be handled: not found, too large, not understood. */
export function problemPage(site: Site, title: string, message: string, here?: string): string {
  const language = languageOf(site);
  const main = html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p>
<p class="govuk-body"><a class="govuk-link" href="${link(site, listPath(site))}">${textsIn(language).forms.goToList}</a></p>`;
  return page({
    title,
    organisationName: site.organisationName,
    homeHref: listPath(site),
    main,
    language,
    pinned: site.pinned,
    here,
  });
}
