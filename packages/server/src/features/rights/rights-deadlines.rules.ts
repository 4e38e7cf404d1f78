import { addDays, addMonths, compareDates, type CalendarDate } from '../../shared/london-calendar.rules.ts';
import { daysBetween, isWorkingDay, type Nation } from '../../shared/uk-bank-holidays.rules.ts';

/**
 * When a resident's rights request must be answered (ADR 28). Dates are calendar dates in
 * Europe/London; bank holidays come from `date-holidays` for the council's nation.
 */
export {
  daysBetween,
  isBankHoliday,
  isoDate,
  isWorkingDay,
  parseIsoDate,
  type Nation,
} from '../../shared/uk-bank-holidays.rules.ts';

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
