import type { AddOpeningExceptionBody, OpeningExceptionKind } from '@ward/protocol';
import { openingExceptionReasonMaxChars } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { checkTypedDate, isoDate, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import { openingHoursEn, type OpeningHoursErrorTexts } from './texts-en.ts';

export type ExceptionField = 'kind' | 'from' | 'to' | 'opens' | 'closes' | 'departments' | 'reason';
export type ExceptionAnswers = {
  kind: OpeningExceptionKind | '';
  from: TypedDate;
  to: TypedDate;
  opens: string;
  closes: string;
  departments: string[];
  reason: string;
};

/** A time as typed ("9:00", "09:00", "9.30") as HH:MM; null when it is not one. "24:00" is midnight at the end. */
export function typedTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(typed.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const asIso = (date: { year: number; month: number; day: number }) => isoDate(date.year, date.month, date.day);

/**
 * The add form's check (ADR 47): closed or special hours, a first date, a last date (blank: the
 * same day) not before the first nor before today, opening and closing times for special hours, a reason.
 */
export function validateOpeningException(
  answers: ExceptionAnswers,
  now: Date,
  says: OpeningHoursErrorTexts = openingHoursEn.errors,
): {
  errors: FieldErrors<ExceptionField>;
  body: AddOpeningExceptionBody | null;
  dateParts: Record<'from' | 'to', DatePart[]>;
} {
  const errors: FieldErrors<ExceptionField> = {};
  const dateParts: Record<'from' | 'to', DatePart[]> = { from: [], to: [] };
  if (answers.kind === '') errors.kind = says.selectKind;
  const from = checkTypedDate(says.theFirstDate, answers.from, says.dates);
  const to = checkTypedDate(says.theLastDate, answers.to, says.dates);
  let first: string | null = null;
  if ('error' in from) [errors.from, dateParts.from] = [from.error, from.parts];
  else if (from.date === null) errors.from = says.enterFirstDate;
  else first = asIso(from.date);
  let last: string | null = first;
  if ('error' in to) [errors.to, dateParts.to] = [to.error, to.parts];
  else if (to.date !== null) last = asIso(to.date);
  const today = asIso(londonToday(now));
  if (first && last && !errors.to) {
    if (last < first) errors.to = says.lastBeforeFirst;
    else if (last < today) errors['date' in to && to.date === null ? 'from' : 'to'] = says.lastInPast;
  }
  const opens = typedTime(answers.opens);
  const closes = typedTime(answers.closes);
  if (answers.kind === 'special-hours') {
    if (answers.opens.trim() === '') errors.opens = says.enterOpening;
    else if (!opens || opens === '24:00') errors.opens = says.openingFormat;
    if (answers.closes.trim() === '') errors.closes = says.enterClosing;
    else if (!closes) errors.closes = says.closingFormat;
    else if (opens && closes <= opens) errors.closes = says.closingBeforeOpening;
  }
  const reason = answers.reason.trim();
  if (reason === '') errors.reason = says.enterReason;
  else if (reason.length > openingExceptionReasonMaxChars) errors.reason = says.reasonTooLong;
  if (Object.keys(errors).length > 0 || answers.kind === '' || !first || !last)
    return { errors, body: null, dateParts };
  return {
    errors,
    body: {
      kind: answers.kind,
      from: first,
      to: last,
      openings: answers.kind === 'special-hours' && opens && closes ? [[opens, closes]] : [],
      reason,
      departments: answers.departments,
    },
    dateParts,
  };
}
