import type { CaseChannel, ReportPeriod, ReportTable } from '@ward/protocol';
import { reportPeriods } from '@ward/protocol';
import { paths } from '../../route-match.ts';
import { isoDate, parseIsoDate, type CalendarDate } from '../../ui/uk-dates.ts';
import { reportsEn } from './texts-en.ts';

/** What a report shows, as the page's address holds it (so a report can be bookmarked and shared). */
export interface ReportFilters {
  from: string;
  to: string;
  period: ReportPeriod;
  departmentId?: string;
  /** A topic's id. */
  topic?: string;
  /** A member of staff's id: that adviser's figures. */
  agentId?: string;
  channel?: CaseChannel;
}

/** The channels, by name in English; `useReportsTexts().channels` in the console's language. */
export const channelNames: Record<CaseChannel, string> = reportsEn.channels;

const dayMs = 86_400_000;
const utc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
const iso = (ms: number) => {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** Days from `from` to `to` (0 for one day). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return a && b ? Math.round((utc(b) - utc(a)) / dayMs) : Number.NaN;
}

/** The filters in the address, or the last 7 days to `today` by day. */
export function filtersFromSearch(search: string, today: CalendarDate): ReportFilters {
  const query = new URLSearchParams(search);
  const valid = (value: string | null) => (value && parseIsoDate(value) ? value : null);
  const to = valid(query.get('to')) ?? iso(utc(today));
  const from = valid(query.get('from')) ?? iso(utc(today) - 6 * dayMs);
  const period = reportPeriods.find((p) => p === query.get('period')) ?? 'day';
  const channel = (Object.keys(channelNames) as CaseChannel[]).find((c) => c === query.get('channel'));
  const departmentId = query.get('departmentId') ?? undefined;
  const topic = query.get('topic') ?? undefined;
  const agentId = query.get('agentId') ?? undefined;
  return {
    from,
    to,
    period,
    ...(departmentId ? { departmentId } : {}),
    ...(topic ? { topic } : {}),
    ...(agentId ? { agentId } : {}),
    ...(channel ? { channel } : {}),
  };
}

export function searchFromFilters(filters: ReportFilters): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to, period: filters.period });
  if (filters.departmentId) query.set('departmentId', filters.departmentId);
  if (filters.topic) query.set('topic', filters.topic);
  if (filters.agentId) query.set('agentId', filters.agentId);
  if (filters.channel) query.set('channel', filters.channel);
  return query.toString();
}

export const reportsPath = (filters: ReportFilters) => `${paths.reports}?${searchFromFilters(filters)}`;

/** The API address of the summary or a table for these filters, as JSON or as a CSV download. */
export function reportApiPath(table: ReportTable | 'summary', filters: ReportFilters, format: 'json' | 'csv' = 'json') {
  return `/api/reports/${table}?${searchFromFilters(filters)}${format === 'csv' ? '&format=csv' : ''}`;
}
