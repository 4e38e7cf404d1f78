import { z } from 'zod';
import { AuditPage, AuditQuery } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { readAuditTrail } from '../../features/audit/read-audit.ts';
import { auditCsv } from '../../features/audit/audit-csv.rules.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/**
 * The audit trail, filtered and a page at a time: administrators only (ADR 12). Reading and
 * exporting it are audited too. The CSV is one page as well (up to 1,000 entries, `before` pages on).
 */
export function registerAuditRoutes(api: ApiRouter, ctx: ServiceContext): void {
  api.route(
    {
      method: 'GET',
      url: '/api/audit',
      summary: 'One page of audit trail entries, newest first (`before` = the previous page’s `nextBefore`)',
      tag: 'audit',
      access: 'privacy',
      query: AuditQuery,
      response: AuditPage,
    },
    async ({ query, request }) => readAuditTrail(ctx, staffOf(request), query, 'read'),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/audit.csv',
      summary: 'Audit trail entries as CSV (a download)',
      tag: 'audit',
      access: 'privacy',
      query: AuditQuery,
      response: z.string(),
      status: 200,
    },
    async ({ query, request, reply }) => {
      const { events } = await readAuditTrail(ctx, staffOf(request), query, 'export');
      const day = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ward-audit-${day}.csv"`);
      return auditCsv(events);
    },
  );
}
