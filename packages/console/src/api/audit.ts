import type { AuditPage } from '@ward/protocol';
import type { AuditFilters } from '../features/audit/audit-query.ts';
import { apiQuery } from '../features/audit/audit-query.ts';
import { getJson } from './http.ts';

/** One page of audit trail entries matching the filters, newest first (older than `before`); administrators only. */
export async function fetchAuditPage(filters: AuditFilters, limit: number, before: number | null): Promise<AuditPage> {
  return getJson<AuditPage>(`/api/audit?${apiQuery(filters, limit, before)}`);
}
