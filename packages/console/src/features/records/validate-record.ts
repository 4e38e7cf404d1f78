import type { RecordDetailInput, RecordDetailKind, RecordSearchQuery } from '@ward/protocol';
import { limits, normaliseCaseReference } from '@ward/protocol';
import { looksLikeEmail, type FieldErrors } from '../../ui/validation.ts';
import { recordErrorsEn, type RecordErrorTexts } from './texts-errors-en.ts';

/**
 * Checks for the records forms, before asking the server (which checks again, and normalises
 * postcodes, phone numbers and email addresses). Pure: what was typed in, a value or errors out, in
 * the console's language (`says`, English unless given).
 */

const postcodePattern = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;
export const postcodeError = recordErrorsEn.postcode;
export const phoneError = recordErrorsEn.phone;
export const emailError = recordErrorsEn.email;

export function isPostcode(typed: string): boolean {
  return postcodePattern.test(typed.trim().toUpperCase().replace(/\s+/g, ' '));
}

/** Loose: 10 to 15 digits, with the spaces, brackets and dashes people type. libphonenumber on the server decides. */
export function isPhoneNumber(typed: string): boolean {
  const compact = typed.trim().replace(/[\s().-]/g, '');
  return /^\+?\d{10,15}$/.test(compact);
}

// ---- Search ----

export type RecordSearchField = 'name' | 'email' | 'phone' | 'postcode' | 'caseReference';
export const recordSearchFields: RecordSearchField[] = ['name', 'email', 'phone', 'postcode', 'caseReference'];
export type TypedRecordSearch = Record<RecordSearchField, string>;

export function validateRecordSearch(
  typed: TypedRecordSearch,
  says: RecordErrorTexts = recordErrorsEn,
): { query: RecordSearchQuery } | { errors: FieldErrors<RecordSearchField> } {
  const t = Object.fromEntries(recordSearchFields.map((f) => [f, typed[f].trim()])) as TypedRecordSearch;
  const errors: FieldErrors<RecordSearchField> = {};
  if (recordSearchFields.every((f) => t[f] === '')) return { errors: { name: says.enterSomething } };
  if (t.name && t.name.replace(/[\s'’-]/g, '').length < 2) errors.name = says.twoLetters;
  if (t.email && !looksLikeEmail(t.email)) errors.email = says.email;
  if (t.phone && !isPhoneNumber(t.phone)) errors.phone = says.phone;
  if (t.postcode && !isPostcode(t.postcode)) errors.postcode = says.postcode;
  const caseReference = t.caseReference ? normaliseCaseReference(t.caseReference) : null;
  if (t.caseReference && !caseReference) errors.caseReference = says.caseReference;
  if (Object.keys(errors).length > 0) return { errors };
  const query: RecordSearchQuery = {};
  if (t.name) query.name = t.name;
  if (t.email) query.email = t.email;
  if (t.phone) query.phone = t.phone;
  if (t.postcode) query.postcode = t.postcode;
  if (caseReference) query.caseReference = caseReference;
  return { query };
}

// ---- One detail (add or change) ----

export type DetailField =
  | 'name'
  | 'line1'
  | 'line2'
  | 'town'
  | 'postcode'
  | 'uprn'
  | 'number'
  | 'label'
  | 'email'
  | 'platform'
  | 'handle'
  | 'preference'
  | 'note';
export type TypedDetail = Record<DetailField, string>;
export const emptyDetail: TypedDetail = {
  name: '',
  line1: '',
  line2: '',
  town: '',
  postcode: '',
  uprn: '',
  number: '',
  label: '',
  email: '',
  platform: '',
  handle: '',
  preference: '',
  note: '',
};

/** The fields a kind of detail shows, in page order (the error summary follows it). */
export const detailFields: Record<RecordDetailKind, DetailField[]> = {
  name: ['name'],
  address: ['line1', 'line2', 'town', 'postcode', 'uprn'],
  phone: ['number', 'label'],
  email: ['email'],
  'social-handle': ['platform', 'handle'],
  'contact-preference': ['preference'],
  note: ['note'],
};

function tooLong(value: string, max: number, message: (max: number) => string): string | undefined {
  return value.length > max ? message(max) : undefined;
}

/** An address from its typed parts; errors keyed by the field. `required`: an address must be given. */
function checkAddress(
  t: TypedDetail,
  errors: FieldErrors<DetailField>,
  says: RecordErrorTexts,
): RecordDetailInput | null {
  if (!t.line1) errors.line1 = says.enterLine1;
  if (!t.postcode) errors.postcode = says.enterPostcode;
  else if (!isPostcode(t.postcode)) errors.postcode = says.postcode;
  if (t.uprn && !/^\d{1,12}$/.test(t.uprn)) errors.uprn = says.uprn;
  errors.line1 ??= tooLong(t.line1, 200, says.tooLong.line1);
  errors.line2 ??= tooLong(t.line2, 200, says.tooLong.line2);
  errors.town ??= tooLong(t.town, 100, says.tooLong.town);
  if (errors.line1 || errors.line2 || errors.town || errors.postcode || errors.uprn) return null;
  return {
    kind: 'address',
    lines: [t.line1, t.line2].filter(Boolean),
    town: t.town || null,
    postcode: t.postcode.toUpperCase(),
    uprn: t.uprn || null,
  };
}

export function validateDetail(
  kind: RecordDetailKind,
  typed: TypedDetail,
  says: RecordErrorTexts = recordErrorsEn,
): { value: RecordDetailInput } | { errors: FieldErrors<DetailField> } {
  const t = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v.trim()])) as TypedDetail;
  const errors: FieldErrors<DetailField> = {};
  let value: RecordDetailInput | null = null;
  switch (kind) {
    case 'name':
      if (!t.name) errors.name = says.enterName;
      else errors.name = tooLong(t.name, limits.nameMaxChars, says.tooLong.name);
      value = { kind, name: t.name };
      break;
    case 'address':
      value = checkAddress(t, errors, says);
      break;
    case 'phone':
      if (!t.number) errors.number = says.enterPhone;
      else if (!isPhoneNumber(t.number)) errors.number = says.phone;
      errors.label = tooLong(t.label, 50, says.tooLong.label);
      value = { kind, number: t.number, label: t.label || null };
      break;
    case 'email':
      if (!t.email) errors.email = says.enterEmail;
      else if (!looksLikeEmail(t.email)) errors.email = says.email;
      else errors.email = tooLong(t.email, limits.emailMaxChars, says.tooLong.email);
      value = { kind, address: t.email };
      break;
    case 'social-handle':
      if (!t.platform) errors.platform = says.enterPlatform;
      if (!t.handle) errors.handle = says.enterHandle;
      value = { kind, platform: t.platform, handle: t.handle };
      break;
    case 'contact-preference':
      if (!t.preference) errors.preference = says.selectPreference;
      value = { kind, preference: t.preference as 'email' };
      break;
    case 'note':
      if (!t.note) errors.note = says.enterNote;
      else errors.note = tooLong(t.note, 2000, says.tooLong.note);
      value = { kind, text: t.note };
      break;
  }
  const found = Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as FieldErrors<DetailField>;
  if (Object.keys(found).length > 0 || !value) return { errors: found };
  return { value };
}

// ---- A new record ----

export type NewRecordField =
  'name' | 'line1' | 'line2' | 'town' | 'postcode' | 'uprn' | 'phone' | 'email' | 'preference' | 'note';
export type TypedNewRecord = Record<NewRecordField, string>;
export const newRecordFields: NewRecordField[] = [
  'name',
  'line1',
  'line2',
  'town',
  'postcode',
  'uprn',
  'phone',
  'email',
  'preference',
  'note',
];

/** The name is required; an address only when any of its parts is typed; everything else optional. */
export function validateNewRecord(
  typed: TypedNewRecord,
  says: RecordErrorTexts = recordErrorsEn,
): { details: RecordDetailInput[] } | { errors: FieldErrors<NewRecordField> } {
  const errors: FieldErrors<NewRecordField> = {};
  const details: RecordDetailInput[] = [];
  const take = (
    kind: RecordDetailKind,
    detail: Partial<TypedDetail>,
    rename: Partial<Record<DetailField, NewRecordField>> = {},
  ) => {
    const result = validateDetail(kind, { ...emptyDetail, ...detail }, says);
    if ('value' in result) details.push(result.value);
    else
      for (const [field, text] of Object.entries(result.errors))
        errors[rename[field as DetailField] ?? (field as NewRecordField)] = text;
  };
  take('name', { name: typed.name });
  if ([typed.line1, typed.line2, typed.town, typed.postcode, typed.uprn].some((v) => v.trim())) {
    take('address', {
      line1: typed.line1,
      line2: typed.line2,
      town: typed.town,
      postcode: typed.postcode,
      uprn: typed.uprn,
    });
  }
  if (typed.phone.trim()) take('phone', { number: typed.phone }, { number: 'phone' });
  if (typed.email.trim()) take('email', { email: typed.email });
  if (typed.preference) take('contact-preference', { preference: typed.preference });
  if (typed.note.trim()) take('note', { note: typed.note });
  if (Object.keys(errors).length > 0) return { errors };
  return { details };
}

// ---- Reasons ----

/**
 * The reason for a change: required to amend, remove, merge or undo a merge; 500 characters at
 * most. `missing` is what to say when it is left out.
 */
export function checkReason(
  typed: string,
  missing: string = recordErrorsEn.enterReason,
  says: RecordErrorTexts = recordErrorsEn,
): string | null {
  const reason = typed.trim();
  if (!reason) return missing;
  if (reason.length > 500) return says.reasonTooLong;
  return null;
}
