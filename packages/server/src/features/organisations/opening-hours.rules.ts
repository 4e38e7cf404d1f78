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
 * holidays, and the exceptions administrators set in the console (ADR 47), passed in. The widget
 * tells the resident before they start.
 */
export type DepartmentHours = { open: boolean; opensAt: Date | null };

/**
 * A closure (`openings` null) or special hours from one London date to another (YYYY-MM-DD, both
 * included) for some departments (empty: all). Special hours replace the weekday's openings and a
 * bank holiday's closure; any closure wins over special hours.
 */
export type OpeningException = {
  from: string;
  to: string;
  departments: readonly string[];
  openings: ReadonlyArray<readonly [string, string]> | null;
};

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
  exceptions: readonly OpeningException[] = [],
): Array<[number, number]> {
  const day = isoDate(date);
  const applies = (span: { from: string; to: string; departments: readonly string[] }) =>
    span.from <= day && day <= span.to && (span.departments.length === 0 || span.departments.includes(departmentId));
  const closed = settings.closures.some(applies) || exceptions.some((e) => e.openings === null && applies(e));
  if (closed) return [];
  const special = exceptions.filter((e) => e.openings !== null && applies(e));
  if (special.length > 0)
    return special.flatMap((e) =>
      (e.openings ?? []).map(([from, to]): [number, number] => [minutesOf(from), minutesOf(to)]),
    );
  if (settings.bankHolidays === 'closed' && isBankHoliday(date, nation)) return [];
  const week = settings.departments[departmentId] ?? settings.weekly;
  const weekday = weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
  return week[weekday].map(([from, to]) => [minutesOf(from), minutesOf(to)]);
}

export function departmentHours(
  settings: OpeningHoursSettings,
  nation: Nation,
  departmentId: string,
  now: Date,
  exceptions: readonly OpeningException[] = [],
): DepartmentHours {
  const today = londonDateOf(now);
  const minutes = londonMinutesOf(now);
  const todays = openingsOn(settings, nation, departmentId, today, exceptions);
  if (todays.some(([from, to]) => from <= minutes && minutes < to)) return { open: true, opensAt: null };
  const later = todays.filter(([from]) => from > minutes).sort((a, b) => a[0] - b[0])[0];
  if (later) return { open: false, opensAt: londonInstantOf(today, later[0]) };
  for (let ahead = 1; ahead <= lookAheadDays; ahead++) {
    const date = addDays(today, ahead);
    const first = openingsOn(settings, nation, departmentId, date, exceptions).sort((a, b) => a[0] - b[0])[0];
    if (first) return { open: false, opensAt: londonInstantOf(date, first[0]) };
  }
  return { open: false, opensAt: null };
}

/**
 * Whether a contact coming in at `at` to a department finds it closed (ADR 44: an out-of-hours
 * message); a contact with no department is never out of hours.
 */
export function closedAt(
  settings: { openingHours: OpeningHoursSettings; nation: Nation },
  at: Date,
  exceptions: readonly OpeningException[] = [],
): (departmentId: string | null) => boolean {
  return (departmentId) =>
    departmentId !== null &&
    !departmentHours(settings.openingHours, settings.nation, departmentId, at, exceptions).open;
}
