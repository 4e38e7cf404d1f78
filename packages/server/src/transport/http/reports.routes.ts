import { z } from 'zod';
import {
  ReportQuery,
  ReportSummary,
  ReportTableBody,
  reportTables,
  SurveyComments,
  SurveyCommentsQuery,
  Wallboard,
} from '@ward/protocol';
import { readSurveyComments } from '../../features/reports/read-survey-comments.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { readReportSummary, readReportTable, type ReportReader } from '../../features/reports/read-report.ts';
import { readWallboard, type ConnectedStaff } from '../../features/reports/read-wallboard.ts';
import { reportSummaryCsv, reportTableCsv } from '../../features/reports/report-csv.rules.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiRouter } from './api-router.ts';
import { intakeCallerOf, staffOf } from './authorise.ts';

const readerOf = (request: FastifyRequest): ReportReader => {
  const caller = intakeCallerOf(request);
  return caller.kind === 'staff' ? caller : { kind: 'api-key' };
};

function csv(reply: FastifyReply, name: string, body: string): string {
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="ward-report-${name}.csv"`);
  return body;
}

/**
 * Reports (issue 12, ADR 36): figures from the contact events, never a resident's details.
 * Administrators read the council's, supervisors their departments', agents their own; an API key
 * with the `reports` scope the council's. `format=csv` gives each as a download.
 */
export function registerReportRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { connectedStaff: ConnectedStaff },
): void {
  api.route(
    {
      method: 'GET',
      url: '/api/reports/wallboard',
      summary: 'The live wallboard: waiting now, longest wait, advisers available, answered and abandoned today',
      tag: 'reports',
      access: 'reports',
      response: Wallboard,
    },
    async ({ request }) => readWallboard(ctx, readerOf(request), options.connectedStaff),
  );
  api.route(
    {
      method: 'GET',
      url: '/api/reports/summary',
      summary: 'A report’s headline figures and return on investment (`format=csv` for a download)',
      tag: 'reports',
      access: 'reports',
      query: ReportQuery,
      response: z.union([ReportSummary, z.string()]),
    },
    async ({ query, request, reply }) => {
      const summary = await readReportSummary(ctx, readerOf(request), query);
      return query.format === 'csv'
        ? csv(reply, `summary-${query.from}-${query.to}`, reportSummaryCsv(summary))
        : summary;
    },
  );
  api.route(
    {
      method: 'GET',
      url: '/api/reports/survey-comments',
      summary: 'Survey comments (redacted) of the chats that ended in the period: supervisors and administrators only',
      tag: 'reports',
      access: 'staff',
      query: SurveyCommentsQuery,
      response: SurveyComments,
    },
    async ({ query, request }) => readSurveyComments(ctx, staffOf(request), query),
  );
  for (const table of reportTables) {
    api.route(
      {
        method: 'GET',
        url: `/api/reports/${table}`,
        summary:
          table === 'volumes'
            ? 'A report’s figures per hour, day, week or month (`period`; `format=csv` for a download)'
            : `A report’s figures per ${table.slice(0, -1)} (\`format=csv\` for a download)`,
        tag: 'reports',
        access: 'reports',
        query: ReportQuery,
        response: z.union([ReportTableBody, z.string()]),
      },
      async ({ query, request, reply }) => {
        const body = await readReportTable(ctx, readerOf(request), table, query);
        return query.format === 'csv' ? csv(reply, `${table}-${query.from}-${query.to}`, reportTableCsv(body)) : body;
      },
    );
  }
}
