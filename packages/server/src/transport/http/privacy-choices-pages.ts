import type { ConsentProof } from '@ward/protocol';
import { consentMethodLabels } from '@ward/protocol';
import { html, page, type Html } from './forms-pages-html.ts';

/** The resident's own page of consents (ADR 37), reached from the link in every email Ward sends. */
export type ChoicesSite = { organisationName: string; purposeLabels: Record<string, string> };

const serviceName = 'Your privacy choices';
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

function consentRow(site: ChoicesSite, formAction: string, consent: ConsentProof): Html {
  const purpose = site.purposeLabels[consent.purpose] ?? consent.purpose;
  const state = consent.withdrawnAt
    ? html`<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong> on ${when(consent.withdrawnAt)}`
    : html`<form method="post" action="${formAction}" novalidate>
<input type="hidden" name="consentId" value="${consent.id}">
<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Withdraw consent<span class="govuk-visually-hidden"> to ${purpose}</span></button>
</form>`;
  return html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${purpose}</h2></div>
<div class="govuk-summary-card__content"><dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What you agreed to</dt><dd class="govuk-summary-list__value">${consent.wording}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">How</dt><dd class="govuk-summary-list__value">${consentMethodLabels[consent.method]}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When</dt><dd class="govuk-summary-list__value">${when(consent.givenAt)}</dd></div>
${consent.caseReference ? html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Case reference</dt><dd class="govuk-summary-list__value">${consent.caseReference}</dd></div>` : ''}
</dl>${state}</div></div>`;
}

export function privacyChoicesPage(
  site: ChoicesSite,
  formAction: string,
  consents: readonly ConsentProof[],
  withdrawn: ConsentProof | null,
): string {
  const banner = withdrawn
    ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="withdrawn-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="withdrawn-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You have withdrawn your consent to ${site.purposeLabels[withdrawn.purpose] ?? withdrawn.purpose}.</p>
<p class="govuk-body">We have stopped from now on. We keep a record that you withdrew it.</p></div></div>`
    : '';
  const list =
    consents.length === 0
      ? html`<p class="govuk-body">You have not given us your consent for anything with this contact.</p>`
      : consents.map((c) => consentRow(site, formAction, c));
  const main = html`${banner}<h1 class="govuk-heading-l">${serviceName}</h1>
<p class="govuk-body">This is what you agreed to when you contacted ${site.organisationName}. You can withdraw your consent at any time. Withdrawing does not affect what we did before.</p>
<p class="govuk-body">We use the rest of your information to answer your enquiry, as our privacy notice explains. To ask to see it, correct it or remove it, contact us quoting your case reference.</p>
${list}`;
  return page({
    title: withdrawn ? 'Consent withdrawn' : serviceName,
    organisationName: site.organisationName,
    homeHref: formAction,
    main,
    serviceName,
  });
}

export function choicesProblemPage(organisationName: string, title: string, message: string): string {
  const main = html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p>`;
  return page({ title, organisationName, homeHref: '/accessibility', main, serviceName });
}

/** A privacy notice Ward holds as text: paragraphs from blank lines, nothing else interpreted. */
export function privacyNoticePage(organisationName: string, version: string, body: string): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const main = html`<h1 class="govuk-heading-l">Privacy notice</h1>
<p class="govuk-body-s">Version ${version}</p>
${paragraphs.map((p) => html`<p class="govuk-body">${p}</p>`)}`;
  return page({
    title: 'Privacy notice',
    organisationName,
    homeHref: '/accessibility',
    main,
    serviceName: 'Privacy notice',
  });
}
