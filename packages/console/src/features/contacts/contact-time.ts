import { checkTypedDate, londonInstant, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';

/**
 * When a contact happened, typed as a GOV.UK date input and a time ("2:30pm", "14:30"), in UK
 * time. It cannot be in the future (clocks differ a little: the server allows 5 minutes) or
 * before 2000 (the server refuses those). Pure.
 */
export type WhenErrors = { date?: string; dateParts?: DatePart[]; time?: string };

const timeError = 'Enter a real time, like 2:30pm or 14:30';

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
): { at: string } | { errors: WhenErrors } {
  const label = `The date ${what}`;
  const errors: WhenErrors = {};
  const checked = checkTypedDate(label, date);
  if ('error' in checked) {
    errors.date = checked.error;
    errors.dateParts = checked.parts;
  } else if (!checked.date) {
    errors.date = `Enter the date ${what}`;
    errors.dateParts = ['day', 'month', 'year'];
  } else if (asNumber(checked.date) > asNumber(londonToday(now))) {
    errors.date = `${label} must be today or in the past`;
    errors.dateParts = ['day', 'month', 'year'];
  } else if (checked.date.year < 2000) {
    errors.date = `${label} must be in 2000 or later`;
    errors.dateParts = ['year'];
  }
  const parsed = time.trim() === '' ? null : parseTime(time);
  if (time.trim() === '') errors.time = `Enter the time ${what}`;
  else if (!parsed) errors.time = timeError;
  if (errors.date || errors.time || !parsed || 'error' in checked || !checked.date) return { errors };
  const { year, month, day } = checked.date;
  const at = londonInstant(year, month, day, parsed.hour, parsed.minute, 0, 0);
  if (Date.parse(at) > now.getTime()) return { errors: { time: `The time ${what} must be now or in the past` } };
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
