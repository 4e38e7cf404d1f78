import { redactionMarkers } from '@ward/protocol';
import { digitRuns, sameSeparators, type DigitRun } from './digit-runs.rules.ts';
import { nationalInsuranceSpans } from './national-insurance.rules.ts';
import type { RedactionSpan } from './redaction-span.rules.ts';

/**
 * UK bank details: a sort code (12-34-56, 12 34 56, 123456) and an 8-digit account number
 * (12345678, 1234 5678) close together, with words that say they are bank details ("sort code",
 * "account", "acc no", "bank"…). Neither number alone is removed: a sort code is public, and an
 * 8-digit number alone is as likely a council tax or benefit reference. A GB IBAN (which holds
 * both) is removed when its check digits are right.
 */

type Part = { kind: 'sort-code' | 'account'; start: number; end: number; looksLikeDate: boolean; separated: boolean };

/** How far apart (characters between them) a sort code and an account number can be. */
const maxGap = 60;
/** How far before and after the pair the words that name them are looked for. */
const contextBefore = 60;
const contextAfter = 40;

/** Words that only bank details use. */
const bankOnlyWords = /sort[\s-]*codes?|\bsort\b|\bs\/c\b|\bsc\b|\bbank(?:ing)?\b|building society/i;
/** Words that bank details use, among others (a council tax account has a number too). */
const accountWords = /\baccount\b|\bacc(?:t|s)?\b\.?|\ba\/c\b|\bpayee\b/i;

const iban = /\bGB ?\d{2}(?: ?[A-Z]){4}(?: ?\d){14}(?![\dA-Z])/gi;

function ibanValid(typed: string): boolean {
  const compact = typed.replace(/ /g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** 12-34-56 could be 12 April 1956: such sort codes need a word that only bank details use. */
function dateLike(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const alphanumeric = /[\p{L}\p{N}]/u;

/**
 * A run that is exactly a sort code, an account number, or one of each (either order), standing on
 * its own: digits joined to letters ("AB123456C", "WK12345678") are some other reference.
 */
function partsOf(text: string, run: DigitRun): Part[] {
  if (alphanumeric.test(text.charAt(run.start - 1)) || alphanumeric.test(text.charAt(run.end))) return [];
  const { groups } = run;
  const take = (from: number): Array<{ part: Part; next: number }> => {
    const options: Array<{ part: Part; next: number }> = [];
    const a = groups[from];
    const b = groups[from + 1];
    const c = groups[from + 2];
    if (!a) return options;
    if (a.digits.length === 6)
      options.push({
        part: { kind: 'sort-code', start: a.start, end: a.end, looksLikeDate: dateLike(a.digits), separated: false },
        next: from + 1,
      });
    if (
      a.digits.length === 2 &&
      b?.digits.length === 2 &&
      c?.digits.length === 2 &&
      sameSeparators(run, from, from + 2)
    ) {
      const digits = a.digits + b.digits + c.digits;
      options.push({
        part: { kind: 'sort-code', start: a.start, end: c.end, looksLikeDate: dateLike(digits), separated: true },
        next: from + 3,
      });
    }
    if (a.digits.length === 8)
      options.push({
        part: { kind: 'account', start: a.start, end: a.end, looksLikeDate: false, separated: false },
        next: from + 1,
      });
    if (a.digits.length === 4 && b?.digits.length === 4)
      options.push({
        part: { kind: 'account', start: a.start, end: b.end, looksLikeDate: false, separated: true },
        next: from + 2,
      });
    return options;
  };
  for (const first of take(0)) {
    if (first.next === groups.length) return [first.part];
    for (const second of take(first.next)) {
      if (second.next === groups.length && second.part.kind !== first.part.kind) return [first.part, second.part];
    }
  }
  return [];
}

/** The markers already in a text (from an earlier redaction) are not words that name bank details. */
function withoutMarkers(text: string): string {
  let masked = text;
  for (const marker of Object.values(redactionMarkers)) masked = masked.split(marker).join(' '.repeat(marker.length));
  return masked;
}

export function bankSpans(text: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  const span = (start: number, end: number): RedactionSpan => ({
    start,
    end,
    category: 'bank-details',
    marker: redactionMarkers.bankDetails,
  });
  for (const match of text.matchAll(iban))
    if (ibanValid(match[0])) spans.push(span(match.index, match.index + match[0].length));

  // The digits of a National Insurance number ("AB 12 34 56 C") are not a sort code.
  const insuranceNumbers = nationalInsuranceSpans(text);
  const parts = digitRuns(text)
    .flatMap((run) => partsOf(text, run))
    .filter((part) => !insuranceNumbers.some((n) => part.start < n.end && n.start < part.end));
  const sortCodes = parts.filter((p) => p.kind === 'sort-code');
  const accounts = parts.filter((p) => p.kind === 'account');
  if (sortCodes.length === 0 || accounts.length === 0) return spans;
  const words = withoutMarkers(text);
  const taken = new Set<Part>();
  for (const sortCode of sortCodes) {
    for (const account of accounts) {
      const [first, second] = sortCode.start < account.start ? [sortCode, account] : [account, sortCode];
      if (second.start - first.end > maxGap) continue;
      const context = words.slice(Math.max(0, first.start - contextBefore), second.end + contextAfter);
      const named =
        bankOnlyWords.test(context) || (sortCode.separated && !sortCode.looksLikeDate && accountWords.test(context));
      if (!named) continue;
      taken.add(sortCode);
      taken.add(account);
    }
  }
  for (const part of taken) spans.push(span(part.start, part.end));
  return spans;
}
