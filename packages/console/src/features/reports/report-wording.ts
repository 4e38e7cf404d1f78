/** How reports' figures read (pure): durations, money, rates and ratings; English unless given Welsh words. */
import { durationUnitsEn, reportsEn, type DurationUnits } from './texts-en.ts';

/** `45 s`, `2 min 5 s`, `1 h 20 min`; a dash when there is no figure. */
export function duration(ms: number | null, units: DurationUnits = durationUnitsEn): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  const { seconds: s, minutes: min, hours: h } = units;
  if (seconds < 60) return `${seconds} ${s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} ${min} ${seconds % 60} ${s}` : `${minutes} ${min}`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} ${h} ${minutes % 60} ${min}` : `${hours} ${h}`;
}

/** `£16.98`, `-£2.50`. */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  return `${sign}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `75.0%` from thousandths. */
export function percent(permille: number | null): string {
  return permille === null ? '–' : `${(permille / 10).toFixed(1)}%`;
}

/** `4.25 out of 5` from hundredths. */
export function rating(hundredths: number | null, outOfFive = reportsEn.outOfFive): string {
  return hundredths === null ? '–' : outOfFive((hundredths / 100).toFixed(2));
}

export const count = (n: number) => n.toLocaleString('en-GB');

/** `1.24` chats at once, from hundredths. */
export function chatsAtOnce(hundredths: number | null): string {
  return hundredths === null ? '–' : (hundredths / 100).toFixed(2);
}
