import type { OpeningException } from '@ward/protocol';
import { formatDate } from '../../ui/format.ts';

/** "24 December 2026", or "24 December 2026 to 2 January 2027". */
export function describeDates(exception: Pick<OpeningException, 'from' | 'to'>): string {
  const first = formatDate(`${exception.from}T12:00:00Z`);
  return exception.from === exception.to ? first : `${first} to ${formatDate(`${exception.to}T12:00:00Z`)}`;
}

/** "Closed", or "Open 09:00 to 12:00". */
export function describeHours(exception: Pick<OpeningException, 'kind' | 'openings'>): string {
  if (exception.kind === 'closure') return 'Closed';
  return `Open ${exception.openings.map(([from, to]) => `${from} to ${to}`).join(', ')}`;
}
