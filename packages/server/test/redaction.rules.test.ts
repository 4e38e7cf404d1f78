import { describe, expect, it } from 'vitest';
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
    // Two digits before a dash end the number only when they are a month and a year follows ("14 -8" is not).
    ['2  969328  15806  6  14 -8', `${card} -8`, ['card-number']],
    ['4111 1111 1111 1111 09-27', `${card} ${details}`, ['card-number']],
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
