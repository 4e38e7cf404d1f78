import type { StaffRole, Wallboard } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { wallboardScopeOf } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { figuresOf } from './contact-kpis.rules.ts';
import type { ReportReader } from './read-report.ts';
import { aggregateContactEvents, waitingNow } from './reports.repository.ts';
import { agentsAvailable, londonDayAround, longestWaitSeconds } from './wallboard.rules.ts';

/**
 * Who has an agent socket open now, in these departments (null: the whole council). Socket
 * presence is known only to realtime, so the transport answers it (issue 12).
 */
export type ConnectedStaff = (
  organisationId: string,
  departments: readonly string[] | null,
) => Promise<Array<{ staffId: string; role: StaffRole }>>;

/** The live wallboard: supervisors their departments', administrators and API keys the council's. */
export async function readWallboard(
  ctx: ServiceContext,
  reader: ReportReader,
  connectedStaff: ConnectedStaff,
  now = new Date(),
): Promise<Wallboard> {
  const scope =
    reader.kind === 'api-key'
      ? { kind: 'organisation' as const }
      : wallboardScopeOf(await staffScopeOf(ctx.db, reader.staff));
  if (!scope) throw new AppError('forbidden', 'The wallboard is for supervisors and administrators');
  const organisationId = ctx.organisation.id;
  const departments = scope.kind === 'departments' ? scope.departments : null;
  const { start, end } = londonDayAround(now);
  const [queue, events, connected] = await Promise.all([
    waitingNow(ctx.db, organisationId, departments),
    aggregateContactEvents(
      ctx.db,
      { organisationId, start, end, departments, topic: null, staffId: null, channel: null },
      'none',
    ),
    connectedStaff(organisationId, departments),
  ]);
  const today = figuresOf(events);
  return {
    asOf: now.toISOString(),
    waitingNow: queue.count,
    longestWaitSeconds: longestWaitSeconds(queue.oldest, now),
    agentsAvailable: agentsAvailable(connected),
    answeredToday: today.answered,
    abandonedToday: today.abandoned,
  };
}
