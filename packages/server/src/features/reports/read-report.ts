import { textIn } from '@ward/protocol';
import type { ReportQuery } from '@ward/protocol';
import {
  type ReportFigures,
  type ReportRange,
  type ReportSummary,
  type ReportTable,
  type ReportTableBody,
} from '@ward/protocol';
import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { mayFilterReport, reportScopeOf, type ReportScope } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { figuresByGroup, figuresOf } from './contact-kpis.rules.ts';
import { periodKeys, periodLabel, periodWindows, reportInstants } from './report-periods.rules.ts';
import { agentTimeOf, agentTotalsOfHolds, type AgentTotals } from './agent-time.rules.ts';
import { agentTimeline } from './agent-time.repository.ts';
import { aggregateContactEvents, staffNames, type ReportFilter, type ReportGrouping } from './reports.repository.ts';
import { returnOnInvestment } from './return-on-investment.rules.ts';

type Query = z.output<typeof ReportQuery>;
/** Staff, or an integration's API key with the `reports` scope (the whole council's figures). */
export type ReportReader = { kind: 'staff'; staff: StaffPrincipal } | { kind: 'api-key' };

/** What the reader may see, and the filter that keeps them to it; refused when they ask for more. */
async function filterFor(ctx: ServiceContext, reader: ReportReader, query: Query) {
  const scope: ReportScope | null =
    reader.kind === 'api-key' ? { kind: 'organisation' } : reportScopeOf(await staffScopeOf(ctx.db, reader.staff));
  if (!scope) throw new AppError('forbidden', 'Reports are for supervisors, administrators and advisers');
  if (!mayFilterReport(scope, query))
    throw new AppError(
      'forbidden',
      scope.kind === 'own' ? 'You can see your own figures only' : 'You can see your departments’ figures only',
    );
  const { start, end } = reportInstants(query.from, query.to);
  const filter: ReportFilter = {
    organisationId: ctx.organisation.id,
    start,
    end,
    departments: query.departmentId ? [query.departmentId] : scope.kind === 'departments' ? scope.departments : null,
    topic: query.topic ?? null,
    staffId: scope.kind === 'own' ? scope.staffId : (query.agentId ?? null),
    channel: query.channel ?? null,
  };
  const range: ReportRange = {
    from: query.from,
    to: query.to,
    period: query.period,
    departmentId: query.departmentId ?? null,
    topic: query.topic ?? null,
    agentId: filter.staffId,
    channel: query.channel ?? null,
    scope: scope.kind,
  };
  return { filter, range };
}

/**
 * Each adviser's time in each window (ADR 44), or null where it has no meaning: a report of one
 * topic, or of a channel other than chat. Advisers outside the filter (a chat passed on to one)
 * are left out.
 */
async function agentTotalsFor(
  ctx: ServiceContext,
  filter: ReportFilter,
  windows: Array<[Date, Date]>,
  now = new Date(),
): Promise<Map<string, AgentTotals[]> | null> {
  if (filter.topic || (filter.channel && filter.channel !== 'chat')) return null;
  const { statuses, holds } = await agentTimeline(ctx.db, filter);
  const totals = agentTotalsOfHolds(statuses, holds, windows, now);
  const inScope = filter.staffId
    ? new Set([filter.staffId])
    : filter.departments
      ? new Set(statuses.map((s) => s.staffId))
      : null;
  if (inScope) for (const staffId of totals.keys()) if (!inScope.has(staffId)) totals.delete(staffId);
  return totals;
}

export async function readReportSummary(
  ctx: ServiceContext,
  reader: ReportReader,
  query: Query,
): Promise<ReportSummary> {
  const { filter, range } = await filterFor(ctx, reader, query);
  const totals = await agentTotalsFor(ctx, filter, [[filter.start, filter.end]]);
  const figures = figuresOf(
    await aggregateContactEvents(ctx.db, filter, 'none'),
    totals && agentTimeOf([...totals.values()].flat()),
  );
  return { range, figures, returnOnInvestment: returnOnInvestment(figures, ctx.organisation.settings.reports) };
}

const groupingOf: Record<ReportTable, (query: Query) => ReportGrouping> = {
  volumes: (query) => query.period,
  departments: () => 'department',
  topics: () => 'topic',
  agents: () => 'agent',
  channels: () => 'channel',
};

/** One table of a report: a row per period (every one in the range) or per department, topic, agent or channel seen. */
export async function readReportTable(
  ctx: ServiceContext,
  reader: ReportReader,
  table: ReportTable,
  query: Query,
): Promise<ReportTableBody> {
  const { filter, range } = await filterFor(ctx, reader, query);
  const aggregates = await aggregateContactEvents(ctx.db, filter, groupingOf[table](query));
  const { settings } = ctx.organisation;
  let keys: Array<string | null>;
  let label: (key: string | null) => string;
  let agentTime: (key: string | null) => ReportFigures['agentTime'] = () => null;
  if (table === 'volumes') {
    keys = periodKeys(query.from, query.to, query.period);
    label = (key) => periodLabel(key ?? '', query.period);
    const totals = await agentTotalsFor(ctx, filter, periodWindows(query.from, query.to, query.period));
    const byAgent = [...(totals?.values() ?? [])];
    if (totals) agentTime = (key) => agentTimeOf(byAgent.flatMap((windows) => windows[keys.indexOf(key)] ?? []));
  } else {
    const totals = table === 'agents' ? await agentTotalsFor(ctx, filter, [[filter.start, filter.end]]) : null;
    if (totals) agentTime = (key) => (key === null ? null : agentTimeOf(totals.get(key) ?? []));
    keys = [...new Set([...aggregates.map((a) => a.group), ...(totals?.keys() ?? [])])].sort((a, b) =>
      (a ?? '~').localeCompare(b ?? '~'),
    );
    if (table === 'agents') {
      const names = await staffNames(
        ctx.db,
        ctx.organisation.id,
        keys.filter((k) => k !== null),
      );
      label = (key) => (key === null ? 'No adviser' : (names.get(key) ?? 'Former member of staff'));
    } else if (table === 'departments') {
      label = (key) => settings.departments.find((d) => d.id === key)?.label ?? key ?? 'No department';
    } else if (table === 'topics') {
      label = (key) => {
        const topic = settings.topics.find((t) => t.id === key);
        return topic ? textIn(topic.label, 'en') : (key ?? 'No topic');
      };
    } else label = (key) => key ?? '';
  }
  const rows = figuresByGroup(aggregates, keys, agentTime).map(({ key, figures }) => ({
    key: key ?? '',
    label: label(key),
    figures,
  }));
  return { range, table, rows };
}
