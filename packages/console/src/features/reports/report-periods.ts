import type { ReportPeriod, ReportRow } from '@ward/protocol';
import { parseIsoDate } from '../../ui/uk-dates.ts';
import type { ReportsTexts } from './texts-en.ts';

type Says = Pick<ReportsTexts, 'shortMonths' | 'weekOf'>;

/**
 * A row of the figures over time, named in the console's language from its key (`2026-03-29`,
 * `2026-03-29T01:00`): Ward names it in English (`Week of 23 Mar 2026`), kept for English. Pure.
 */
export function periodLabelIn(row: Pick<ReportRow, 'key' | 'label'>, period: ReportPeriod, says: Says | null): string {
  const date = parseIsoDate(row.key.slice(0, 10));
  if (!says || !date) return row.label;
  const month = says.shortMonths[date.month - 1] ?? String(date.month);
  const day = `${date.day} ${month} ${date.year}`;
  if (period === 'hour') return `${day} ${row.key.slice(11)}`;
  if (period === 'week') return says.weekOf(day);
  if (period === 'month') return `${month} ${date.year}`;
  return day;
}
