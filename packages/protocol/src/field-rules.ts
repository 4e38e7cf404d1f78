/**
 * The checks of the fields a resident types in online forms and pre-chat questions, without the
 * validation library or any other package, so the widget and the server run the same rules and
 * show the same GOV.UK-worded messages (issue 13). Pure.
 */
export const fieldMessages = {
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  phoneFormat: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  postcodeFormat: 'Enter a real postcode',
  caseReferenceFormat: 'Enter a case reference in the correct format, like 4K7M-9P2X',
} as const;

/** An email address as online forms accept it (at most 254 characters, checked apart). */
export const isFormEmail = (value: string) =>
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(value);

/**
 * A UK postcode in its normal form (outward code, one space, inward code), or null. The shape of
 * the postcode package's own pattern; Royal Mail never uses C, I, K, M, O or V in the unit.
 */
export function normalisePostcode(typed: string): string | null {
  const compact = typed.replace(/\s+/g, '');
  if (!/^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/i.test(compact)) return null;
  const upper = compact.toUpperCase();
  return /[CIKMOV]/.test(upper.slice(-2)) ? null : `${upper.slice(0, -3)} ${upper.slice(-3)}`;
}

/**
 * What the widget can tell of a telephone number without a numbering plan: only what people write in
 * phone numbers, with 10 to 15 digits. The server decides with the full plan (libphonenumber-js).
 */
export const looksLikePhone = (typed: string) => /^(?=.{0,30}$)[+\s().-]*(\d[+\s().-]*){10,15}$/.test(typed);

/** The GOV.UK date input pattern: three boxes (day, month, year), with the Design System's messages. */
export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;
export type DateCheck = { ok: true; value: string | null } | { ok: false; message: string; parts: DatePart[] };

/**
 * Each month's names, English then Welsh, whichever language the form is shown in (a resident types
 * the names they use). The Welsh come with their soft mutations ("o Fai", "tan Fedi") and nasal ones
 * ("yng Ngorffennaf", "yn Nhachwedd"), as they are often written after a word. No three letters begin
 * two months' names.
 */
const monthNames = [
  'january ionawr',
  'february chwefror',
  'march mawrth fawrth',
  'april ebrill',
  'may mai fai',
  'june mehefin fehefin',
  'july gorffennaf orffennaf ngorffennaf',
  'august awst',
  'september medi fedi',
  'october hydref',
  'november tachwedd dachwedd nhachwedd',
  'december rhagfyr ragfyr',
].map((names) => names.split(' '));

/**
 * Months may be typed as numbers or names, in any case ("3", "03", "mar", "March", "Maw", "Mawrth"),
 * as GOV.UK suggests accepting: three letters or more of a name.
 */
export function monthNumber(typed: string): number | null {
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const lower = typed.toLowerCase();
  const index = monthNames.findIndex((names) => lower.length >= 3 && names.some((name) => name.startsWith(lower)));
  return index >= 0 ? index + 1 : null;
}

const allParts: DatePart[] = ['day', 'month', 'year'];

/**
 * The date input's messages (GOV.UK's), with {label}, {parts}, {first} and {second} to fill: English
 * here, Welsh in the widget's catalogue and the server's resident texts.
 */
export const dateMessages = {
  mustInclude: '{label} must include {parts}',
  day: 'a day',
  month: 'a month',
  year: 'a year',
  and: '{first} and {second}',
  realDate: '{label} must be a real date',
  yearFourNumbers: 'Year must include 4 numbers',
  past: '{label} must be today or in the past',
  future: '{label} must be today or in the future',
};
export type DateTexts = typeof dateMessages;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

export interface DateRule {
  label: string;
  /** The whole message when the boxes are blank and an answer is required. */
  missing: string;
  required: boolean;
  when: 'past' | 'future' | 'any';
  today: string;
}

/** `today` is an ISO date (Europe/London); the value is the ISO date, null when optional and blank. */
export function checkDate(input: DateParts, rule: DateRule, texts: DateTexts = dateMessages): DateCheck {
  const [day, month, year] = allParts.map((part) => input[part].trim()) as [string, string, string];
  const fail = (message: string, parts = allParts): DateCheck => ({ ok: false, message, parts });
  const label = rule.label;
  const missing = allParts.filter((part) => input[part].trim() === '');
  if (missing.length === 3) return rule.required ? fail(rule.missing) : { ok: true, value: null };
  if (missing.length > 0) {
    const [first = '', second = ''] = missing.map((part) => texts[part]);
    const parts = second ? fill(texts.and, { first, second }) : first;
    return fail(fill(texts.mustInclude, { label, parts }), missing);
  }
  const real = fill(texts.realDate, { label });
  if (!/^\d+$/.test(year)) return fail(real, ['year']);
  if (year.length !== 4) return fail(texts.yearFourNumbers, ['year']);
  const d = /^\d{1,2}$/.test(day) ? Number(day) : NaN;
  const m = monthNumber(month) ?? 0;
  const bad: DatePart[] = [];
  if (!(d >= 1 && d <= 31)) bad.push('day');
  if (m < 1 || m > 12) bad.push('month');
  if (bad.length === 0 && d > new Date(Date.UTC(Number(year), m, 0)).getUTCDate()) bad.push('day');
  if (bad.length > 0) return fail(real, bad);
  const value = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (rule.when === 'past' && value > rule.today) return fail(fill(texts.past, { label }));
  if (rule.when === 'future' && value < rule.today) return fail(fill(texts.future, { label }));
  return { ok: true, value };
}
