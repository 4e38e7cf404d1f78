/**
 * The GOV.UK date input pattern, pure: three boxes (day, month, year), with the error messages
 * the Design System recommends. `today` is handed in as an ISO date (Europe/London).
 */
export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;
export type DateCheck = { ok: true; value: string | null } | { ok: false; message: string; parts: DatePart[] };

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Months may be typed as numbers or names ("3", "03", "mar", "March"), as GOV.UK suggests accepting. */
function monthNumber(typed: string): number | null {
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const lower = typed.toLowerCase();
  const index = monthNames.findIndex((name) => lower.length >= 3 && name.startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function checkDate(
  input: DateParts,
  rule: { label: string; errorName: string; required: boolean; when: 'past' | 'future' | 'any'; today: string },
): DateCheck {
  const parts = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() };
  const missing = (Object.keys(parts) as DatePart[]).filter((part) => parts[part] === '');
  if (missing.length === 3)
    return rule.required
      ? { ok: false, message: `Enter ${rule.errorName}`, parts: ['day', 'month', 'year'] }
      : { ok: true, value: null };
  if (missing.length > 0) {
    const names = missing.map((part) => `a ${part}`);
    return { ok: false, message: `${rule.label} must include ${names.join(' and ')}`, parts: missing };
  }
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  if (!/^\d+$/.test(parts.year)) return { ok: false, message: `${rule.label} must be a real date`, parts: ['year'] };
  if (parts.year.length !== 4) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(parts.year);
  const bad: DatePart[] = [];
  if (!(day >= 1 && day <= 31)) bad.push('day');
  if (month === null || month < 1 || month > 12) bad.push('month');
  if (bad.length === 0 && day > new Date(Date.UTC(year, month!, 0)).getUTCDate()) bad.push('day');
  if (bad.length > 0) return { ok: false, message: `${rule.label} must be a real date`, parts: bad };
  const value = iso(year, month!, day);
  if (rule.when === 'past' && value > rule.today)
    return { ok: false, message: `${rule.label} must be today or in the past`, parts: ['day', 'month', 'year'] };
  if (rule.when === 'future' && value < rule.today)
    return { ok: false, message: `${rule.label} must be today or in the future`, parts: ['day', 'month', 'year'] };
  return { ok: true, value };
}

/** Today in Europe/London as an ISO date. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
