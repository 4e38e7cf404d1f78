import type { ConsentMethod, ConsentProof, Language } from '@ward/protocol';
import { fill, localeOf, textsIn, type ResidentTexts } from '../../shared/resident-texts/resident-texts.ts';
import { html, page, type Html } from './forms-pages-html.ts';

/**
 * The resident's own page of consents (ADR 37), reached from the link in every email Ward sends;
 * in the resident's language (ADR 50): the link in a Welsh email opens it in Welsh.
 */
export type ChoicesSite = {
  organisationName: string;
  purposeLabels: Record<string, string>;
  language?: Language;
  pinned?: boolean;
};

const when = (iso: string, language: Language) =>
  new Date(iso).toLocaleString(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

const methodLabel = (says: ResidentTexts['privacyChoices'], method: ConsentMethod): string =>
  ({
    'pre-chat-form': says.methodPreChatForm,
    dialogue: says.methodDialogue,
    'typed-statement': says.methodTypedStatement,
    'post-chat-form': says.methodPostChatForm,
    'online-form': says.methodOnlineForm,
  })[method];

function consentRow(site: ChoicesSite, formAction: string, consent: ConsentProof): Html {
  const language = site.language ?? 'en';
  const says = textsIn(language).privacyChoices;
  const purpose = site.purposeLabels[consent.purpose] ?? consent.purpose;
  const state = consent.withdrawnAt
    ? html`<strong class="govuk-tag govuk-tag--grey">${says.withdrawn}</strong> ${fill(says.withdrawnOn, { date: when(consent.withdrawnAt, language) })}`
    : html`<form method="post" action="${formAction}" novalidate>
<input type="hidden" name="consentId" value="${consent.id}">
<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">${says.withdraw}<span class="govuk-visually-hidden"> ${fill(says.withdrawHidden, { purpose })}</span></button>
</form>`;
  return html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${purpose}</h2></div>
<div class="govuk-summary-card__content"><dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${says.whatYouAgreed}</dt><dd class="govuk-summary-list__value">${consent.wording}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${says.how}</dt><dd class="govuk-summary-list__value">${methodLabel(says, consent.method)}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${says.when}</dt><dd class="govuk-summary-list__value">${when(consent.givenAt, language)}</dd></div>
${consent.caseReference ? html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${says.caseReference}</dt><dd class="govuk-summary-list__value">${consent.caseReference}</dd></div>` : ''}
</dl>${state}</div></div>`;
}

/** `here`: the page's address without its query; the form posts back to it in the same language. */
export function privacyChoicesPage(
  site: ChoicesSite,
  here: string,
  consents: readonly ConsentProof[],
  withdrawn: ConsentProof | null,
): string {
  const language = site.language ?? 'en';
  const says = textsIn(language).privacyChoices;
  const formAction = language === 'en' && !site.pinned ? here : `${here}?lang=${language}`;
  const banner = withdrawn
    ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="withdrawn-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="withdrawn-title">${says.success}</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${fill(says.youWithdrew, { purpose: site.purposeLabels[withdrawn.purpose] ?? withdrawn.purpose })}</p>
<p class="govuk-body">${says.stopped}</p></div></div>`
    : '';
  const list =
    consents.length === 0
      ? html`<p class="govuk-body">${says.none}</p>`
      : consents.map((c) => consentRow(site, formAction, c));
  const main = html`${banner}<h1 class="govuk-heading-l">${says.serviceName}</h1>
<p class="govuk-body">${fill(says.intro, { council: site.organisationName })}</p>
<p class="govuk-body">${says.rest}</p>
${list}`;
  return page({
    title: withdrawn ? says.consentWithdrawn : says.serviceName,
    organisationName: site.organisationName,
    homeHref: here,
    main,
    serviceName: says.serviceName,
    language,
    pinned: site.pinned,
    here,
  });
}

export function choicesProblemPage(
  organisationName: string,
  title: string,
  message: string,
  language: Language = 'en',
): string {
  const main = html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p>`;
  return page({
    title,
    organisationName,
    homeHref: '/accessibility',
    main,
    serviceName: textsIn(language).privacyChoices.serviceName,
    language,
  });
}

/** A privacy notice Ward holds as text: paragraphs from blank lines, nothing else interpreted. */
export function privacyNoticePage(
  organisationName: string,
  version: string,
  body: string,
  language: Language = 'en',
): string {
  const says = textsIn(language).privacyChoices;
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const main = html`<h1 class="govuk-heading-l">${says.privacyNotice}</h1>
<p class="govuk-body-s">${fill(says.version, { version })}</p>
${paragraphs.map((p) => html`<p class="govuk-body">${p}</p>`)}`;
  return page({
    title: says.privacyNotice,
    organisationName,
    homeHref: '/accessibility',
    main,
    serviceName: says.privacyNotice,
    language,
  });
}
