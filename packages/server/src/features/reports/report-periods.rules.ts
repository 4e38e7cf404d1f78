import type { ReportPeriod } from '@ward/protocol';
import {
  addDays,
  addMonths,
  compareDates,
  londonDateOf,
  londonInstantOf,
  londonMinutesOf,
  startOfLondonDay,
  type CalendarDate,
} from '../../shared/london-calendar.rules.ts';

/**
 * The time side of reports, pure (ADR 36): a report covers whole Europe/London days, and its rows
 * are London hours, days, weeks (from Monday) or months, keyed as the database keys them
 * (reports.repository.ts): `2026-03-29T01:00`, `2026-03-29`, the Monday's date, the 1st's date.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (d: CalendarDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

export function parseDate(text: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

/** The instants a report of `from` to `to` (both London days, included) covers: [start, end). */
export function reportInstants(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfLondonDay(parseDate(from)), end: startOfLondonDay(addDays(parseDate(to), 1)) };
}

/** Monday = 0 … Sunday = 6. */
const weekday = (d: CalendarDate) => (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;

function periodStart(date: CalendarDate, period: Exclude<ReportPeriod, 'hour'>): CalendarDate {
  if (period === 'week') return addDays(date, -weekday(date));
  if (period === 'month') return { ...date, day: 1 };
  return date;
}

/** The row an instant falls in. */
export function periodKey(instant: Date, period: ReportPeriod): string {
  const date = londonDateOf(instant);
  if (period === 'hour') return `${dateKey(date)}T${pad(Math.floor(londonMinutesOf(instant) / 60))}:00`;
  return dateKey(periodStart(date, period));
}

/** Every row of the range in order, so a chart shows the quiet hours and days as zero. */
export function periodKeys(from: string, to: string, period: ReportPeriod): string[] {
  const last = parseDate(to);
  const keys: string[] = [];
  if (period === 'hour') {
    for (let d = parseDate(from); compareDates(d, last) <= 0; d = addDays(d, 1))
      for (let hour = 0; hour < 24; hour++) keys.push(`${dateKey(d)}T${pad(hour)}:00`);
    return keys;
  }
  const step = (d: CalendarDate) =>
    period === 'day' ? addDays(d, 1) : period === 'week' ? addDays(d, 7) : addMonths(d, 1);
  for (let d = periodStart(parseDate(from), period); compareDates(d, last) <= 0; d = step(d)) keys.push(dateKey(d));
  return keys;
}

/**
 * Each row's instants, in the order of `periodKeys`: from its start (or the range's) to the next
 * row's (or the range's end), for figures that are spans of time rather than events (ADR 44).
 */
export function periodWindows(from: string, to: string, period: ReportPeriod): Array<[Date, Date]> {
  const range = reportInstants(from, to);
  const starts = periodKeys(from, to, period).map((key) => {
    const instant = londonInstantOf(
      parseDate(key.slice(0, 10)),
      period === 'hour' ? Number(key.slice(11, 13)) * 60 : 0,
    );
    return instant < range.start ? range.start : instant;
  });
  return starts.map((start, i) => [start, starts[i + 1] ?? range.end]);
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A row's key in words: `29 Mar 2026 01:00`, `29 Mar 2026`, `Week of 23 Mar 2026`, `Mar 2026`. */
export function periodLabel(key: string, period: ReportPeriod): string {
  const date = parseDate(key.slice(0, 10));
  const day = `${date.day} ${monthNames[date.month - 1]} ${date.year}`;
  if (period === 'hour') return `${day} ${key.slice(11)}`;
  if (period === 'week') return `Week of ${day}`;
  if (period === 'month') return `${monthNames[date.month - 1]} ${date.year}`;
  return day;
}
