import type { Language } from '@ward/protocol';

/**
 * Dates and times in GOV.UK style, in UK time, in the console's language (ADR 51):
 * "3 June 2025 at 2:05pm", "3 Mehefin 2025 am 2:05yp".
 */
const timeZone = 'Europe/London';

const words: Record<Language, { am: string; pm: string; midnight: string; midday: string; at: string }> = {
  en: { am: 'am', pm: 'pm', midnight: 'midnight', midday: 'midday', at: 'at' },
  cy: { am: 'yb', pm: 'yp', midnight: 'hanner nos', midday: 'canol dydd', at: 'am' },
};

function parts(iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).formatToParts(new Date(iso))) {
    result[part.type] = part.value;
  }
  return result;
}

export function formatTime(iso: string, language: Language = 'en'): string {
  const say = words[language];
  const { hour = '', minute = '', dayPeriod = '' } = parts(iso, { hour: 'numeric', minute: '2-digit', hour12: true });
  const morning = dayPeriod.toLowerCase().replace(/[^apm]/g, '') === 'am';
  if (minute === '00' && hour === '12') return morning ? say.midnight : say.midday;
  return `${hour}:${minute}${morning ? say.am : say.pm}`;
}

/**
 * Welsh months by name, not from the browser: some browsers ship without Welsh locale data and
 * would write "M12" for Rhagfyr.
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

export function formatDate(iso: string, language: Language = 'en'): string {
  if (language === 'cy') {
    const { day = '', month = '', year = '' } = parts(iso, { day: 'numeric', month: 'numeric', year: 'numeric' });
    return `${Number(day)} ${welshMonths[Number(month) - 1] ?? month} ${year}`;
  }
  const { day = '', month = '', year = '' } = parts(iso, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${day} ${month} ${year}`;
}

export function formatDateTime(iso: string, language: Language = 'en'): string {
  return `${formatDate(iso, language)} ${words[language].at} ${formatTime(iso, language)}`;
}
