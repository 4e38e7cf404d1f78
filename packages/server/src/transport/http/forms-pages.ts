import {
  consentCheckboxLabels,
  type FormAnswerInput,
  type FormDefinition,
  type RedactionCategory,
} from '@ward/protocol';
import type { FieldError } from '../../features/forms/field-validation.rules.ts';
import { honeypotName } from '../../features/forms/form-input.rules.ts';
import { renderField } from './forms-pages-fields.ts';
import { html, page } from './forms-pages-html.ts';

/** The public form pages (issue 4): the list, a form (with its errors), the confirmation, a problem. */
export type Site = { organisationName: string; organisationSlug: string };

const listHref = (site: Site) => `/forms/${encodeURIComponent(site.organisationSlug)}/`;
const formHref = (site: Site, form: FormDefinition) => `${listHref(site)}${encodeURIComponent(form.id)}`;

export function listPage(site: Site, forms: readonly FormDefinition[]): string {
  const main = html`<h1 class="govuk-heading-l">Online forms</h1>
<p class="govuk-body">Use these forms to report a problem or ask ${site.organisationName} for something. You will get a case reference to quote if you contact us again.</p>
${
  forms.length === 0
    ? html`<p class="govuk-body">There are no forms at the moment.</p>`
    : html`<ul class="govuk-list">${forms.map((form) => html`<li><h2 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="${formHref(site, form)}">${form.title}</a></h2>${form.description ? html`<p class="govuk-body">${form.description}</p>` : ''}</li>`)}</ul>`
}`;
  return page({ title: 'Online forms', organisationName: site.organisationName, homeHref: listHref(site), main });
}

export function formPage(
  site: Site,
  form: FormDefinition,
  state: { answers?: Record<string, FormAnswerInput>; consent?: boolean; errors?: readonly FieldError[] } = {},
): string {
  const errors = state.errors ?? [];
  const errorOf = (id: string) => errors.find((e) => e.field === id);
  // tabindex and autofocus put focus on the summary without JavaScript, as the Design System asks.
  const summary = errors.length
    ? html`<div class="govuk-error-summary" tabindex="-1" autofocus>
<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${errors.map((e) => html`<li><a href="${e.href}">${e.message}</a></li>`)}</ul></div></div></div>`
    : '';
  const consentError = errorOf('consent');
  const consent = form.consent
    ? html`<div class="govuk-form-group${consentError ? ' govuk-form-group--error' : ''}">
<h2 class="govuk-heading-m">How we use your information</h2>
<p class="govuk-body">${form.consent.summary} <a class="govuk-link" href="${form.consent.privacyNoticeUrl}" rel="noreferrer noopener" target="_blank">Read our privacy notice (opens in new tab)</a>.</p>
${consentError ? html`<p id="consent-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${consentError.message}</p>` : ''}
<div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="consent" name="consent" type="checkbox" value="yes"${state.consent ? html` checked` : ''}${consentError ? html` aria-describedby="consent-error"` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="consent">${consentCheckboxLabels.onlineForm}</label></div></div></div>`
    : '';
  const main = html`${summary}<h1 class="govuk-heading-l">${form.title}</h1>
${form.description ? html`<p class="govuk-body">${form.description}</p>` : ''}
<form method="post" action="${formHref(site, form)}" novalidate>
${form.fields.map((field) => renderField(field, state.answers?.[field.id], errorOf(field.id)))}
${consent}
<div class="ward-honeypot" aria-hidden="true"><label for="${honeypotName}">Leave this empty</label><input id="${honeypotName}" name="${honeypotName}" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit" class="govuk-button">Send</button>
</form>`;
  return page({
    title: form.title,
    organisationName: site.organisationName,
    homeHref: listHref(site),
    backHref: listHref(site),
    main,
    hasErrors: errors.length > 0,
  });
}

export function confirmationPage(
  site: Site,
  form: FormDefinition,
  result: { caseReference: string; emailed: boolean; redactions: readonly RedactionCategory[] },
): string {
  const main = html`<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Form sent</h1>
<div class="govuk-panel__body">Your case reference<br><strong>${result.caseReference}</strong></div></div>
${result.emailed ? html`<p class="govuk-body">We have sent you a confirmation email with your case reference.</p>` : html`<p class="govuk-body">Make a note of your case reference. Quote it if you contact us about this again.</p>`}
${result.redactions.length ? html`<div class="govuk-inset-text">We removed what looked like card, bank or National Insurance details from your answers. Never send them in a form.</div>` : ''}
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">${form.whatHappensNext}</p>
<p class="govuk-body"><a class="govuk-link" href="${listHref(site)}">Send another form</a></p>`;
  return page({
    title: `Form sent: ${form.title}`,
    organisationName: site.organisationName,
    homeHref: listHref(site),
    main,
  });
}

/** A page for a request that cannot be handled: not found, too large, not understood. */
export function problemPage(site: Site, title: string, message: string): string {
  const main = html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p>
<p class="govuk-body"><a class="govuk-link" href="${listHref(site)}">Go to the list of online forms</a></p>`;
  return page({ title, organisationName: site.organisationName, homeHref: listHref(site), main });
}
