import Holidays from 'date-holidays';
import { addDays, addMonths, compareDates, type CalendarDate } from '../retention/london-calendar.rules.ts';

/**
 * When a resident's rights request must be answered (ADR 28). Dates are calendar dates in
 * Europe/London; bank holidays come from `date-holidays` for the council's nation.
 */
export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

const regions: Record<Nation, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const calendars = new Map<Nation, Holidays>();

function calendar(nation: Nation): Holidays {
  let holidays = calendars.get(nation);
  if (!holidays) {
    holidays = new Holidays('GB', regions[nation], { types: ['public'] });
    calendars.set(nation, holidays);
  }
  return holidays;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const isoDate = (date: CalendarDate) => `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

export function parseIsoDate(text: string): CalendarDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(compareDates(to, from) / 86_400_000);
}

export function isBankHoliday(date: CalendarDate, nation: Nation): boolean {
  return calendar(nation).isHoliday(isoDate(date)) !== false;
}

export function isWorkingDay(date: CalendarDate, nation: Nation): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date, nation);
}

/** The date itself when it is a working day, otherwise the next working day. */
export function nextWorkingDay(date: CalendarDate, nation: Nation): CalendarDate {
  let day = date;
  while (!isWorkingDay(day, nation)) day = addDays(day, 1);
  return day;
}

/** A stop of the clock: from the day Ward asked (identity, clarification) to the day it resumed. */
export type Pause = { from: CalendarDate; to: CalendarDate | null };

export const maxExtensionMonths = 2;

export type Deadline =
  | { state: 'running'; due: CalendarDate }
  /** The clock is stopped: `daysLeft` calendar days will remain when it resumes. */
  | { state: 'paused'; since: CalendarDate; daysLeft: number };

/**
 * The due date: one calendar month from the day received (the same date, or the month's last day
 * where it has none), shifted by each pause that began on or before the due date by the calendar
 * days it lasted (the days left at the pause count again from the resume date), then extended by
 * `extensionMonths` from that date, then moved to the next working day of the council's nation.
 * A pause begun after the due date (already overdue) does not move it. Pauses in date order.
 */
export function rightsDeadline(input: {
  received: CalendarDate;
  nation: Nation;
  pauses?: readonly Pause[];
  extensionMonths?: number;
}): Deadline {
  const months = input.extensionMonths ?? 0;
  if (!Number.isInteger(months) || months < 0 || months > maxExtensionMonths)
    throw new RangeError('An extension is 0, 1 or 2 months');
  let base = addMonths(input.received, 1);
  const dueFrom = (b: CalendarDate) => nextWorkingDay(addMonths(b, months), input.nation);
  for (const pause of input.pauses ?? []) {
    const due = dueFrom(base);
    if (compareDates(pause.from, due) > 0) {
      if (pause.to === null) return { state: 'paused', since: pause.from, daysLeft: 0 };
      continue;
    }
    if (pause.to === null) return { state: 'paused', since: pause.from, daysLeft: daysBetween(pause.from, due) };
    base = addDays(base, Math.max(0, daysBetween(pause.from, pause.to)));
  }
  return { state: 'running', due: dueFrom(base) };
}

export type DueFlag = { kind: 'overdue'; days: number } | { kind: 'due-today' } | { kind: 'due-in'; days: number };

/** How a due date stands today: overdue by N days, due today, or due in N days. */
export function dueFlag(due: CalendarDate, today: CalendarDate): DueFlag {
  const days = daysBetween(today, due);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'due-today' };
  return { kind: 'due-in', days };
}
