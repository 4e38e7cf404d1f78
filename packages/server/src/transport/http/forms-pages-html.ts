import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '@ward/protocol';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { askedLanguage, chooseLanguage } from '../../shared/resident-texts/choose-language.rules.ts';
/**
 * A tiny HTML builder for the server-rendered form pages: every interpolated value is escaped
 * unless it is already built HTML, so what a resident typed can never become markup or script.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += render(part) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** An attribute only when the value is present: ` name="value"`. */
export function attr(name: string, value: string | null | undefined | false): Html {
  return value ? html` ${new Html(name)}="${value}"` : new Html('');
}

export const cssPath = '/forms/assets/govuk-frontend.min.css';
/** The accessibility statement of the chat and the forms (accessibility-statement.ts). */
export const accessibilityPath = '/accessibility';
export const wardCssPath = '/forms/assets/forms.css';

/** The language a resident's page is in (ADR 50): `?lang=`, else Accept-Language, else English. */
export function languageOfRequest(request: FastifyRequest): { language: Language; pinned: boolean } {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  return {
    language: chooseLanguage(query, request.headers['accept-language']),
    pinned: askedLanguage(query) !== null,
  };
}

/**
 * A link that keeps the page's language: `?lang=cy` is added for Welsh; English links stay as they
 * were unless English was asked for by the link (`pinned`), when a Welsh browser would otherwise win.
 */
export function inLanguage(href: string, language: Language, pinned = false): string {
  return language === 'en' && !pinned ? href : `${href}${href.includes('?') ? '&' : '?'}lang=${language}`;
}

/** The language switch Welsh public bodies show on every page: each language named in itself. */
function languageSwitch(here: string, language: Language): Html {
  const item = (lang: Language, name: string) =>
    lang === language
      ? html`<li class="ward-language-switch__item"><span aria-current="true">${name}</span></li>`
      : html`<li class="ward-language-switch__item"><a class="govuk-link" href="${here}?lang=${lang}" hreflang="${lang}" lang="${lang}">${name}</a></li>`;
  return html`<nav class="ward-language-switch" aria-label="${textsIn(language).page.languageSwitch}"><ul class="ward-language-switch__list">${item('en', 'English')}${item('cy', 'Cymraeg')}</ul></nav>`;
}

/** The GOV.UK page template, without JavaScript. */
export function page(input: {
  title: string;
  organisationName: string;
  homeHref: string;
  main: Html;
  hasErrors?: boolean;
  backHref?: string;
  /** The name in the service navigation; the forms' by default. */
  serviceName?: string;
  /** The page's language (ADR 50) and its address without the query, for the language switch. */
  language?: Language;
  /** The language was asked for by `?lang=`: links keep it even when it is English. */
  pinned?: boolean;
  here?: string;
}): string {
  const language = input.language ?? 'en';
  const link = (href: string) => inLanguage(href, language, input.pinned);
  const texts = textsIn(language).page;
  const title = `${input.hasErrors ? fill(texts.errorTitle, { title: input.title }) : input.title} – ${input.organisationName}`;
  return `<!DOCTYPE html>${
    html`
<html lang="${language === 'cy' ? 'cy' : 'en-GB'}" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<meta name="robots" content="noindex">
<link rel="stylesheet" href="${cssPath}">
<link rel="stylesheet" href="${wardCssPath}">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">${texts.skipLink}</a>
<header class="govuk-generic-header" role="banner">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="${link(input.homeHref)}" class="govuk-generic-header__homepage-link">${input.organisationName}</a></div>
</div>
</header>
<section aria-label="${texts.serviceInformation}" class="govuk-service-navigation">
<div class="govuk-width-container"><div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name"><a href="${link(input.homeHref)}" class="govuk-service-navigation__link">${input.serviceName ?? textsIn(language).forms.serviceName}</a></span>
</div></div>
</section>
<div class="govuk-width-container">${languageSwitch(input.here ?? input.homeHref, language)}</div>
<div class="govuk-width-container">
${input.backHref ? html`<a href="${link(input.backHref)}" class="govuk-back-link">${texts.back}</a>` : ''}
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${input.main}
</div></div>
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">${texts.supportLinks}</h2>
<ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="${link(accessibilityPath)}">${texts.accessibilityStatement}</a></li></ul>
<p class="govuk-body-s">${fill(texts.servedBy, { council: input.organisationName })}</p>
</div></div></div>
</footer>
</body>
</html>
`.value
  }`;
}

/** The pages load only Ward's own styles, post only to Ward, and are never framed. */
const pageCsp =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  // Pages may hold what a resident typed: never cached.
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', pageCsp)
    .header('cache-control', 'no-store')
    .send(body);
}
