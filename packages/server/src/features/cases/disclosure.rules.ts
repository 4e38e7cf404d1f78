/**
 * Disclosures to third parties (ADR 30): the date a disclosure is recorded for. Staff record what
 * happened, so a date after today (in Europe/London) is a mistake; without a date it is today.
 */
import { londonToday } from '@ward/protocol';

export type DisclosureDate = { ok: true; date: string } | { ok: false; message: string };

/** The date to record: the one typed (YYYY-MM-DD, already validated), or today; never in the future. */
export function disclosureDate(typed: string | undefined, now: Date): DisclosureDate {
  const today = londonToday(now);
  if (typed === undefined) return { ok: true, date: today };
  if (typed > today) return { ok: false, message: 'The date of the disclosure must be today or in the past' };
  return { ok: true, date: typed };
}

/** Whether a range of dates asked for runs forwards (either end may be open). */
export function isDateRange(from: string | undefined, to: string | undefined): boolean {
  return from === undefined || to === undefined || from <= to;
}
