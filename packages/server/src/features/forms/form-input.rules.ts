import type { FormAnswerInput, FormDefinition } from '@ward/protocol';
import type { SubmissionInput } from './form-answers.rules.ts';

/**
 * The no-JavaScript page posts application/x-www-form-urlencoded. These rules read such a body
 * into the same input the JSON API takes, pure. Names follow the GOV.UK conventions: a date is
 * `<id>-day`, `<id>-month`, `<id>-year`; a location `<id>-where` and `<id>-postcode`.
 */
export type UrlEncodedBody = Record<string, string | string[]>;

/** The page's hidden trap for robots: people never see it, so never fill it in. */
export const honeypotName = 'website';
const maxNames = 200;

/** A urlencoded body; null when it has more names than any form could. Repeated names become lists. */
export function parseUrlEncoded(text: string): UrlEncodedBody | null {
  const body: UrlEncodedBody = Object.create(null) as UrlEncodedBody;
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > maxNames) return null;
    const existing = body[name];
    body[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return body;
}

export type PageSubmission = { ok: true; input: SubmissionInput; honeypotFilled: boolean } | { ok: false };

/** The answers a posted page holds; not ok when it holds names the page never has, or repeats one that is single. */
export function submissionFromPage(form: FormDefinition, body: UrlEncodedBody): PageSubmission {
  const used = new Set<string>();
  const single = (name: string): string | undefined | null => {
    used.add(name);
    const value = body[name];
    return Array.isArray(value) ? null : value;
  };
  const answers: Record<string, FormAnswerInput> = {};
  let malformed = false;
  const take = (id: string, value: FormAnswerInput | undefined | null) => {
    if (value === null) malformed = true;
    else if (value !== undefined) answers[id] = value;
  };
  for (const field of form.fields) {
    if (field.type === 'date') {
      const [day, month, year] = [single(`${field.id}-day`), single(`${field.id}-month`), single(`${field.id}-year`)];
      if (day === null || month === null || year === null) malformed = true;
      else answers[field.id] = { day: day ?? '', month: month ?? '', year: year ?? '' };
    } else if (field.type === 'location') {
      const [where, postcode] = [single(`${field.id}-where`), single(`${field.id}-postcode`)];
      if (where === null || postcode === null) malformed = true;
      else answers[field.id] = { where: where ?? '', postcode: postcode ?? '' };
    } else if (field.type === 'checkbox') {
      used.add(field.id);
      const value = body[field.id];
      if (value !== undefined) answers[field.id] = Array.isArray(value) ? value : [value];
    } else {
      take(field.id, single(field.id));
    }
  }
  const consent = single('consent');
  const honeypot = single(honeypotName);
  if (malformed || consent === null || honeypot === null) return { ok: false };
  if (Object.keys(body).some((name) => !used.has(name))) return { ok: false };
  return {
    ok: true,
    input: { answers, ...(form.consent ? { consent: consent === 'yes' } : {}) },
    honeypotFilled: (honeypot ?? '') !== '',
  };
}
