import { redactionMarkers } from '@ward/protocol';
import { digitRuns, sameSeparators } from './digit-runs.rules.ts';
import { luhnValid } from './luhn.rules.ts';
import type { RedactionSpan } from './redaction-span.rules.ts';

/**
 * Payment cards: a 13–19 digit number that passes the Luhn check, grouped with spaces or dashes or
 * not at all, and the expiry date and security code (CVV) written next to it. A security code is
 * also removed wherever it follows "CVV", "CVC", "security code" and the like, and, when a card
 * number is near, where it is written in words ("the three digits on the back are 321").
 *
 * Kept apart from card numbers on purpose: a number starting with 0 (no payment card does,
 * ISO/IEC 7812) or right after a "+", so UK and international phone numbers are never taken for
 * cards; and a number whose groups mix spaces and dashes (two dates or two phone numbers in a row).
 */

const maxFiller = 32;
const minDigits = 13;
const maxDigits = 19;

const month = String.raw`(?:0?[1-9]|1[0-2])`;
const monthName = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/**
 * A month and year: 04/27, 4/27, 04/2027, 04 / 27, 09-27, 09.27, Sept 2027. Not part of a longer
 * date such as 23/11/2026 or 12-04-25, nor an amount (£12.50).
 */
const expiry = String.raw`(?:(?<![\d/.,:£$€\-])${month}(?: ?/ ?|[-.])(?:20)?\d{2}(?![\d/\-]|[.,:]\d)|(?<![a-z])${monthName}\.?[ /-]?(?:20)?\d{2}(?!\d))`;
/**
 * A security code on its own: three or four digits that are not part of another number, date or
 * time (an expiry may follow it: "321 09/27").
 */
const code = String.raw`(?<![\d£$€.,:/])\d{3,4}(?![\d/]|[.,:]\d|[ -](?!${expiry})\d)`;
/** What people write between a card number, its expiry and its security code. */
const filler = String.raw`(?:[\s,;:.|/()\-–—]|(?:exp(?:iry|ire[sd]?|iration)?|dated?|valid|from|thru|through|to|until|end(?:s|ing)?|cvv2?|cvc2?|cv2|csc|cvn|security|verification|code|digits?|and|is|it's|its|it|the|my|card|long|number|no|num|on|back|then)(?![a-z]))`;

const afterCard = new RegExp(String.raw`(?:${filler}){0,${maxFiller}}?(?:(${expiry})|(${code}))`, 'iy');
const expiryAnywhere = new RegExp(expiry, 'g');
const fillerOnly = new RegExp(String.raw`^(?:${filler}){0,${maxFiller}}$`, 'i');

const securityCodeWord = String.raw`(?:\b(?:cvv2?|cvc2?|cv2|csc|cvn)\b|security\s+(?:code|number|digits)|card\s+verification\s+(?:code|value|number))`;
/** "CVV 123", "security code is 1234", "cvc: 987". */
const codeAfterWord = new RegExp(
  String.raw`${securityCodeWord}((?:[\s:=#\-–.]|\b(?:is|was|number|no|num|code|of|my|the|it's|its)\b){0,${maxFiller}}?)(${code})`,
  'gi',
);
/** "123 is the CVV". */
const codeBeforeWord = new RegExp(String.raw`(${code})\s*(?:is\s+)?(?:the\s+|my\s+)?${securityCodeWord}`, 'gi');
/** "exp 04/27", "expiry date: 04/2027", "valid thru 04/27". */
const expiryAfterWord = new RegExp(
  String.raw`\b(?:exp(?:iry|ire[sd]?|iration)?|valid\s+(?:thru|through|to|until)|end\s+date)\b\.?((?:[\s:=\-–]|\b(?:date|is|on)\b){0,${maxFiller}}?)(${expiry})`,
  'gi',
);

/**
 * A security code written in words near a card number: "the three digits on the back are 321",
 * "the 3 digit code on the back of the card is 832", "sec code 123". A word that names the code,
 * then a few words without digits (nor a sentence end), then 3–4 digits standing alone.
 */
const codeInWords = new RegExp(
  String.raw`\b(?:back|digits?|code|cvv2?|cvc2?|cv2|csc|cvn|security|verification)\b([^\d.!?\n]{0,40}?)(${code})`,
  'gi',
);
/** Words between the naming word and the digits that say the digits are something else. */
const somethingElse =
  /\b(?:flat|house|room|unit|apartment|phone|mobile|tel|ref(?:erence)?|account|postcode|extension|ext)\b|[£$€]/i;
/** How far (characters) a security code in words can be from its card number. */
const codeInWordsReach = 160;

const monthEnd = /^(?: ?\/ ?|\.)(?:20)?\d{2}(?!\d)/;
const expiryHere = new RegExp(expiry, 'iy');
/** Whether a real month and year start at `index` ("09-27", "2/27"), not any two digits before a dash ("14 -8"). */
function expiryStartsAt(text: string, index: number): boolean {
  expiryHere.lastIndex = index;
  return expiryHere.test(text);
}

function cardNumberSpans(text: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  for (const run of digitRuns(text)) {
    const { groups } = run;
    // Every window of whole groups with 13–19 digits that passes Luhn; overlapping ones are joined.
    const windows: Array<{ first: number; last: number }> = [];
    for (let first = 0; first < groups.length; first++) {
      if ((first === 0 && run.afterPlus) || groups[first]!.digits.startsWith('0')) continue;
      let digits = '';
      for (let last = first; last < groups.length; last++) {
        // "4111 1111 1111 1111 2/27", "… 09.27", "… 09-27": one or two digits before a slash or a point, or
        // before a dash when the number's groups are not joined by dashes, are the expiry month.
        const group = groups[last]!;
        if (
          last > first &&
          group.digits.length <= 2 &&
          (monthEnd.test(text.slice(group.end, group.end + 9)) ||
            (run.separators[last] === 'dash' && run.separators[first] !== 'dash')) &&
          expiryStartsAt(text, group.start)
        )
          break;
        digits += groups[last]!.digits;
        if (digits.length > maxDigits) break;
        if (digits.length >= minDigits && sameSeparators(run, first, last) && luhnValid(digits))
          windows.push({ first, last });
      }
    }
    const joined: Array<{ first: number; last: number }> = [];
    for (const window of windows) {
      const previous = joined.at(-1);
      if (previous && window.first <= previous.last) previous.last = Math.max(previous.last, window.last);
      else joined.push({ ...window });
    }
    for (const { first, last } of joined) {
      spans.push({
        start: groups[first]!.start,
        end: groups[last]!.end,
        category: 'card-number',
        marker: redactionMarkers.cardNumber,
      });
    }
  }
  return spans;
}

const details = (start: number, end: number): RedactionSpan => ({
  start,
  end,
  category: 'card-number',
  marker: redactionMarkers.cardDetails,
});

/** Up to `count` expiry dates or security codes written one after the other from `position`. */
function detailsAfter(text: string, from: number, count: number): RedactionSpan[] {
  const found: RedactionSpan[] = [];
  let position = from;
  for (let taken = 0; taken < count; taken++) {
    afterCard.lastIndex = position;
    const match = afterCard.exec(text);
    const token = match?.[1] ?? match?.[2];
    if (!match || token === undefined) break;
    const tokenStart = match.index + match[0].length - token.length;
    if (tokenStart - position > maxFiller) break;
    found.push(details(tokenStart, tokenStart + token.length));
    position = tokenStart + token.length;
  }
  return found;
}

/** The expiry and security code written right after a card number (up to two of them), or an expiry right before it. */
function detailsNextTo(text: string, card: RedactionSpan): RedactionSpan[] {
  const found = detailsAfter(text, card.end, 2);
  expiryAnywhere.lastIndex = Math.max(0, card.start - 48);
  for (let match = expiryAnywhere.exec(text); match && match.index < card.start; match = expiryAnywhere.exec(text)) {
    const end = match.index + match[0].length;
    const between = text.slice(end, card.start);
    if (end <= card.start && between.length <= maxFiller && fillerOnly.test(between))
      found.push(details(match.index, end));
  }
  return found;
}

export function cardSpans(text: string): RedactionSpan[] {
  const numbers = cardNumberSpans(text);
  const spans = [...numbers];
  for (const card of numbers) spans.push(...detailsNextTo(text, card));
  if (numbers.length > 0) {
    for (const match of text.matchAll(codeInWords)) {
      const [whole, between = '', digits = ''] = match;
      if (somethingElse.test(between)) continue;
      const start = match.index + whole.length - digits.length;
      const end = start + digits.length;
      if (numbers.some((card) => start - card.end <= codeInWordsReach && card.start - end <= codeInWordsReach))
        spans.push(details(start, end), ...detailsAfter(text, end, 1));
    }
  }
  for (const match of text.matchAll(codeAfterWord)) {
    const [whole, between = '', digits = ''] = match;
    if (between.length > maxFiller) continue;
    const start = match.index + whole.length - digits.length;
    spans.push(details(start, start + digits.length));
  }
  for (const match of text.matchAll(codeBeforeWord)) {
    const digits = match[1] ?? '';
    spans.push(details(match.index, match.index + digits.length));
  }
  // An expiry date on its own is not secret: it goes only with a card number or security code.
  if (spans.length > 0) {
    for (const match of text.matchAll(expiryAfterWord)) {
      const [whole, between = '', date = ''] = match;
      if (between.length > maxFiller) continue;
      const start = match.index + whole.length - date.length;
      spans.push(details(start, start + date.length));
    }
  }
  return spans;
}
