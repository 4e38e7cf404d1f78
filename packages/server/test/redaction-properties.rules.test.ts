// Property tests of redaction (fast-check); the real-world formats are in redaction.rules.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseReferenceFromRandom, redactionCategories } from '@ward/protocol';
import { redact } from '../src/features/redaction/redaction.rules.ts';
import { luhnValid } from '../src/features/redaction/luhn.rules.ts';

const all = redactionCategories;
const card = '[card number removed]';
const details = '[card details removed]';

/** Appends the Luhn check digit. */
function withCheckDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(payload + digit)) return payload + digit;
  throw new Error('unreachable');
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Arbitrary text: letters, digits, spaces, punctuation and line breaks. */
const anyText = fc.string({ unit: fc.constantFrom(...`${letters}0123456789 .,;:!?()'£/-\n`), maxLength: 40 });
/** Words that are none of the things redaction looks for, and name none of them. */
const word = fc.constantFrom(
  'hello',
  'bin',
  'collection',
  'tuesday',
  'please',
  'thank',
  'you',
  'garden',
  'waste',
  'street',
  'the',
  'and',
  'was',
  'not',
  'missed',
  'today',
  'council',
  'housing',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const digit = fc.constantFrom(...'0123456789');
const digits = (min: number, max: number) => fc.string({ unit: digit, minLength: min, maxLength: max });

const luhnCardNumber = fc
  .tuple(fc.constantFrom(...'123456789'), fc.integer({ min: 13, max: 19 }))
  .chain(([first, length]) => digits(length - 2, length - 2).map((middle) => withCheckDigit(first + middle)));

/** Splits digits into groups of 1–8 joined by one separator (or none). */
const grouped = (number: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 19 }),
      fc.constantFrom('', ' ', '-', '  ', ' - ', '\u00a0', '–'),
    )
    .map(([sizes, separator]) => {
      const groups: string[] = [];
      let index = 0;
      for (const size of sizes) {
        if (index >= number.length) break;
        groups.push(number.slice(index, index + size));
        index += size;
      }
      if (index < number.length) groups.push(number.slice(index));
      return groups.join(separator);
    });

/** What may stand between a card number and the text around it. */
const boundary = fc.constantFrom(' ', ': ', '\n', ' (', ', ', ' "', '. ');

describe('properties', () => {
  it('removes any Luhn-valid 13–19 digit number, however grouped, wherever it is in a text', () => {
    fc.assert(
      fc.property(
        luhnCardNumber.chain((number) => fc.tuple(fc.constant(number), grouped(number))),
        anyText,
        boundary,
        boundary,
        anyText,
        ([number, typed], before, left, right, after) => {
          const result = redact(`${before}${left}${typed}${right}${after}`, all);
          expect(result.text).not.toContain(typed);
          expect(result.text.replace(/\D/g, '')).not.toContain(number);
          expect(result.text).toContain(card);
          expect(result.categories).toContain('card-number');
        },
      ),
      { numRuns: 500 },
    );
  });

  const leftAlone = fc.oneof(
    // digit strings that are not card numbers (one group: no part of them can be one either)
    digits(1, 25).filter((d) => !(d.length >= 13 && d.length <= 19 && d[0] !== '0' && luhnValid(d))),
    // dates
    fc
      .tuple(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1990, max: 2099 }),
        fc.constantFrom('/', '-', '.', ' '),
        fc.boolean(),
      )
      .map(([d, m, y, s, pad]) =>
        [pad ? String(d).padStart(2, '0') : String(d), pad ? String(m).padStart(2, '0') : String(m), String(y)].join(s),
      ),
    // UK phone numbers
    fc.tuple(digits(3, 3), digits(6, 6)).map(([a, b]) => `07${a.slice(0, 3)} ${b}`),
    fc.tuple(digits(3, 3), digits(6, 6)).map(([a, b]) => `+44 7${a} ${b}`),
    fc.tuple(digits(4, 4), digits(4, 4)).map(([a, b]) => `+44 20 ${a} ${b}`),
    fc.tuple(digits(4, 4), digits(4, 4)).map(([a, b]) => `020 ${a} ${b}`),
    fc.tuple(digits(3, 3), digits(4, 4), fc.constantFrom(' ', '-', '')).map(([a, b, s]) => `0114${s}${a}${s}${b}`),
    fc.tuple(digits(3, 3), digits(6, 6)).map(([a, b]) => `01${a} ${b}`),
    fc.tuple(digits(9, 9)).map(([a]) => `+447${a}`),
    // case references
    fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 7, maxLength: 7 }).map(caseReferenceFromRandom),
    // amounts and times
    fc
      .tuple(fc.integer({ min: 0, max: 999_999 }), digits(2, 2))
      .map(([pounds, pence]) => `£${pounds.toLocaleString('en-GB')}.${pence}`),
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
    // postcodes
    fc
      .tuple(
        fc.constantFrom('SW1A', 'M1', 'B33', 'CR2', 'DN55', 'EC1A', 'LS1', 'S1'),
        digit,
        fc.constantFrom('AA', 'AE', 'TH', 'XH', 'PT'),
      )
      .map(([out, d, end]) => `${out} ${d}${end}`),
  );

  it('leaves random non-card digit strings, dates, phone numbers, case references, amounts, times and postcodes unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, leftAlone), { minLength: 1, maxLength: 6 }), words, (parts, end) => {
        const text = `${parts.map(([w, item]) => `${w} ${item}`).join(' ')} ${end}`;
        expect(redact(text, all)).toEqual({ text, categories: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('returns a text with none of these in it unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).map((s) => s.replace(/\d/g, '')),
        (text) => {
          expect(redact(text, all)).toEqual({ text, categories: [] });
        },
      ),
    );
  });

  const sensitive = fc.oneof(
    luhnCardNumber.chain(grouped),
    fc.constantFrom(
      'exp 04/27',
      'cvv 123',
      '04/2027',
      '123',
      'security code 9876',
      'sort code 12-34-56',
      'account 12345678',
      'acc no 1234 5678',
      'bank',
      'AB 12 34 56 C',
      'ab123456d',
      'GB29 NWBK 6016 1331 9268 19',
    ),
  );

  /** How people write the security code and the expiry after a card number (issue 10). */
  const codePhrasing = fc.constantFrom(
    ' and the three digits on the back are {}',
    ', the 3 digit code on the back of the card is {}',
    ' security code {}',
    ' security code is {}',
    ' sec code {}',
    ' CVC: {}',
    ' cvv {}',
    ' CVV2 = {}',
    '. The last digits on the back: {}',
    ' and the numbers on the back are {}',
    ' {}',
    ', {}',
  );
  const expiryPhrasing = fc.constantFrom(
    ' expires {}',
    ' exp {}',
    ' exp. {}',
    ' expiry date: {}',
    ' valid until {}',
    ' valid thru {}',
    ' and it expires on {}',
    ' {}',
  );
  const expiryDate = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 24, max: 39 }), fc.constantFrom('/', '-', '.', ' / '))
    .chain(([month, year, separator]) =>
      fc.constantFrom(
        `${String(month).padStart(2, '0')}${separator}${year}`,
        `${month}${separator.trim() === '/' ? '/' : separator}20${year}`,
      ),
    );
  const securityCode = digits(3, 4);
  it('never leaves the security code or expiry written in any of the usual phrasings after any card number', () => {
    fc.assert(
      fc.property(
        luhnCardNumber.chain((number) => grouped(number)),
        fc.boolean(),
        expiryPhrasing,
        expiryDate,
        codePhrasing,
        securityCode,
        (typed, expiryFirst, expiryWords, date, codeWords, code) => {
          const expiryPart = expiryWords.replace('{}', date);
          const codePart = codeWords.replace('{}', code);
          const text = `My card is ${typed}${expiryFirst ? expiryPart + codePart : codePart + expiryPart}. Thanks`;
          const result = redact(text, all).text;
          expect(result).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
          expect(result).not.toContain(date);
          expect(result).toContain(details);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves three- and four-digit numbers written near words like "back" or "digits" alone when no card number is in the text', () => {
    const wordsOnly = fc.constantFrom(
      ' and the three digits on the back are {}',
      ', the 3 digit code on the back of the card is {}',
      ' and the numbers on the back are {}',
      ' the door code is {}',
      ' {}',
    );
    fc.assert(
      fc.property(wordsOnly, securityCode, anyText, (codeWords, code, before) => {
        const text = `${before.replace(/\d/g, '')} flat ${code}${codeWords.replace('{}', code)}`;
        expect(redact(text, all).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: redacting again changes nothing and finds nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(sensitive, anyText, words), { maxLength: 10 }),
        fc.constantFrom(' ', '', ', ', '\n'),
        (pieces, joiner) => {
          const once = redact(pieces.join(joiner), all);
          expect(redact(once.text, all)).toEqual({ text: once.text, categories: [] });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('takes little time even on long, awkward texts', () => {
    const awkward = [
      'cvv '.repeat(1000),
      '4111 '.repeat(800),
      `4111111111111111${' '.repeat(3000)}x`,
      '1-'.repeat(2000),
      'sort code 12-34-56 account 12345678 '.repeat(100),
      `${'12 34 56 '.repeat(200)}${'12345678 '.repeat(200)} bank`,
    ];
    for (const text of awkward) {
      const started = performance.now();
      redact(text, all);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(250);
    }
  });
});
