import { describe, expect, it } from 'vitest';
import { en } from '../src/shared/resident-texts/en.ts';
import { cy } from '../src/shared/resident-texts/cy.ts';
import { fill, fillParts, waitIn } from '../src/shared/resident-texts/resident-texts.ts';
import { chooseLanguage } from '../src/shared/resident-texts/choose-language.rules.ts';

/** Every text of a catalogue by its dotted key. */
function entries(catalogue: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (value !== null && typeof value === 'object')
      for (const [inner, text] of entries(value, `${prefix}${key}.`)) out.set(inner, text);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the resident texts in English and Welsh', () => {
  const english = entries(en);
  const welsh = entries(cy);

  it('have the same keys in both languages, none missing and none left empty', () => {
    expect([...welsh.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...welsh]) {
      expect(typeof text, key).toBe('string');
      expect((text as string).trim(), key).not.toBe('');
    }
  });

  it('fill the same placeholders in both languages', () => {
    for (const [key, text] of english)
      expect(placeholders(welsh.get(key) as string), key).toEqual(placeholders(text as string));
  });

  it('are not English copied into the Welsh catalogue', () => {
    const same = [...english].filter(
      ([key, text]) => welsh.get(key) === text && !/^\{\w+\}: \{\w+\}$/.test(text as string),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(fill(cy.validation.enter, { name: 'eich enw' })).toBe('Rhowch eich enw');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fillParts('Read {link} today', { link: 42 })).toEqual(['Read ', 42, ' today']);
  });

  it('say how long to wait in each language', () => {
    expect(waitIn(30, 'en')).toBe('30 seconds');
    expect(waitIn(60, 'en')).toBe('1 minute');
    expect(waitIn(300, 'cy')).toBe('5 munud');
    expect(waitIn(3 * 3600, 'cy')).toBe('3 awr');
  });
});

describe('the language a page is served in', () => {
  it('is the one the link asks for, then the browser’s preference, then English', () => {
    expect(chooseLanguage('cy', 'en-GB')).toBe('cy');
    expect(chooseLanguage('en', 'cy')).toBe('en');
    expect(chooseLanguage(undefined, 'cy-GB,cy;q=0.9,en;q=0.8')).toBe('cy');
    expect(chooseLanguage(undefined, 'en-GB,en;q=0.9,cy;q=0.8')).toBe('en');
    expect(chooseLanguage(undefined, 'fr-FR, cy;q=0.5')).toBe('cy');
    expect(chooseLanguage(undefined, 'en;q=0.4, cy;q=0.6')).toBe('cy');
    expect(chooseLanguage(undefined, 'cy;q=0, en')).toBe('en');
    expect(chooseLanguage(['cy', 'en'], undefined)).toBe('en');
    expect(chooseLanguage('fr', 'de')).toBe('en');
    expect(chooseLanguage(undefined, undefined)).toBe('en');
  });
});
