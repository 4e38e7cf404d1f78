import type { FastifyReply } from 'fastify';
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
}): string {
  const title = `${input.hasErrors ? 'Error: ' : ''}${input.title} – ${input.organisationName}`;
  return `<!DOCTYPE html>${
    html`
<html lang="en-GB" class="govuk-template">
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
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-generic-header" role="banner">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="${input.homeHref}" class="govuk-generic-header__homepage-link">${input.organisationName}</a></div>
</div>
</header>
<section aria-label="Service information" class="govuk-service-navigation">
<div class="govuk-width-container"><div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name"><a href="${input.homeHref}" class="govuk-service-navigation__link">${input.serviceName ?? 'Online forms'}</a></span>
</div></div>
</section>
<div class="govuk-width-container">
${input.backHref ? html`<a href="${input.backHref}" class="govuk-back-link">Back</a>` : ''}
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${input.main}
</div></div>
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="${accessibilityPath}">Accessibility statement</a></li></ul>
<p class="govuk-body-s">${input.organisationName}. Online forms and web chat served by Ward.</p>
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
