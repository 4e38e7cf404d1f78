import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUnsafeText, hasUnsafeCharacters, maxInputNesting, unsafeTextMessage } from '@ward/protocol';

const unsafeCharacter = fc.oneof(
  fc.constant('\u0000'),
  fc.integer({ min: 0xd800, max: 0xdbff }).map((u) => String.fromCharCode(u)), // a high half alone
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((u) => String.fromCharCode(u)), // a low half alone
);
/** Text made of whole code points other than NUL (astral characters are proper surrogate pairs). */
const safeText = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replaceAll('\u0000', ''));

describe('unsafe characters in text', () => {
  it('accepts any text of whole characters without NUL, emoji and Welsh included', () => {
    fc.assert(fc.property(safeText, (text) => !hasUnsafeCharacters(text)));
    expect(hasUnsafeCharacters('Ŵyn ar y ffordd 🐑 — “bins”')).toBe(false);
  });

  it('finds a NUL or a lone surrogate wherever it is put', () => {
    fc.assert(
      fc.property(safeText, unsafeCharacter, safeText, (before, bad, after) => {
        // A lone high half followed by a low half would be a pair: keep the low half out of `after`'s start.
        const rest = bad >= '\ud800' && bad <= '\udbff' ? `x${after}` : after;
        return hasUnsafeCharacters(before + bad + rest);
      }),
    );
    expect(hasUnsafeCharacters('\ud83d\udc11')).toBe(false);
    expect(hasUnsafeCharacters('\udc11\ud83d')).toBe(true);
    expect(hasUnsafeCharacters('end\ud83d')).toBe(true);
  });

  it('names the path of the first bad field in any parsed value, or a key’s parent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }),
        unsafeCharacter,
        (keys, bad) => {
          let value: unknown = `a${bad}b`;
          for (const key of [...keys].reverse()) value = { ok: 'fine', [key]: value, list: [1, 'two', null] };
          expect(findUnsafeText(value)).toEqual({ path: keys, inKey: false });
        },
      ),
    );
    expect(findUnsafeText({ answers: { ['x\u0000']: 'fine' } })).toEqual({ path: ['answers'], inKey: true });
    expect(findUnsafeText({ list: ['ok', 'no\u0000'] })?.path).toEqual(['list', 1]);
    expect(findUnsafeText('\u0000')).toEqual({ path: [], inKey: false });
    expect(findUnsafeText({ a: 1, b: true, c: null, d: ['x'] })).toBeNull();
  });

  it('never finds anything in JSON made of safe text', () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue({ stringUnit: 'grapheme' })
          .map((v) => JSON.parse(JSON.stringify(v).replaceAll('\\u0000', '')) as unknown),
        (value) => findUnsafeText(value) === null,
      ),
    );
  });

  it('refuses input nested deeper than any request of Ward’s, without walking it all', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = findUnsafeText(deep);
    expect(found?.tooDeep).toBe(true);
    expect(unsafeTextMessage(found!)).toBe('The request is nested too deeply');
    let fine: unknown = 'leaf';
    for (let i = 0; i < maxInputNesting - 1; i++) fine = { a: fine };
    expect(findUnsafeText(fine)).toBeNull();
  });

  it('words the answer for a person, without repeating what was sent', () => {
    expect(unsafeTextMessage({ path: ['name'], inKey: false })).toBe(
      'name contains a character that is not allowed (a NUL or an unpaired surrogate)',
    );
    expect(unsafeTextMessage({ path: [], inKey: false })).toMatch(/^The request contains/);
    expect(unsafeTextMessage({ path: ['x'.repeat(500)], inKey: false }).length).toBeLessThan(200);
  });
});
