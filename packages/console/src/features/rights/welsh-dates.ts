import type { Language } from '@ward/protocol';
import { formatDate, formatDateTime, formatTime } from '../../ui/format.ts';

/**
 * Dates in the privacy pages in the console's language, in UK time: "3 Mehefin 2025 am 2:05yp".
 * Welsh month names are written here, not asked of the browser's Intl: browsers (Chromium among
 * them) may carry no Welsh locale data and would say "June".
 */
const welshMonths = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

const welshDate = (year: number, month: number, day: number) => `${day} ${welshMonths[month - 1] ?? ''} ${year}`;

/** The UK calendar day of an instant, as numbers. */
function londonDay(iso: string): { year: number; month: number; day: number } {
  const shown: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  for (const part of format.formatToParts(new Date(iso)))
    if (part.type !== 'literal') shown[part.type] = Number(part.value);
  return { year: shown.year ?? 0, month: shown.month ?? 0, day: shown.day ?? 0 };
}

/** An instant's day: "3 June 2025", "3 Mehefin 2025". */
export function formatDateIn(iso: string, language: Language = 'en'): string {
  if (language !== 'cy') return formatDate(iso, language);
  const { year, month, day } = londonDay(iso);
  return welshDate(year, month, day);
}

/** An instant: "3 June 2025 at 2:05pm", "3 Mehefin 2025 am 2:05yp". */
export function formatDateTimeIn(iso: string, language: Language = 'en'): string {
  if (language !== 'cy') return formatDateTime(iso, language);
  return `${formatDateIn(iso, 'cy')} am ${formatTime(iso, 'cy')}`;
}

/** A calendar date (YYYY-MM-DD) as "2 March 2026", in Welsh "2 Mawrth 2026". */
export function formatCalendarDateIn(iso: string, language: Language = 'en'): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (language === 'cy') return welshDate(year ?? 0, month ?? 1, day ?? 1);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
