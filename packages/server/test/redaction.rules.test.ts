import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseReferenceFromRandom, redactionCategories, type RedactionCategory } from '@ward/protocol';
import { enabledRedactions, redact } from '../src/features/redaction/redaction.rules.ts';
import { luhnValid } from '../src/features/redaction/luhn.rules.ts';

const all = redactionCategories;
const card = '[card number removed]';
const details = '[card details removed]';
const bank = '[bank details removed]';
const ni = '[National Insurance number removed]';

/** Appends the Luhn check digit. */
function withCheckDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(payload + digit)) return payload + digit;
  throw new Error('unreachable');
}

describe('the Luhn check', () => {
  it('accepts the card networks’ published test numbers and refuses a changed digit', () => {
    for (const number of [
      '4111111111111111',
      '5555555555554444',
      '378282246310005',
      '6011111111111117',
      '30569309025904',
      '4222222222222',
    ]) {
      expect(luhnValid(number), number).toBe(true);
      expect(luhnValid(number.slice(0, -1) + ((Number(number.at(-1)) + 1) % 10)), number).toBe(false);
    }
    expect(luhnValid('')).toBe(false);
  });
});

describe('what is removed: real-world formats', () => {
  const nineteen = withCheckDigit('620000000000000000');
  const table: Array<[string, string, RedactionCategory[]]> = [
    // Card numbers: Visa, Mastercard (5- and 2-series), Amex, Discover, Diners, JCB, Maestro, UnionPay
    ['My card number is 4111 1111 1111 1111', `My card number is ${card}`, ['card-number']],
    ['4111111111111111', card, ['card-number']],
    ['4111-1111-1111-1111', card, ['card-number']],
    ['4111 - 1111 - 1111 - 1111', card, ['card-number']],
    ['mastercard 5555 5555 5555 4444 please', `mastercard ${card} please`, ['card-number']],
    ['2223 0031 2200 3222', card, ['card-number']],
    ['Amex 3782 822463 10005', `Amex ${card}`, ['card-number']],
    ['6011 1111 1111 1117', card, ['card-number']],
    ['diners 3056 930902 5904', `diners ${card}`, ['card-number']],
    ['JCB 3530111333300000.', `JCB ${card}.`, ['card-number']],
    ['old Visa 4222222222222', `old Visa ${card}`, ['card-number']],
    [`UnionPay ${nineteen.replace(/(\d{4})(?=\d)/g, '$1 ')}`, `UnionPay ${card}`, ['card-number']],
    ['(4111\u00a01111\u00a01111\u00a01111)', `(${card})`, ['card-number']],
    // …with the expiry and security code next to it
    ['card: 5555 5555 5555 4444 exp 04/27 cvv 123', `card: ${card} exp ${details} cvv ${details}`, ['card-number']],
    ['4111 1111 1111 1111 04/27 123', `${card} ${details}`, ['card-number']],
    // …and written in words after it (issue 10)
    [
      '4111 1111 1111 1111 and I live at flat 321, call me back on 0114 496 0999 or 07700 900123',
      `${card} and I live at flat 321, call me back on 0114 496 0999 or 07700 900123`,
      ['card-number'],
    ],
    [
      'my card is 4111 1111 1111 1111 and the three digits on the back are 321',
      `my card is ${card} and the three digits on the back are ${details}`,
      ['card-number'],
    ],
    ['4111 1111 1111 1111, it expires 09/27', `${card}, it expires ${details}`, ['card-number']],
    ['4111 1111 1111 1111 security code 123', `${card} security code ${details}`, ['card-number']],
    ['4111 1111 1111 1111 CVC: 4567', `${card} CVC: ${details}`, ['card-number']],
    ['4111 1111 1111 1111 exp 9/2027', `${card} exp ${details}`, ['card-number']],
    ['4111 1111 1111 1111 valid until 09-27', `${card} valid until ${details}`, ['card-number']],
    ['4111 1111 1111 1111 exp. 09.27', `${card} exp. ${details}`, ['card-number']],
    ['4111 1111 1111 1111 expiry September 2027', `${card} expiry ${details}`, ['card-number']],
    ['4111 1111 1111 1111\nsec code 123', `${card}\nsec code ${details}`, ['card-number']],
    [
      'Card 4111 1111 1111 1111. The 3 digit code on the back of the card is 832',
      `Card ${card}. The 3 digit code on the back of the card is ${details}`,
      ['card-number'],
    ],
    [
      '4111 1111 1111 1111 valid thru 09-2027 and the number on the back is 321',
      `${card} valid thru ${details} and the number on the back is ${details}`,
      ['card-number'],
    ],
    ['4111111111111111, 04/2027, 123', `${card}, ${details}`, ['card-number']],
    [
      '4111111111111111, expiry 12/2026, security code 987',
      `${card}, expiry ${details}, security code ${details}`,
      ['card-number'],
    ],
    [
      'the long number is 4012888888881881 and it expires 9/28',
      `the long number is ${card} and it expires ${details}`,
      ['card-number'],
    ],
    ['expires 04/27, card 4111111111111111', `expires ${details}, card ${card}`, ['card-number']],
    ['4111 1111 1111 1111\nexp 04/27\ncvc 1234', `${card}\nexp ${details}\ncvc ${details}`, ['card-number']],
    [
      'Card 4111 1111 1111 1111 and my partner’s 5555-5555-5555-4444',
      `Card ${card} and my partner’s ${card}`,
      ['card-number'],
    ],
    // A security code after its name, with or without the number
    ['My CVV is 123', `My CVV is ${details}`, ['card-number']],
    ['cvc: 0456', `cvc: ${details}`, ['card-number']],
    ['the security code is 7890', `the security code is ${details}`, ['card-number']],
    ['123 is the security code', `${details} is the security code`, ['card-number']],
    // UK bank details: a sort code and an account number, named as such
    ['Sort code 12-34-56, account number 12345678', `Sort code ${bank}, account number ${bank}`, ['bank-details']],
    ['sort code: 12 34 56 acc no: 87654321', `sort code: ${bank} acc no: ${bank}`, ['bank-details']],
    ['My bank details are 20-00-00 12345678', `My bank details are ${bank}`, ['bank-details']],
    ['account 1234 5678 sort code 123456', `account ${bank} sort code ${bank}`, ['bank-details']],
    ['a/c 12345678 s/c 40-47-84', `a/c ${bank} s/c ${bank}`, ['bank-details']],
    ['Account: 31926819, Sort: 60-16-13', `Account: ${bank}, Sort: ${bank}`, ['bank-details']],
    [
      'Please pay it into sort code 09-01-28 account 11223344',
      `Please pay it into sort code ${bank} account ${bank}`,
      ['bank-details'],
    ],
    ['acc 12345678 and 40-47-84', `acc ${bank} and ${bank}`, ['bank-details']],
    ['IBAN GB29 NWBK 6016 1331 9268 19', `IBAN ${bank}`, ['bank-details']],
    ['gb29nwbk60161331926819', bank, ['bank-details']],
    // National Insurance numbers
    [
      'My National Insurance number is AB 12 34 56 C',
      `My National Insurance number is ${ni}`,
      ['national-insurance-number'],
    ],
    ['NI: JG103759A.', `NI: ${ni}.`, ['national-insurance-number']],
    ['ni no ab123456d', `ni no ${ni}`, ['national-insurance-number']],
    ['NINO: AB-12-34-56-B', `NINO: ${ni}`, ['national-insurance-number']],
    ['OA 12 34 56 A', ni, ['national-insurance-number']],
    [
      'NI AB 12 34 56 C, council tax account 12345678 at my bank',
      `NI ${ni}, council tax account 12345678 at my bank`,
      ['national-insurance-number'],
    ],
    // Several kinds at once: each kind once, in a fixed order
    [
      'NI AB123456C, card 4111111111111111, sort code 12-34-56 account 12345678',
      `NI ${ni}, card ${card}, sort code ${bank} account ${bank}`,
      ['card-number', 'bank-details', 'national-insurance-number'],
    ],
  ];

  it.each(table)('%j', (input, expected, categories) => {
    expect(redact(input, all)).toEqual({ text: expected, categories });
  });

  it('leaves a kind in when the council switched it off', () => {
    const text = 'card 4111111111111111 cvv 123, sort code 12-34-56 account 12345678, NI AB123456C';
    expect(redact(text, ['bank-details', 'national-insurance-number'])).toEqual({
      text: `card 4111111111111111 cvv 123, sort code ${bank} account ${bank}, NI ${ni}`,
      categories: ['bank-details', 'national-insurance-number'],
    });
    expect(redact(text, [])).toEqual({ text, categories: [] });
    expect(enabledRedactions({ cardNumbers: true, bankDetails: false, nationalInsuranceNumbers: true })).toEqual([
      'card-number',
      'national-insurance-number',
    ]);
  });
});

describe('what is left alone: real-world formats', () => {
  const table = [
    // dates and times
    'My appointment is on 23/11/2026 at 14:30',
    'It was collected on 1/4/25, 01/04/2025 and 23-11-2026',
    'Between 23-11-2026 24-11-2026 and 7:30am or 19:45',
    'The permit expires 04/27',
    // phone numbers
    'Call me on 07700 900123',
    'or 07700900123, +44 7700 900123, +447700900123',
    'London: +44 20 7946 0958 or 020 7946 0958 or 0044 20 7946 0958',
    'Sheffield: 0114 496 0999, (0114) 496 0999, 0114-496-0999',
    'Freephone 0800 123 4567 or 0300 123 4567',
    // references
    `My case reference is ${caseReferenceFromRandom([4, 20, 7, 21, 9, 23, 2])}`,
    'Council tax account 1234567890, business rates 60012345678',
    'My council tax account is 12345678 and I paid on 12-04-25',
    'My account number is 12345678',
    'Sort code 12-34-56',
    'Reference 4111 1111 1111 1112 (not a card: the check digit is wrong)',
    'Parking PCN WK12345678, UPRN 100023336956',
    // postcodes, amounts, small numbers
    'I live at 10 Downing Street, SW1A 2AA; my mum at M1 1AE and B33 8TH',
    'I paid £1,234.56 then £12.50 and €20; 123 homes, flat 1234',
    'code 1234 for the door',
    // a card nearby does not make every number a security code
    'My card 4111 1111 1111 1112 is not a card (wrong check digit) and the three digits on the back are 321',
    'I live at flat 321 and the code on the back of the door is 4321',
    'The digits on my bin are 321 and it was due 09-27',
    // not National Insurance numbers
    'QQ 12 34 56 C is HMRC’s specimen',
    'BG 12 34 56 C, GB123456A, NK 12 34 56 B, TN123456D, ZZ 12 34 56 A',
    'DA 12 34 56 A, AD 12 34 56 A, AB 12 34 56 E, AB 12 34 5 C, XAB123456C',
  ];

  it.each(table)('%j', (input) => {
    expect(redact(input, all)).toEqual({ text: input, categories: [] });
  });
});

// ---- property tests ----

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
