import type { FieldErrors } from '../../ui/validation.ts';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import type { AuditFilters } from './audit-query.ts';
import { isStaffId } from './audit-query.ts';
import { checkTypedDate, isoDate, parseIsoDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';

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

/** GOV.UK date input checks for an optional date: the date as YYYY-MM-DD, null when left blank, or the error. */
export function checkDate(
  label: string,
  typed: TypedDate,
): { error: string; parts: DatePart[] } | { date: string | null } {
  const checked = checkTypedDate(label, typed);
  if ('error' in checked) return checked;
  return { date: checked.date ? isoDate(checked.date.year, checked.date.month, checked.date.day) : null };
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

/** Checks the filter form; every filter is optional. */
export function validateAuditFilters(answers: AuditFilterAnswers): AuditFilterCheck {
  const errors: FieldErrors<AuditFilterField> = {};
  const dateParts: AuditFilterCheck['dateParts'] = { from: [], to: [] };
  const filters: AuditFilters = {};

  const staffId = answers.staffId.trim();
  if (staffId !== '') {
    if (isStaffId(staffId)) filters.staffId = staffId.toLowerCase();
    else errors.staffId = 'Select a member of staff from the list';
  }

  if (answers.caseReference.trim() !== '') {
    const checked = checkCaseReference(answers.caseReference);
    if ('error' in checked) errors.caseReference = checked.error;
    else filters.caseReference = checked.caseReference;
  }

  const from = checkDate('Date from', answers.from);
  if ('error' in from) {
    errors.from = from.error;
    dateParts.from = from.parts;
  } else if (from.date) {
    filters.from = from.date;
  }
  const to = checkDate('Date to', answers.to);
  if ('error' in to) {
    errors.to = to.error;
    dateParts.to = to.parts;
  } else if (to.date) {
    filters.to = to.date;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = 'Date to must be the same as or after date from';
    dateParts.to = ['day', 'month', 'year'];
  }

  const valid = Object.keys(errors).length === 0;
  return { errors, dateParts, filters: valid ? filters : null };
}
