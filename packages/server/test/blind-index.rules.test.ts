import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseReferenceFromRandom } from '@ward/protocol';
import {
  indexTerms,
  nameTokens,
  normaliseCaseReferenceForIndex,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
  type BlindIndexKind,
} from '../src/features/crypto/blind-index.rules.ts';
import { blindIndex } from '../src/features/crypto/blind-index.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('normalising values for blind indexes', () => {
  it('writes email addresses trimmed and in lower case', () => {
    expect(normaliseEmail('  Ann.Resident@Example.COM ')).toBe('ann.resident@example.com');
    expect(normaliseEmail('not an email')).toBeNull();
  });

  it('writes phone numbers in E.164, read as UK numbers unless international (libphonenumber-js)', () => {
    for (const typed of [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '+44 (0)7700 900123',
      '0044 7700 900 123',
      '(07700) 900-123',
      '+447700900123',
      '7700 900123',
    ]) {
      expect(normalisePhone(typed), typed).toBe('+447700900123');
    }
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('020 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('0161 496 0000')).toBe('+441614960000');
    expect(normalisePhone('0800 123456')).toBe('+44800123456');
    expect(normalisePhone('07911 123456')).toBe('+447911123456');
    expect(normalisePhone('01632 960001')).toBe('+441632960001'); // Ofcom's drama range: accepted
    expect(normalisePhone('+33 1 23 45 67 89')).toBe('+33123456789');
    expect(normalisePhone('+1 202 555 0143')).toBe('+12025550143');
    for (const implausible of [
      '',
      '123',
      '07700 9001',
      '07700 9001234',
      '+44 6700 900123',
      '0044',
      'call me',
      '+44 20 7946 095x',
      '07700 900123 ext 5',
      '0800 FLOWERS',
      '+',
      '0'.repeat(41),
    ]) {
      expect(normalisePhone(implausible), implausible).toBeNull();
    }
  });

  it('writes UK postcodes in upper case with one space before the inward code', () => {
    for (const typed of ['sw1a1aa', 'SW1A 1AA', ' sw1a   1aa ', 'Sw1A1aA'])
      expect(normalisePostcode(typed), typed).toBe('SW1A 1AA');
    expect(normalisePostcode('m1 1ae')).toBe('M1 1AE');
    expect(normalisePostcode('b338th')).toBe('B33 8TH');
    expect(normalisePostcode('cr2 6xh')).toBe('CR2 6XH');
    expect(normalisePostcode('dn55 1pt')).toBe('DN55 1PT');
    for (const implausible of ['', 'SW1A', '12345', 'SW1A 1CA', 'SW1A 1AAA', 'S W 1 A', 'SW1A-1AA'])
      expect(normalisePostcode(implausible), implausible).toBeNull();
  });

  it('splits names into lower-case tokens with accents folded', () => {
    expect(nameTokens("Siân O'Brien-Smith")).toEqual(['sian', 'brien', 'smith']);
    expect(nameTokens('  José   GARCÍA ')).toEqual(['jose', 'garcia']);
    expect(nameTokens('Zoë Ó Dúnlaing')).toEqual(['zoe', 'dunlaing']);
    expect(nameTokens('Jean-Luc D’Arcy')).toEqual(['jean', 'luc', 'arcy']);
    expect(nameTokens('Straße')).toEqual(['strasse']);
    expect(nameTokens('A B')).toEqual([]);
  });

  it('reads case references like staff type them', () => {
    const reference = caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7]);
    expect(normaliseCaseReferenceForIndex(reference.toLowerCase().replace('-', ' '))).toBe(reference);
    expect(normaliseCaseReferenceForIndex('nonsense')).toBeNull();
  });

  it('is idempotent: a normalised value normalises to itself', () => {
    const nameChars = fc.constantFrom(
      ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëáàâäíìîïóòôöúùûüçñøßæœÉÁÓÚÑ -'’".split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: nameChars, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
        (typed) => {
          const tokens = nameTokens(typed);
          expect(nameTokens(tokens.join(' '))).toEqual(tokens);
          for (const token of tokens) expect(nameTokens(token)).toEqual([token]);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.emailAddress(), (junk, email) => {
        for (const typed of [junk, email]) {
          const once = normaliseEmail(typed);
          if (once !== null) expect(normaliseEmail(once)).toBe(once);
        }
      }),
    );
    const phoneChars = fc.constantFrom(...'0123456789 +()-.'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: phoneChars, maxLength: 20 }), (typed) => {
        const once = normalisePhone(typed);
        if (once !== null) expect(normalisePhone(once)).toBe(once);
      }),
    );
    const postcodeChars = fc.constantFrom(...'ABCDEFGHJKLMNPRSTUWXYZabdefg0123456789 '.split(''));
    fc.assert(
      fc.property(fc.string({ unit: postcodeChars, maxLength: 10 }), (typed) => {
        const once = normalisePostcode(typed);
        if (once !== null) expect(normalisePostcode(once)).toBe(once);
      }),
    );
  });

  it('gives equivalent spellings the same index', () => {
    // Ofcom's drama ranges: numbers that are valid (or accepted) and never anyone's.
    const mobile = fc
      .tuple(fc.constantFrom('7700900', '2079460', '1614960'), fc.integer({ min: 0, max: 999 }))
      .map(([range, n]) => `${range}${String(n).padStart(3, '0')}`);
    fc.assert(
      fc.property(mobile, fc.constantFrom(' ', '', '-'), (national, sep) => {
        const spellings = [
          `0${national.slice(0, 4)}${sep}${national.slice(4)}`,
          `+44${sep}${national}`,
          `+44 (0)${national}`,
          `0044${sep}${national}`,
        ];
        const normalised = spellings.map((s) => normalisePhone(s));
        expect(normalised).toEqual(spellings.map(() => `+44${national}`));
        const digests = normalised.map((n) => blindIndex(keyA, 'phone', n ?? 'x').toString('hex'));
        expect(new Set(digests).size).toBe(1);
      }),
    );
    fc.assert(
      fc.property(fc.emailAddress(), fc.boolean(), (email, upper) => {
        const typed = `  ${upper ? email.toUpperCase() : email} `;
        expect(blindIndex(keyA, 'email', normaliseEmail(typed) ?? 'x')).toEqual(
          blindIndex(keyA, 'email', normaliseEmail(email) ?? 'y'),
        );
      }),
    );
    const index = (kind: BlindIndexKind, value: string | null) => blindIndex(keyA, kind, value ?? '').toString('hex');
    expect(index('postcode', normalisePostcode('sw1a1aa'))).toBe(index('postcode', normalisePostcode('SW1A  1AA')));
    expect(indexTerms({ name: 'José García' })).toEqual(indexTerms({ name: 'garcia JOSE' }).reverse());
  });

  it('gives the same value the same index under one key and a different one under another', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BlindIndexKind>('email', 'phone', 'postcode', 'name', 'case-reference'),
        fc.string({ minLength: 1, maxLength: 40 }),
        (kind, value) => {
          const digest = blindIndex(keyA, kind, value);
          expect(digest).toHaveLength(16);
          expect(blindIndex(keyA, kind, value)).toEqual(digest);
          expect(blindIndex(keyB, kind, value)).not.toEqual(digest);
          // Not a plain hash of the value, with or without its kind: without the key a guess cannot be checked.
          for (const plain of [value, `${kind}:${value}`]) {
            expect(createHash('sha256').update(plain).digest().subarray(0, 16)).not.toEqual(digest);
          }
          // The digest does not carry the value (checked for values long enough that 16 random
          // bytes cannot contain them by chance).
          if (value.length >= 4) expect(digest.toString('latin1')).not.toContain(value);
        },
      ),
    );
  });

  it('keeps one value of one kind apart from the same text of another kind', () => {
    expect(blindIndex(keyA, 'name', 'smith')).not.toEqual(blindIndex(keyA, 'email', 'smith'));
  });

  it('lists the terms of a record, each once, and leaves out what is not plausible', () => {
    expect(
      indexTerms({
        email: 'Ann@Example.com',
        name: 'Ann ann Resident',
        phone: 'nope',
        postcode: 'ne1 4st',
        caseReference: null,
      }),
    ).toEqual([
      { kind: 'email', value: 'ann@example.com' },
      { kind: 'postcode', value: 'NE1 4ST' },
      { kind: 'name', value: 'ann' },
      { kind: 'name', value: 'resident' },
    ]);
  });
});
