/** Dates and times in GOV.UK style, in UK time: "3 June 2025 at 2:05pm". */
const timeZone = 'Europe/London';

function parts(iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).formatToParts(new Date(iso))) {
    result[part.type] = part.value;
  }
  return result;
}

export function formatTime(iso: string): string {
  const { hour = '', minute = '', dayPeriod = '' } = parts(iso, { hour: 'numeric', minute: '2-digit', hour12: true });
  const suffix = dayPeriod.toLowerCase().replace(/[^apm]/g, '');
  if (minute === '00' && hour === '12') return suffix === 'am' ? 'midnight' : 'midday';
  return `${hour}:${minute}${suffix}`;
}

export function formatDate(iso: string): string {
  const { day = '', month = '', year = '' } = parts(iso, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${day} ${month} ${year}`;
}

export function formatDateTime(iso: string): string {
  return `${formatDate(iso)} at ${formatTime(iso)}`;
}
