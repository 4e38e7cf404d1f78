import type { Language, OpeningException } from '@ward/protocol';
import { formatDate } from '../../ui/format.ts';
import { openingHoursEn } from './texts-en.ts';

type Says = Pick<typeof openingHoursEn, 'dateRange' | 'closed' | 'open' | 'opening'>;

/** "24 December 2026", or "24 December 2026 to 2 January 2027"; in Welsh "24 Rhagfyr 2026 i 2 Ionawr 2027". */
export function describeDates(
  exception: Pick<OpeningException, 'from' | 'to'>,
  language: Language = 'en',
  says: Says = openingHoursEn,
): string {
  const first = formatDate(`${exception.from}T12:00:00Z`, language);
  return exception.from === exception.to
    ? first
    : says.dateRange(first, formatDate(`${exception.to}T12:00:00Z`, language));
}

/** "Closed", or "Open 09:00 to 12:00". */
export function describeHours(
  exception: Pick<OpeningException, 'kind' | 'openings'>,
  says: Says = openingHoursEn,
): string {
  if (exception.kind === 'closure') return says.closed;
  return says.open(exception.openings.map(([from, to]) => says.opening(from, to)).join(', '));
}
