import {
  formLimits,
  isFormEmail,
  normaliseCaseReference,
  normalisePostcode,
  type FormAnswer,
  type FormAnswerInput,
  type FormField,
  type Language,
} from '@ward/protocol';
import { parsePhoneNumber } from '../../shared/phone-number.rules.ts';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { checkDate } from './dates.rules.ts';

/**
 * Validates and normalises one answer, pure. Messages follow the GOV.UK Design System's
 * wording, in the resident's language (ADR 50), and never repeat what was typed. `href` is the
 * element the error summary links to.
 */
export type FieldError = { field: string; href: string; message: string; parts?: string[] };
export type FieldResult = { ok: true; value: FormAnswer | null } | { ok: false; error: FieldError };

/** How messages name a field: its errorName, or its label without a question mark, lower-cased. */
export function errorNameOf(field: FormField): string {
  if (field.errorName) return field.errorName;
  const label = field.label.replace(/\?$/, '');
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Control characters never belong in an answer (new lines and tabs only in long text). */
function clean(typed: string, multiline: boolean): string {
  const unified = typed.replace(/\r\n?/g, '\n');
  const kept = multiline ? /[\n\t]/ : null;
  let out = '';
  for (const c of unified) {
    const code = c.codePointAt(0)!;
    const control = code < 0x20 || code === 0x7f;
    out += !control || kept?.test(c) ? c : multiline ? '' : ' ';
  }
  return out.trim();
}

const length = (text: string) => [...text].length;

export function validateField(
  field: FormField,
  raw: FormAnswerInput | undefined,
  today: string,
  language: Language = 'en',
): FieldResult {
  const says = textsIn(language).validation;
  const fail = (message: string, part?: string): FieldResult => ({
    ok: false,
    error: {
      field: field.id,
      href: `#${part ? `${field.id}-${part}` : field.id}`,
      message,
      ...(part ? { parts: [part] } : {}),
    },
  });
  const name = errorNameOf(field);
  const label = field.label.replace(/\?$/, '');
  const enter = fail(fill(says.enter, { name }));
  const select = () => fail(fill(says.select, { name }));
  const shapeError = fail(fill(says.notInRightForm, { label: field.label.replace(/[“”]/g, '') }));

  if (field.type === 'date') {
    let parts = { day: '', month: '', year: '' };
    if (typeof raw === 'string') {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
      if (!match && raw.trim() !== '') return shapeError;
      if (match) parts = { year: match[1]!, month: match[2]!, day: match[3]! };
    } else if (raw !== undefined) {
      if (Array.isArray(raw) || 'where' in raw || 'postcode' in raw) return shapeError;
      const date = raw as { day?: string; month?: string; year?: string };
      parts = { day: date.day ?? '', month: date.month ?? '', year: date.year ?? '' };
    }
    const checked = checkDate(parts, {
      label,
      errorName: name,
      language,
      required: field.required,
      when: field.when,
      today,
    });
    if (checked.ok) return { ok: true, value: checked.value };
    return {
      ok: false,
      error: {
        field: field.id,
        href: `#${field.id}-${checked.parts[0]}`,
        message: checked.message,
        parts: checked.parts,
      },
    };
  }

  if (field.type === 'checkbox') {
    const chosen = raw === undefined ? [] : typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null;
    if (chosen === null) return shapeError;
    const values = [...new Set(chosen.filter((value) => value !== ''))];
    if (values.some((value) => !field.options.some((option) => option.value === value))) return select();
    if (values.length === 0) return field.required ? select() : { ok: true, value: null };
    return { ok: true, value: field.options.filter((o) => values.includes(o.value)).map((o) => o.value) };
  }

  if (field.type === 'location') {
    const location =
      raw === undefined
        ? {}
        : typeof raw === 'string'
          ? { where: raw }
          : Array.isArray(raw) || 'day' in raw || 'month' in raw || 'year' in raw
            ? null
            : raw;
    if (location === null) return shapeError;
    const { where: typedWhere, postcode: typedPostcode } = location as { where?: string; postcode?: string };
    const where = clean(typedWhere ?? '', false);
    const typed = clean(typedPostcode ?? '', false);
    if (where === '' && typed === '')
      return field.required ? fail(fill(says.enter, { name }), 'where') : { ok: true, value: null };
    if (where === '') return fail(fill(says.enter, { name }), 'where');
    if (length(where) > formLimits.whereMaxChars)
      return fail(fill(says.tooLong, { label, max: formLimits.whereMaxChars }), 'where');
    // An address feeds the customer record, which files addresses by postcode.
    if (typed === '' && field.recordField === 'address') return fail(says.enterPostcode, 'postcode');
    const postcode = typed === '' ? null : normalisePostcode(typed);
    if (typed !== '' && !postcode) return fail(says.realPostcode, 'postcode');
    return { ok: true, value: { where, postcode } };
  }

  if (raw !== undefined && typeof raw !== 'string') return shapeError;
  const value = clean(raw ?? '', field.type === 'textarea');
  const isEmpty = value === '';
  if (isEmpty) {
    if (!field.required) return { ok: true, value: null };
    return field.type === 'radios' || field.type === 'select' ? select() : enter;
  }
  const tooLong = (max: number) => fail(fill(says.tooLong, { label, max }));

  switch (field.type) {
    case 'text':
    case 'textarea':
      return length(value) > field.maxLength ? tooLong(field.maxLength) : { ok: true, value };
    case 'email':
      if (length(value) > 254) return tooLong(254);
      return isFormEmail(value) ? { ok: true, value } : fail(says.email);
    case 'phone': {
      const number = parsePhoneNumber(value);
      return number ? { ok: true, value: number } : fail(says.phone);
    }
    case 'postcode': {
      const postcode = normalisePostcode(value);
      return postcode ? { ok: true, value: postcode } : fail(says.realPostcode);
    }
    case 'radios':
    case 'select':
      return field.options.some((option) => option.value === value) ? { ok: true, value } : select();
    case 'case-reference': {
      const reference = normaliseCaseReference(value);
      return reference ? { ok: true, value: reference } : fail(says.caseReference);
    }
  }
}
