/**
 * UK calendar dates for the console's forms and filters: GOV.UK date-input checks, YYYY-MM-DD
 * strings, and the instants UK days start and end (GMT or BST). Pure: no DOM, no IO.
 */
import { monthNumber } from '@ward/protocol';
import { uiEn, type DateCheckTexts } from './texts-en.ts';

export type DatePart = 'day' | 'month' | 'year';
export type TypedDate = Record<DatePart, string>;
export type CalendarDate = { year: number; month: number; day: number };

const timeZone = 'Europe/London';
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate({ year, month, day }: CalendarDate): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date that exists, as numbers; null otherwise. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : null;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * GOV.UK date input checks for an optional date: the date, null when left blank, or the error
 * (worded with `label`, e.g. "The end date") and the parts to highlight, in the language of `says`.
 */
export function checkTypedDate(
  label: string,
  typed: TypedDate,
  says: DateCheckTexts = uiEn.dates,
): { error: string; parts: DatePart[] } | { date: CalendarDate | null } {
  const t: TypedDate = { day: typed.day.trim(), month: typed.month.trim(), year: typed.year.trim() };
  const order: DatePart[] = ['day', 'month', 'year'];
  const missing = order.filter((part) => t[part] === '');
  if (missing.length === 3) return { date: null };
  if (missing.length > 0)
    return {
      error: says.mustInclude(label, missing.map((part) => says.missingParts[part]).join(says.and)),
      parts: missing,
    };

  const day = /^\d{1,2}$/.test(t.day) ? Number(t.day) : null;
  const month = monthNumber(t.month);
  const yearIsNumber = /^\d+$/.test(t.year);
  const notNumbers = order.filter((part) =>
    part === 'day' ? day === null : part === 'month' ? month === null : !yearIsNumber,
  );
  if (notNumbers.length > 0 || day === null || month === null)
    return { error: says.mustBeReal(label), parts: notNumbers.length > 0 ? notNumbers : order };
  if (t.year.length !== 4) return { error: says.yearFourNumbers, parts: ['year'] };
  if (month < 1 || month > 12) return { error: says.mustBeReal(label), parts: ['month'] };
  const date = { year: Number(t.year), month, day };
  if (!isRealDate(date)) return { error: says.mustBeReal(label), parts: ['day'] };
  return { date };
}

function londonParts(instant: Date): CalendarDate & { hour: number; minute: number; second: number } {
  const shown: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') shown[part.type] = Number(part.value);
  return {
    year: shown.year ?? 0,
    month: shown.month ?? 0,
    day: shown.day ?? 0,
    hour: shown.hour ?? 0,
    minute: shown.minute ?? 0,
    second: shown.second ?? 0,
  };
}

/** Today's date in the UK. */
export function londonToday(now: Date): CalendarDate {
  const { year, month, day } = londonParts(now);
  return { year, month, day };
}

/** The instant a UK wall-clock time happens (GMT or BST), as an ISO string. */
export function londonInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): string {
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const p = londonParts(new Date(wallClock));
  const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, ms);
  return new Date(wallClock - (shownAsUtc - wallClock)).toISOString();
}
