/**
 * Calendar dates in the UK (Europe/London), where days are 23, 24 or 25 hours long. Pure: the
 * time-zone rules come from the runtime's ICU data through `Intl.DateTimeFormat`.
 */
export type CalendarDate = { year: number; month: number; day: number };

const zone = 'Europe/London';
const dayMs = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The London wall-clock time of an instant, as if it were UTC (whole seconds). */
function wallClockAsUtc(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** London's offset from UTC at an instant: 0 in winter (GMT), one hour in summer (BST). */
export function londonOffsetMs(instant: number): number {
  return wallClockAsUtc(instant) - Math.floor(instant / 1000) * 1000;
}

export function londonDateOf(instant: Date): CalendarDate {
  const wall = new Date(wallClockAsUtc(instant.getTime()));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

const utcMidnight = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day);

function fromUtcMidnight(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(utcMidnight(date) + days * dayMs);
}

/** The same date `months` later (or earlier), or the last day of that month when it has no such date. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return utcMidnight(a) - utcMidnight(b);
}

/**
 * The instant London's day begins. Clocks change at 01:00 UTC, so midnight always exists and
 * happens once; the second pass corrects the offset when the first guess fell across a change.
 */
export function startOfLondonDay(date: CalendarDate): Date {
  const midnight = utcMidnight(date);
  const guess = midnight - londonOffsetMs(midnight);
  return new Date(midnight - londonOffsetMs(guess));
}

/** The last millisecond of London's day (23:59:59.999 local, whatever the day's length). */
export function endOfLondonDay(date: CalendarDate): Date {
  return new Date(startOfLondonDay(addDays(date, 1)).getTime() - 1);
}

/** Minutes since the start of London's day at an instant (0–1439; wall-clock time). */
export function londonMinutesOf(instant: Date): number {
  const wall = wallClockAsUtc(instant.getTime());
  return Math.floor((wall % dayMs) / 60_000);
}

/**
 * The instant London's clock shows `minutes` past midnight on `date`. On the spring change the hour
 * that does not exist maps an hour on; on the autumn one the first of the two is taken.
 */
export function londonInstantOf(date: CalendarDate, minutes: number): Date {
  const wall = utcMidnight(date) + minutes * 60_000;
  const guess = wall - londonOffsetMs(wall);
  return new Date(wall - londonOffsetMs(guess));
}
