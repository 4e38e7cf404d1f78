import { redactionCategories, redactionMarkers, type RedactionCategory } from '@ward/protocol';
import { bankSpans } from './bank-details.rules.ts';
import { cardSpans } from './card-numbers.rules.ts';
import { nationalInsuranceSpans } from './national-insurance.rules.ts';
import type { RedactionSpan } from './redaction-span.rules.ts';

/**
 * Redaction on the way in (ADR 9): card numbers (with their expiry and security code), UK bank
 * details and National Insurance numbers are replaced with a visible marker before a message, a
 * survey comment or a contact summary is stored, logged, emailed or shown to the other party.
 *
 * False positives are kept rare on purpose (dates, phone numbers, case references, postcodes,
 * council tax references, amounts and times are left alone): each rule needs the number's own
 * check (Luhn, the National Insurance prefix rules) or words that say what it is.
 */
export type RedactionResult = { text: string; categories: RedactionCategory[] };

/** What an organisation switched on (all are on unless it says otherwise). */
export type RedactionSettings = { cardNumbers: boolean; bankDetails: boolean; nationalInsuranceNumbers: boolean };

export function enabledRedactions(settings: RedactionSettings): RedactionCategory[] {
  return redactionCategories.filter((category) =>
    category === 'card-number'
      ? settings.cardNumbers
      : category === 'bank-details'
        ? settings.bankDetails
        : settings.nationalInsuranceNumbers,
  );
}

const finders: Record<RedactionCategory, (text: string) => RedactionSpan[]> = {
  'card-number': cardSpans,
  'bank-details': bankSpans,
  'national-insurance-number': nationalInsuranceSpans,
};

/**
 * When two finds overlap they become one, under the marker of the stronger find: the longer one
 * (it explains more of the text), then card numbers before bank details before the rest.
 */
const strength = (span: RedactionSpan) => {
  const byCategory = redactionCategories.length - redactionCategories.indexOf(span.category);
  return (span.end - span.start) * 16 + byCategory * 2 + (span.marker === redactionMarkers.cardNumber ? 1 : 0);
};

/** Only spaces and punctuation between two finds of the same kind: one marker says it. */
const joinable = /^[\s,;:/|&-]*$/;

function merge(text: string, spans: RedactionSpan[]): RedactionSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RedactionSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (
      last &&
      span.start >= last.end &&
      span.marker === last.marker &&
      joinable.test(text.slice(last.end, span.start))
    ) {
      merged[merged.length - 1] = { ...last, end: span.end };
    } else if (last && span.start < last.end) {
      const stronger = strength(span) > strength(last) ? span : last;
      merged[merged.length - 1] = { ...stronger, start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

function redactOnce(text: string, enabled: ReadonlySet<RedactionCategory>): { text: string; spans: RedactionSpan[] } {
  const found = redactionCategories
    .filter((category) => enabled.has(category))
    .flatMap((category) => finders[category](text));
  if (found.length === 0) return { text, spans: [] };
  const spans = merge(text, found);
  let result = '';
  let position = 0;
  for (const span of spans) {
    result += text.slice(position, span.start) + span.marker;
    position = span.end;
  }
  return { text: result + text.slice(position), spans: found };
}

/**
 * Returns the text with what was found replaced by markers, and which kinds were found (each once,
 * in a fixed order). Redacting the result again changes nothing: the markers hold no digits, and
 * the text is redacted until nothing more is found.
 */
export function redact(text: string, enabledCategories: Iterable<RedactionCategory>): RedactionResult {
  const enabled = new Set(enabledCategories);
  const found = new Set<RedactionCategory>();
  let current = text;
  // Every round removes digits and markers add none, so this ends; a second round rarely finds anything.
  for (;;) {
    const round = redactOnce(current, enabled);
    if (round.spans.length === 0) break;
    for (const span of round.spans) found.add(span.category);
    current = round.text;
  }
  return { text: current, categories: redactionCategories.filter((category) => found.has(category)) };
}

/** Redacts with an organisation's settings. */
export function redactFor(settings: { redaction: RedactionSettings }, text: string): RedactionResult {
  return redact(text, enabledRedactions(settings.redaction));
}
