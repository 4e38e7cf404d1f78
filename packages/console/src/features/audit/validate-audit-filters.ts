import { normaliseCaseReference } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import type { AuditFilters } from './audit-query.ts';
import { isStaffId } from './audit-query.ts';
import { checkTypedDate, isoDate, parseIsoDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import { auditEn, type AuditTexts } from './texts-en.ts';

type AuditErrorTexts = AuditTexts['errors'];

export type AuditFilterField = 'staffId' | 'caseReference' | 'from' | 'to';
export type { DatePart, TypedDate };

export interface AuditFilterAnswers {
  staffId: string;
  caseReference: string;
  from: TypedDate;
  to: TypedDate;
}

export interface AuditFilterCheck {
  errors: FieldErrors<AuditFilterField>;
  /** The parts of each date to highlight; the error summary links to the first. */
  dateParts: { from: DatePart[]; to: DatePart[] };
  /** The filters to apply, when there are no errors. */
  filters: AuditFilters | null;
}

export const emptyDate: TypedDate = { day: '', month: '', year: '' };

/**
 * GOV.UK date input checks for an optional date: the date as YYYY-MM-DD, null when left blank, or
 * the error, worded with `label` in the console's language (`says`, English unless given).
 */
export function checkDate(
  label: string,
  typed: TypedDate,
  says: AuditErrorTexts = auditEn.errors,
): { error: string; parts: DatePart[] } | { date: string | null } {
  const checked = checkTypedDate(label, typed);
  if ('error' in checked) return { error: dateError(label, typed, checked.parts, says), parts: checked.parts };
  return { date: checked.date ? isoDate(checked.date.year, checked.date.month, checked.date.day) : null };
}

/** The problem the GOV.UK check found, in the console's language: a part missing, a short year, or no real date. */
function dateError(label: string, typed: TypedDate, parts: DatePart[], says: AuditErrorTexts): string {
  const missing = parts.filter((part) => typed[part].trim() === '');
  if (missing.length > 0) return says.mustInclude(label, missing.map((part) => says.parts[part]).join(says.and));
  const year = typed.year.trim();
  if (parts.length === 1 && parts[0] === 'year' && /^\d+$/.test(year) && year.length !== 4) return says.yearFourNumbers;
  return says.realDate(label);
}

/** The date input's fields for a YYYY-MM-DD date (as typed: no leading zeros). */
export function typedDate(date: string | undefined): TypedDate {
  const parsed = date ? parseIsoDate(date) : null;
  return parsed
    ? { day: String(parsed.day), month: String(parsed.month), year: String(parsed.year) }
    : { ...emptyDate };
}

/** The form's answers for filters read from the address. */
export function answersFromFilters(filters: AuditFilters): AuditFilterAnswers {
  return {
    staffId: filters.staffId ?? '',
    caseReference: filters.caseReference ?? '',
    from: typedDate(filters.from),
    to: typedDate(filters.to),
  };
}

/** Checks the filter form; every filter is optional. Problems are in the console's language (`says`). */
export function validateAuditFilters(
  answers: AuditFilterAnswers,
  says: AuditErrorTexts = auditEn.errors,
): AuditFilterCheck {
  const errors: FieldErrors<AuditFilterField> = {};
  const dateParts: AuditFilterCheck['dateParts'] = { from: [], to: [] };
  const filters: AuditFilters = {};

  const staffId = answers.staffId.trim();
  if (staffId !== '') {
    if (isStaffId(staffId)) filters.staffId = staffId.toLowerCase();
    else errors.staffId = says.selectStaff;
  }

  if (answers.caseReference.trim() !== '') {
    const caseReference = normaliseCaseReference(answers.caseReference);
    if (caseReference) filters.caseReference = caseReference;
    else errors.caseReference = says.invalidCaseReference;
  }

  const from = checkDate(says.dateFrom, answers.from, says);
  if ('error' in from) {
    errors.from = from.error;
    dateParts.from = from.parts;
  } else if (from.date) {
    filters.from = from.date;
  }
  const to = checkDate(says.dateTo, answers.to, says);
  if ('error' in to) {
    errors.to = to.error;
    dateParts.to = to.parts;
  } else if (to.date) {
    filters.to = to.date;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = says.toBeforeFrom;
    dateParts.to = ['day', 'month', 'year'];
  }

  const valid = Object.keys(errors).length === 0;
  return { errors, dateParts, filters: valid ? filters : null };
}
