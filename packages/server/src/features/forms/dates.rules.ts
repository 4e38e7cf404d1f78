import { monthNumber, type Language } from '@ward/protocol';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';

/**
 * The GOV.UK date input pattern for the online forms, pure, in English or Welsh (ADR 50); the
 * protocol's `checkDate` (the widget's pre-chat questions) is its English twin until the widget's
 * Welsh takes these messages too. The pattern: three boxes (day, month, year), with the error messages
 * the Design System recommends. `today` is handed in as an ISO date (Europe/London).
 */
export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;
export type DateCheck = { ok: true; value: string | null } | { ok: false; message: string; parts: DatePart[] };

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function checkDate(
  input: DateParts,
  rule: {
    label: string;
    errorName: string;
    required: boolean;
    when: 'past' | 'future' | 'any';
    today: string;
    language?: Language;
  },
): DateCheck {
  const language = rule.language ?? 'en';
  const says = textsIn(language).validation;
  const label = rule.label;
  const parts = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() };
  const missing = (Object.keys(parts) as DatePart[]).filter((part) => parts[part] === '');
  if (missing.length === 3)
    return rule.required
      ? { ok: false, message: fill(says.enter, { name: rule.errorName }), parts: ['day', 'month', 'year'] }
      : { ok: true, value: null };
  if (missing.length > 0) {
    const names = missing.map((part) => ({ day: says.aDay, month: says.aMonth, year: says.aYear })[part]);
    const parts = names.length === 2 ? fill(says.and, { first: names[0]!, second: names[1]! }) : names[0]!;
    return { ok: false, message: fill(says.dateMustInclude, { label, parts }), parts: missing };
  }
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  if (!/^\d+$/.test(parts.year)) return { ok: false, message: fill(says.realDate, { label }), parts: ['year'] };
  if (parts.year.length !== 4) return { ok: false, message: says.yearFourNumbers, parts: ['year'] };
  const year = Number(parts.year);
  const bad: DatePart[] = [];
  if (!(day >= 1 && day <= 31)) bad.push('day');
  if (month === null || month < 1 || month > 12) bad.push('month');
  if (bad.length === 0 && day > new Date(Date.UTC(year, month!, 0)).getUTCDate()) bad.push('day');
  if (bad.length > 0) return { ok: false, message: fill(says.realDate, { label }), parts: bad };
  const value = iso(year, month!, day);
  if (rule.when === 'past' && value > rule.today)
    return { ok: false, message: fill(says.todayOrPast, { label }), parts: ['day', 'month', 'year'] };
  if (rule.when === 'future' && value < rule.today)
    return { ok: false, message: fill(says.todayOrFuture, { label }), parts: ['day', 'month', 'year'] };
  return { ok: true, value };
}

export { londonToday } from '@ward/protocol';
