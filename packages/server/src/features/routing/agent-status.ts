import type { AgentStatus, ChosenAgentStatus } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import {
  databaseNow,
  markActive,
  markChosen,
  markConnected,
  markIdleAway,
  markOffline,
  statusOf,
} from './routing.repository.ts';

/**
 * Agent status (ADR 39), kept in PostgreSQL so every node agrees. Connecting restores what the agent
 * last chose; their last tab closing makes them offline; no console activity for a while makes
 * them away. Each change that gives an agent room asks routing to run (start-routing.ts listens).
 */
export function agentConnected(ctx: ServiceContext, staff: StaffPrincipal): Promise<AgentStatus> {
  return markConnected(ctx.db, staff.organisationId, staff.id);
}

/** The time to pass to `agentLeft`, read before asking every node whether the agent still has a tab open. */
export function presenceClock(ctx: ServiceContext): Promise<Date> {
  return databaseNow(ctx.db);
}

/** No tab of the agent's is open on any node (asked after `since`): offline, unless one connected since. */
export async function agentLeft(ctx: ServiceContext, staff: StaffPrincipal, since: Date): Promise<void> {
  if (await markOffline(ctx.db, staff.id, since))
    ctx.events.publish('agent.status-changed', {
      organisationId: staff.organisationId,
      staffId: staff.id,
      status: 'offline',
      reason: 'chosen',
    });
}

export async function chooseStatus(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  status: ChosenAgentStatus,
): Promise<{ status: AgentStatus; reason: 'chosen' }> {
  await markChosen(ctx.db, staff.organisationId, staff.id, status);
  ctx.events.publish('agent.status-changed', {
    organisationId: staff.organisationId,
    staffId: staff.id,
    status,
    reason: 'chosen',
  });
  return { status, reason: 'chosen' };
}

export function agentActive(ctx: ServiceContext, staff: StaffPrincipal): Promise<void> {
  return markActive(ctx.db, staff.id);
}

export function currentStatus(ctx: ServiceContext, staff: StaffPrincipal): Promise<AgentStatus> {
  return statusOf(ctx.db, staff.id);
}

/** Agents idle for `awayMinutes` become away (the routing job, every minute). Returns how many. */
export async function markIdleAgentsAway(ctx: ServiceContext, awayMinutes: number, now = new Date()): Promise<number> {
  const idle = await markIdleAway(ctx.db, ctx.organisation.id, new Date(now.getTime() - awayMinutes * 60_000));
  for (const { staff_id } of idle)
    ctx.events.publish('agent.status-changed', {
      organisationId: ctx.organisation.id,
      staffId: staff_id,
      status: 'away',
      reason: 'idle',
    });
  return idle.length;
}
