import type { AuditEvent } from '@ward/protocol';
import type { AuditFilters } from '../features/audit/audit-query.ts';
import { apiQuery } from '../features/audit/audit-query.ts';
import { getJson } from './http.ts';

/** Audit trail entries matching the filters, newest first; administrators only. */
export async function fetchAuditEvents(filters: AuditFilters, limit: number): Promise<AuditEvent[]> {
  const { events } = await getJson<{ events: AuditEvent[] }>(`/api/audit?${apiQuery(filters, limit)}`);
  return events;
}
