import Holidays from 'date-holidays';
import { compareDates, type CalendarDate } from './london-calendar.rules.ts';

/**
 * The UK's bank holidays by nation, from `date-holidays` (public holidays only, no hand-written
 * table), and working days: what rights-request deadlines (ADR 28) and departments' opening hours
 * count with. Pure: the holidays are computed, not fetched.
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
