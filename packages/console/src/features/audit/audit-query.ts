import { normaliseCaseReference } from '@ward/protocol';
import { paths } from '../../route-match.ts';
import { londonInstant, parseIsoDate } from '../../ui/uk-dates.ts';

/**
 * The audit trail's filters as the console's address keeps them: a staff id, a resident's id
 * (data subject), a case reference and two dates (YYYY-MM-DD, UK days). No names, email
 * addresses or other personal data.
 */
export interface AuditFilters {
  staffId?: string;
  /** One resident: every entry about them, whichever of their records it names. */
  dataSubjectId?: string;
  caseReference?: string;
  /** The first UK day to include, YYYY-MM-DD. */
  from?: string;
  /** The last UK day to include, YYYY-MM-DD. */
  to?: string;
}

/** How many entries a page shows, and how many the CSV download holds (the API's maximum). */
export const pageLimit = 200;
export const csvLimit = 1000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isStaffId(value: string): boolean {
  return uuidPattern.test(value);
}

/** Where a page of older entries starts: the `before` entry id in the address, or null for the newest. */
export function beforeFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('before') ?? '';
  return /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** Midnight at the start of a UK day. */
export function startOfLondonDay(date: string): string | null {
  const parsed = parseIsoDate(date);
  return parsed ? londonInstant(parsed.year, parsed.month, parsed.day, 0, 0, 0, 0) : null;
}

/** The last millisecond of a UK day. */
export function endOfLondonDay(date: string): string | null {
  const parsed = parseIsoDate(date);
  return parsed ? londonInstant(parsed.year, parsed.month, parsed.day, 23, 59, 59, 999) : null;
}

/** The filters in an address's query; values that are not well formed are left out. */
export function filtersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const filters: AuditFilters = {};
  const staffId = params.get('staffId')?.trim();
  if (staffId && isStaffId(staffId)) filters.staffId = staffId.toLowerCase();
  const dataSubjectId = params.get('dataSubjectId')?.trim();
  if (dataSubjectId && uuidPattern.test(dataSubjectId)) filters.dataSubjectId = dataSubjectId.toLowerCase();
  const caseReference = normaliseCaseReference(params.get('caseReference') ?? '');
  if (caseReference) filters.caseReference = caseReference;
  const from = params.get('from') ?? '';
  if (parseIsoDate(from)) filters.from = from;
  const to = params.get('to') ?? '';
  if (parseIsoDate(to)) filters.to = to;
  return filters;
}

function filterParams(filters: AuditFilters): [string, string][] {
  const entries: [string, string | undefined][] = [
    ['staffId', filters.staffId],
    ['dataSubjectId', filters.dataSubjectId],
    ['caseReference', filters.caseReference],
    ['from', filters.from],
    ['to', filters.to],
  ];
  return entries.filter((entry): entry is [string, string] => Boolean(entry[1]));
}

/**
 * The query for the console's address ("?caseReference=4K7M-9P2X"), or '' without filters; `before` for an older page.
 */
export function searchFromFilters(filters: AuditFilters, before: number | null = null): string {
  const params = new URLSearchParams(filterParams(filters));
  if (before !== null) params.set('before', String(before));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The query for `GET /api/audit` and `/api/audit.csv`: dates become the start and end of those
 * UK days; `before` asks for the page of entries older than that id.
 */
export function apiQuery(filters: AuditFilters, limit: number, before: number | null = null): string {
  const params = new URLSearchParams();
  if (filters.staffId) params.set('staffId', filters.staffId);
  if (filters.dataSubjectId) params.set('dataSubjectId', filters.dataSubjectId);
  if (filters.caseReference) params.set('caseReference', filters.caseReference);
  const from = filters.from ? startOfLondonDay(filters.from) : null;
  if (from) params.set('from', from);
  const to = filters.to ? endOfLondonDay(filters.to) : null;
  if (to) params.set('to', to);
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(limit));
  return params.toString();
}

/** Where "Download as CSV" points: the same filters, up to the API's maximum. */
export function csvHref(filters: AuditFilters): string {
  return `/api/audit.csv?${apiQuery(filters, csvLimit)}`;
}

export function hasFilters(filters: AuditFilters): boolean {
  return filterParams(filters).length > 0;
}

/** The filters without one of them, for "remove this filter" links. */
export function withoutFilter(filters: AuditFilters, name: keyof AuditFilters): AuditFilters {
  const rest = { ...filters };
  delete rest[name];
  return rest;
}

/** The console's audit trail page with these filters (the newest entries, or those older than `before`). */
export function auditPath(filters: AuditFilters, before: number | null = null): string {
  return `${paths.audit}${searchFromFilters(filters, before)}`;
}

/** Every entry about the resident an entry names, whichever of their records (case) it was. */
export function residentPath(dataSubjectId: string): string {
  return auditPath({ dataSubjectId });
}
