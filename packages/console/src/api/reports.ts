import type { ReportSummary, ReportTable, ReportTableBody, SurveyComments, Wallboard } from '@ward/protocol';
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

/** Survey comments of the period (supervisors and administrators; ADR 44): the residents' words, no one's name. */
export function fetchSurveyComments(
  filters: Pick<ReportFilters, 'from' | 'to' | 'departmentId'>,
): Promise<SurveyComments> {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.departmentId) query.set('departmentId', filters.departmentId);
  return getJson<SurveyComments>(`/api/reports/survey-comments?${query.toString()}`);
}
