import type { HoldCovers, PlaceHoldBody } from '@ward/protocol';
import { holdReasonMaxChars } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type HoldField = 'covers' | 'reason' | 'endDate';
export type DatePart = 'day' | 'month' | 'year';

export interface HoldAnswers {
  covers: HoldCovers | '';
  reason: string;
  endDay: string;
  endMonth: string;
  endYear: string;
}

export interface HoldCheck {
  errors: FieldErrors<HoldField>;
  /** The parts of the end date to highlight; the error summary links to the first. */
  endDateParts: DatePart[];
  /** The request to send, when there are no errors. */
  body: Omit<PlaceHoldBody, 'conversationId' | 'caseReference'> | null;
}

const timeZone = 'Europe/London';
const dateLabel = 'The end date';

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month typed as a number or a name ("3", "03", "Mar", "March"); null if neither. */
function monthNumber(typed: string): number | null {
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const lower = typed.toLowerCase();
  if (lower.length < 3) return null;
  const index = monthNames.findIndex((name) => name.startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

function londonParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const result: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  });
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') result[part.type] = Number(part.value);
  }
  return { year: result.year ?? 0, month: result.month ?? 0, day: result.day ?? 0, hour: result.hour ?? 0, minute: result.minute ?? 0, second: result.second ?? 0 };
}

/** Today's date in the UK. */
export function londonToday(now: Date): { year: number; month: number; day: number } {
  const { year, month, day } = londonParts(now);
  return { year, month, day };
}

/** The last instant of a day in the UK (23:59:59.999, GMT or BST), as an ISO string. */
export function endOfLondonDay(year: number, month: number, day: number): string {
  const wallClock = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const p = londonParts(new Date(wallClock));
  const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, 999);
  const offset = shownAsUtc - wallClock; // +1 hour in BST, 0 in GMT
  return new Date(wallClock - offset).toISOString();
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** GOV.UK date input checks for an optional end date; the hold ends at the end of that day (UK time). */
export function checkEndDate(dayTyped: string, monthTyped: string, yearTyped: string, now: Date): { error: string; parts: DatePart[] } | { endsAt: string | null } {
  const typed: Record<DatePart, string> = { day: dayTyped.trim(), month: monthTyped.trim(), year: yearTyped.trim() };
  const order: DatePart[] = ['day', 'month', 'year'];
  const missing = order.filter((part) => typed[part] === '');
  if (missing.length === 3) return { endsAt: null };
  if (missing.length > 0) return { error: `${dateLabel} must include a ${missing.join(' and ')}`, parts: missing };

  const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : null;
  const month = monthNumber(typed.month);
  const yearIsNumber = /^\d+$/.test(typed.year);
  const notNumbers = order.filter((part) => (part === 'day' ? day === null : part === 'month' ? month === null : !yearIsNumber));
  if (notNumbers.length > 0) return { error: `${dateLabel} must be a real date`, parts: notNumbers };
  if (typed.year.length !== 4) return { error: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(typed.year);
  if (day === null || month === null) return { error: `${dateLabel} must be a real date`, parts: order };
  if (month < 1 || month > 12) return { error: `${dateLabel} must be a real date`, parts: ['month'] };
  if (!isRealDate(year, month, day)) return { error: `${dateLabel} must be a real date`, parts: ['day'] };

  const today = londonToday(now);
  const asNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;
  if (asNumber({ year, month, day }) < asNumber(today)) return { error: `${dateLabel} must be today or in the future`, parts: order };
  return { endsAt: endOfLondonDay(year, month, day) };
}

/** Checks the "Place a legal hold" form; the body is ready to send when there are no errors. */
export function validateHold(answers: HoldAnswers, now: Date): HoldCheck {
  const errors: FieldErrors<HoldField> = {};
  if (answers.covers === '') errors.covers = 'Select what the hold covers';
  const reason = answers.reason.trim();
  if (reason === '') errors.reason = 'Enter the reason for the hold';
  else if (reason.length > holdReasonMaxChars) errors.reason = `The reason must be ${holdReasonMaxChars} characters or fewer`;
  const end = checkEndDate(answers.endDay, answers.endMonth, answers.endYear, now);
  let endDateParts: DatePart[] = [];
  if ('error' in end) {
    errors.endDate = end.error;
    endDateParts = end.parts;
  }
  const valid = Object.keys(errors).length === 0 && answers.covers !== '' && 'endsAt' in end;
  return {
    errors,
    endDateParts,
    body: valid ? { covers: answers.covers as HoldCovers, reason, ...(end.endsAt ? { endsAt: end.endsAt } : {}) } : null,
  };
}
