import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  caseReferenceAlphabet,
  caseReferenceFromRandom,
  caseReferencePattern,
  normaliseCaseReference,
} from '../src/case-reference.ts';

const randomValues = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 7, maxLength: 7 });

describe('case references', () => {
  it('look like XXXX-XXXX and read back as themselves', () => {
    fc.assert(
      fc.property(randomValues, (values) => {
        const reference = caseReferenceFromRandom(values);
        expect(reference).toMatch(caseReferencePattern);
        expect(normaliseCaseReference(reference)).toBe(reference);
      }),
    );
  });

  it('forgive case, spaces, dashes and the letters people mistake for digits', () => {
    const reference = caseReferenceFromRandom([0, 1, 0, 1, 5, 6, 7]); // starts 0101
    const typed = ` ${reference.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(normaliseCaseReference(typed)).toBe(reference);
  });

  it('reject any single mistyped symbol', () => {
    fc.assert(
      fc.property(
        randomValues,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 31 }),
        (values, position, shift) => {
          const compact = caseReferenceFromRandom(values).replace('-', '');
          const original = caseReferenceAlphabet.indexOf(compact.charAt(position));
          const wrong = caseReferenceAlphabet.charAt((original + shift) % 32);
          const typo = compact.slice(0, position) + wrong + compact.slice(position + 1);
          expect(normaliseCaseReference(typo)).toBeNull();
        },
      ),
    );
  });

  it('reject two neighbouring symbols swapped (other than 0 and Z)', () => {
    fc.assert(
      fc.property(randomValues, fc.integer({ min: 0, max: 6 }), (values, position) => {
        const compact = caseReferenceFromRandom(values).replace('-', '');
        const a = compact.charAt(position);
        const b = compact.charAt(position + 1);
        fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
        const swapped = compact.slice(0, position) + b + a + compact.slice(position + 2);
        expect(normaliseCaseReference(swapped)).toBeNull();
      }),
    );
  });

  it('reject text that is not a reference at all', () => {
    for (const typed of ['', 'ABC', '4K7M-9P2X-1', 'UUUU-UUUU', '<script>', '4K7M_9P2X']) {
      expect(normaliseCaseReference(typed)).toBeNull();
    }
  });
});
