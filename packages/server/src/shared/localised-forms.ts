import * as z from 'zod';
import { FormDefinition, textIn, type FormDefinitionInput, type Language, type LocalisedText } from '@ward/protocol';
import { textsIn } from './resident-texts/resident-texts.ts';

/**
 * A council's online form as its organisation file gives it (ADR 50): a FormDefinition whose
 * resident-facing texts (title, description, what happens next, the consent summary, fields'
 * labels, hints and error names, options' labels and hints, at-least-one messages) may each be
 * `"text"` or `{ "en": "text", "cy": "testun" }`. It is checked as a FormDefinition in English and
 * in Welsh; the settings hold the English form and `formInLanguage` gives the Welsh.
 */
type Loose = Record<string, unknown>;

/** `T` with the texts named by `K` given as `"text"` or `{ en, cy }`. */
type WithTexts<T, K extends PropertyKey> = T extends unknown
  ? { [P in keyof T]: P extends K ? Exclude<T[P], string> | LocalisedText : T[P] }
  : never;
type FieldInput = FormDefinitionInput['fields'][number];
type LocalisedField = FieldInput extends infer F
  ? F extends { options: Array<infer O> }
    ? Omit<WithTexts<F, 'label' | 'hint' | 'errorName'>, 'options'> & { options: WithTexts<O, 'label' | 'hint'>[] }
    : WithTexts<F, 'label' | 'hint' | 'errorName'>
  : never;
/** A form as the organisation file (or Ward's ready forms) gives it, before `LocalisedFormDefinition` checks it. */
export type LocalisedFormInput = Omit<
  WithTexts<FormDefinitionInput, 'title' | 'description' | 'whatHappensNext'>,
  'consent' | 'fields' | 'atLeastOne'
> & {
  consent?: { privacyNoticeUrl: string; summary: LocalisedText } | null;
  fields: LocalisedField[];
  atLeastOne?: Array<{ fields: string[]; message: LocalisedText }>;
};
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLocalised = (value: unknown): value is { en: string; cy?: string } =>
  isObject(value) &&
  typeof value.en === 'string' &&
  (value.cy === undefined || typeof value.cy === 'string') &&
  Object.keys(value).every((key) => key === 'en' || key === 'cy');

function pick(value: unknown, keys: readonly string[], language: Language): unknown {
  if (!isObject(value)) return value;
  const out: Loose = { ...value };
  for (const key of keys) if (isLocalised(out[key])) out[key] = textIn(out[key], language);
  return out;
}

/** The form's texts in one language (English where the council gave no Welsh); other values untouched. */
export function formIn(raw: unknown, language: Language): unknown {
  const form = pick(raw, ['title', 'description', 'whatHappensNext'], language);
  if (!isObject(form)) return form;
  // The protocol's default is English: a form without its own words gets them in the page's language.
  if (form.whatHappensNext === undefined) form.whatHappensNext = textsIn(language).forms.defaultWhatHappensNext;
  if (isObject(form.consent)) form.consent = pick(form.consent, ['summary'], language);
  if (Array.isArray(form.fields))
    form.fields = form.fields.map((raw: unknown) => {
      const field = pick(raw, ['label', 'hint', 'errorName'], language);
      if (isObject(field) && Array.isArray(field.options))
        field.options = field.options.map((option: unknown) => pick(option, ['label', 'hint'], language));
      return field;
    });
  if (Array.isArray(form.atLeastOne))
    form.atLeastOne = form.atLeastOne.map((group: unknown) => pick(group, ['message'], language));
  return form;
}

const hasWelsh = (value: unknown): boolean =>
  isLocalised(value)
    ? value.cy !== undefined
    : Array.isArray(value) || isObject(value)
      ? Object.values(value).some(hasWelsh)
      : false;

/** Each form's Welsh, beside the English one the settings hold (staff, records and the export pack read English). */
const welshOf = new WeakMap<FormDefinition, FormDefinition>();

export const LocalisedFormDefinition = z
  .custom<unknown>(isObject, { message: 'a form is an object' })
  .transform((raw, issues): FormDefinition => {
    const english = FormDefinition.safeParse(formIn(raw, 'en'));
    const welsh = FormDefinition.safeParse(formIn(raw, 'cy'));
    const failed = !english.success ? english : !welsh.success ? welsh : null;
    if (failed?.error) {
      for (const issue of failed.error.issues)
        issues.addIssue({
          code: 'custom',
          path: issue.path,
          message: failed === english ? issue.message : `${issue.message} (in its Welsh text)`,
        });
      return z.NEVER;
    }
    if (hasWelsh(raw)) welshOf.set(english.data!, welsh.data!);
    return english.data!;
  });

/** The form in the resident's language: its Welsh when the council gave any, else the English. */
export function formInLanguage(form: FormDefinition, language: Language): FormDefinition {
  return language === 'cy' ? (welshOf.get(form) ?? form) : form;
}
