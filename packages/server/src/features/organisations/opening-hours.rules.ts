import {
  addDays,
  londonDateOf,
  londonInstantOf,
  londonMinutesOf,
  type CalendarDate,
} from '../../shared/london-calendar.rules.ts';
import { isBankHoliday, isoDate, type Nation } from '../../shared/uk-bank-holidays.rules.ts';
import type { OpeningHoursSettings, WeekHours } from '../../shared/organisation-settings.ts';

/**
 * Whether a department's advisers are answering chats now, and when they next will (issue 11),
 * pure: from the council's opening hours in Europe/London, its closures and the nation's bank
 * holidays. The widget tells the resident before they start.
 */
export type DepartmentHours = { open: boolean; opensAt: Date | null };

const weekdays: (keyof WeekHours)[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** How far ahead the next opening is looked for; a department closed longer shows no date. */
const lookAheadDays = 62;

/** The department's openings on a London date, as [from, to) minutes since midnight. */
export function openingsOn(
  settings: OpeningHoursSettings,
  nation: Nation,
  departmentId: string,
  date: CalendarDate,
): Array<[number, number]> {
  const day = isoDate(date);
  const closed = settings.closures.some(
    (closure) =>
      closure.from <= day &&
      day <= closure.to &&
      (closure.departments.length === 0 || closure.departments.includes(departmentId)),
  );
  if (closed || (settings.bankHolidays === 'closed' && isBankHoliday(date, nation))) return [];
  const week = settings.departments[departmentId] ?? settings.weekly;
  const weekday = weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
  return week[weekday].map(([from, to]) => [minutesOf(from), minutesOf(to)]);
}

export function departmentHours(
  settings: OpeningHoursSettings,
  nation: Nation,
  departmentId: string,
  now: Date,
): DepartmentHours {
  const today = londonDateOf(now);
  const minutes = londonMinutesOf(now);
  const todays = openingsOn(settings, nation, departmentId, today);
  if (todays.some(([from, to]) => from <= minutes && minutes < to)) return { open: true, opensAt: null };
  const later = todays.filter(([from]) => from > minutes).sort((a, b) => a[0] - b[0])[0];
  if (later) return { open: false, opensAt: londonInstantOf(today, later[0]) };
  for (let ahead = 1; ahead <= lookAheadDays; ahead++) {
    const date = addDays(today, ahead);
    const first = openingsOn(settings, nation, departmentId, date).sort((a, b) => a[0] - b[0])[0];
    if (first) return { open: false, opensAt: londonInstantOf(date, first[0]) };
  }
  return { open: false, opensAt: null };
}
