import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@ward/protocol';
import { OrganisationSettings, defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { readyForms } from '../src/shared/ready-forms.ts';
import { formsOf } from '../src/shared/leave-a-message-form.ts';
import { checkSubmission } from '../src/features/forms/form-answers.rules.ts';

/**
 * The three ready-made forms in Welsh (issue 13, ADR 50): every text a resident reads is given in
 * both languages, the Welsh form keeps none of the English, and its error messages read in Welsh.
 */
type Pair = { en: string; cy?: string };
const isPair = (value: unknown): value is Pair =>
  typeof value === 'object' && value !== null && typeof (value as Pair).en === 'string';

/** Every `{ en, cy }` text of a ready form, by where it is. */
function textsOf(value: unknown, where = ''): Array<[string, Pair]> {
  if (isPair(value)) return [[where, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, where ? `${where}.${key}` : key));
}

/** Every string a resident may read in a parsed form (its ids, values and settings aside). */
function readable(form: FormDefinition): string[] {
  return [
    form.title,
    form.description,
    form.whatHappensNext,
    form.consent?.summary,
    ...form.fields.flatMap((field) => [
      field.label,
      field.hint,
      field.errorName,
      ...('options' in field ? field.options.flatMap((option) => [option.label, option.hint]) : []),
    ]),
    ...form.atLeastOne.map((group) => group.message),
  ].filter((text): text is string => text !== undefined && text !== '');
}

const ids = ['report-a-fault', 'apply-for-a-service', 'leave-your-details'];
const settings = defaultOrganisation.settings;
const inLanguage = (id: string, language: 'en' | 'cy') => formsOf(settings, language).find((f) => f.id === id)!;

describe('the ready-made forms in Welsh', () => {
  it('give every text a resident reads in English and in Welsh, the Welsh never the English copied', () => {
    expect(readyForms.map((form) => form.id)).toEqual(ids);
    for (const form of readyForms) {
      const english = inLanguage(form.id, 'en');
      const texts = textsOf(form);
      // Every readable text of the parsed form came from a pair: none was left a plain English string.
      const given = new Set(texts.map(([, pair]) => pair.en));
      for (const text of readable(english)) expect(given.has(text), `${form.id}: “${text}” has no Welsh`).toBe(true);
      for (const [where, pair] of texts) {
        expect(pair.cy?.trim(), `${form.id} ${where}`).toBeTruthy();
        expect(pair.cy, `${form.id} ${where}`).not.toBe(pair.en);
      }
    }
  });

  it('are Welsh throughout for a Welsh resident and unchanged in English for staff and English residents', () => {
    for (const id of ids) {
      const english = inLanguage(id, 'en');
      const welsh = inLanguage(id, 'cy');
      expect(english.title).toBe(settings.forms.find((f) => f.id === id)!.title);
      const englishTexts = new Set(readable(english));
      expect(readable(welsh).filter((text) => englishTexts.has(text))).toEqual([]);
      expect(readable(welsh)).toHaveLength(readable(english).length);
      // What staff and the records read is the same form, field for field.
      expect(welsh.fields.map((f) => [f.id, f.type, f.required])).toEqual(
        english.fields.map((f) => [f.id, f.type, f.required]),
      );
    }
    expect(inLanguage('report-a-fault', 'en').title).toBe('Report a fault');
    expect(inLanguage('report-a-fault', 'cy').title).toBe('Rhoi gwybod am nam');
    // Parsing the settings again (as every start does) keeps the Welsh.
    const again = OrganisationSettings.parse({ topics: [{ id: 'other', label: 'Other' }] });
    expect(formsOf(again, 'cy').map((f) => f.title)).toEqual([
      'Rhoi gwybod am nam',
      'Gwneud cais am wasanaeth neu danysgrifio iddo',
      'Gadael eich manylion er mwyn i ni ymateb',
      'Gadael neges',
    ]);
  });

  it('say what to fix in Welsh, naming each field as it reads after “Rhowch” or “Dewiswch”', () => {
    const messages = (id: string, language: 'en' | 'cy') => {
      const checked = checkSubmission(inLanguage(id, language), { answers: {} }, '2026-12-05', language);
      return checked.ok || 'unknownField' in checked ? [] : checked.errors.map((error) => error.message);
    };
    expect(messages('report-a-fault', 'cy')).toEqual([
      'Dewiswch y math o nam',
      'Rhowch ble mae’r nam',
      'Rhowch ddisgrifiad o’r nam',
    ]);
    expect(messages('apply-for-a-service', 'cy')).toEqual([
      'Dewiswch y gwasanaeth yr hoffech ei gael',
      'Rhowch eich enw llawn',
      'Rhowch eich cyfeiriad',
      'Rhowch eich cyfeiriad e-bost',
      'Dewiswch y blwch i ddweud eich bod yn deall y bydd gofyn i chi dalu',
      'Cadarnhewch eich bod wedi darllen sut rydym yn defnyddio eich gwybodaeth',
    ]);
    expect(messages('leave-your-details', 'cy')).toEqual([
      'Rhowch eich enw',
      'Rhowch gyfeiriad e-bost neu rif ffôn',
      'Rhowch eich neges',
      'Cadarnhewch eich bod wedi darllen sut rydym yn defnyddio eich gwybodaeth',
    ]);
    expect(messages('leave-your-details', 'en')).toEqual([
      'Enter your name',
      'Enter an email address or a telephone number',
      'Enter your message',
      'Confirm that you have read how we use your information',
    ]);
  });
});
