import type { AgentRouting, AgentRoutingBody, RoutingAgentsResponse } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findStaffScopeRow } from '../access/staff-scope.repository.ts';
import { departmentRoutingChanges, listAgentRouting, upsertAgentSettings } from './routing.repository.ts';
import { strategyOf, withConsoleChanges } from './routing.rules.ts';

/**
 * Everyone's skills, capacity, status and active chats, with the council's skills to choose from and
 * each department's strategy and capacity as they apply: set in the console, else in the settings file (ADR 47).
 */
export async function readAgentRouting(ctx: ServiceContext): Promise<RoutingAgentsResponse> {
  const { departments } = ctx.organisation.settings;
  const [rows, changes] = await Promise.all([
    listAgentRouting(ctx.db, ctx.organisation.id),
    departmentRoutingChanges(ctx.db, ctx.organisation.id),
  ]);
  const routing = withConsoleChanges(ctx.organisation.settings.routing, changes);
  return {
    skills: routing.skills.map(({ id, label }) => ({ id, label })),
    defaultCapacity: routing.defaultCapacity,
    departments: departments.map(({ id, label }) => ({
      departmentId: id,
      label,
      strategy: strategyOf(routing, id),
      capacity: routing.departments[id]?.capacity ?? null,
      setInConsole: changes.some((change) => change.departmentId === id),
      consoleStrategy: changes.find((change) => change.departmentId === id)?.strategy ?? null,
      consoleCapacity: changes.find((change) => change.departmentId === id)?.capacity ?? null,
    })),
    agents: rows.map((row): AgentRouting => ({
      staffId: row.staff_id,
      status: row.status ?? 'offline',
      skills: row.skills ?? [],
      capacity: row.capacity ?? null,
      activeChats: row.load,
    })),
  };
}

/** An administrator sets a member of staff's skills and capacity; routing uses them from its next chat. */
export async function setAgentRouting(
  ctx: ServiceContext,
  staffId: string,
  body: AgentRoutingBody,
): Promise<AgentRouting> {
  const known = ctx.organisation.settings.routing.skills.map((skill) => skill.id);
  if (body.skills.some((id) => !known.includes(id))) throw new AppError('bad_request', 'Select skills from the list');
  const staff = await findStaffScopeRow(ctx.db, ctx.organisation.id, staffId);
  if (!staff || staff.disabled_at) throw new AppError('not_found', 'That member of staff was not found');
  const skills = known.filter((id) => body.skills.includes(id));
  await upsertAgentSettings(ctx.db, ctx.organisation.id, staffId, { skills, capacity: body.capacity });
  const agent = (await readAgentRouting(ctx)).agents.find((a) => a.staffId === staffId);
  if (!agent) throw new AppError('not_found', 'That member of staff was not found');
  // More room or a new skill may let them take a waiting chat.
  ctx.events.publish('agent.status-changed', {
    organisationId: ctx.organisation.id,
    staffId,
    status: agent.status,
    reason: 'chosen',
  });
  return agent;
}
