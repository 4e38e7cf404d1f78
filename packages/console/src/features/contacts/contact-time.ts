import { checkTypedDate, londonInstant, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import { contactsEn, englishWhen, type WhenTexts } from './texts-en.ts';

/**
 * When a contact happened, typed as a GOV.UK date input and a time ("2:30pm", "14:30"), in UK
 * time. It cannot be in the future (clocks differ a little: the server allows 5 minutes) or
 * before 2000 (the server refuses those). Pure.
 */
export type WhenErrors = { date?: string; dateParts?: DatePart[]; time?: string };

/** What is said of a form's date and time, in the console's language (ADR 51). */
export type WhenWords = WhenTexts &
  Pick<typeof contactsEn.errors, 'realTime' | 'yearFourNumbers' | 'dateParts' | 'and'>;

const english = (what: string): WhenWords => ({ ...contactsEn.errors, ...englishWhen(what) });

/** The shared date check's finding in the words given: a missing part, a short year, or not a real date. */
function dateProblem(typed: TypedDate, parts: DatePart[], say: WhenWords): string {
  const missing = parts.filter((part) => typed[part].trim() === '');
  if (missing.length > 0) return say.mustInclude(missing.map((part) => say.dateParts[part]).join(say.and));
  if (parts.length === 1 && parts[0] === 'year' && /^\d+$/.test(typed.year.trim()) && typed.year.trim().length !== 4)
    return say.yearFourNumbers;
  return say.notReal;
}

/** Hours and minutes from "14:30", "2.30pm", "2:30 PM", "9am", "midday", "midnight"; null when it is not a time. */
export function parseTime(typed: string): { hour: number; minute: number } | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, '');
  if (text === 'midday' || text === 'noon' || text === '12noon') return { hour: 12, minute: 0 };
  if (text === 'midnight') return { hour: 0, minute: 0 };
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const period = match[3];
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  } else if (match[2] === undefined || hour > 23) {
    // "9" alone is ambiguous (9am or 9pm?): a 24-hour time needs its minutes.
    return null;
  }
  return { hour, minute };
}

const asNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

/** The instant as an ISO string, or the errors to show beside the date and the time. */
export function checkWhen(
  what: string,
  date: TypedDate,
  time: string,
  now: Date,
  say: WhenWords = english(what),
): { at: string } | { errors: WhenErrors } {
  const errors: WhenErrors = {};
  const checked = checkTypedDate(`The date ${what}`, date);
  if ('error' in checked) {
    errors.date = dateProblem(date, checked.parts, say);
    errors.dateParts = checked.parts;
  } else if (!checked.date) {
    errors.date = say.enterDate;
    errors.dateParts = ['day', 'month', 'year'];
  } else if (asNumber(checked.date) > asNumber(londonToday(now))) {
    errors.date = say.mustBePast;
    errors.dateParts = ['day', 'month', 'year'];
  } else if (checked.date.year < 2000) {
    errors.date = say.from2000;
    errors.dateParts = ['year'];
  }
  const parsed = time.trim() === '' ? null : parseTime(time);
  if (time.trim() === '') errors.time = say.enterTime;
  else if (!parsed) errors.time = say.realTime;
  if (errors.date || errors.time || !parsed || 'error' in checked || !checked.date) return { errors };
  const { year, month, day } = checked.date;
  const at = londonInstant(year, month, day, parsed.hour, parsed.minute, 0, 0);
  if (Date.parse(at) > now.getTime()) return { errors: { time: say.timeMustBePast } };
  return { at };
}

/** Today's date and the time now (24-hour), in the UK, to fill the fields in for a contact just taken. */
export function nowTyped(now: Date): { date: TypedDate; time: string } {
  const today = londonToday(now);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return { date: { day: String(today.day), month: String(today.month), year: String(today.year) }, time };
}
