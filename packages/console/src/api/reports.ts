import type { ReportSummary, ReportTable, ReportTableBody, Wallboard } from '@ward/protocol';
import type { ReportFilters } from '../features/reports/report-filters.ts';
import { reportApiPath } from '../features/reports/report-filters.ts';
import { getJson } from './http.ts';

/** A report's headline figures and return on investment, within what the member of staff may see. */
export function fetchReportSummary(filters: ReportFilters): Promise<ReportSummary> {
  return getJson<ReportSummary>(reportApiPath('summary', filters));
}

export function fetchReportTable(table: ReportTable, filters: ReportFilters): Promise<ReportTableBody> {
  return getJson<ReportTableBody>(reportApiPath(table, filters));
}

/** The live wallboard: the queue now and today's answered and abandoned chats. */
export function fetchWallboard(): Promise<Wallboard> {
  return getJson<Wallboard>('/api/reports/wallboard');
}
