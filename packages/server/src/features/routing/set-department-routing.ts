import type { DepartmentRouting, DepartmentRoutingBody } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { readAgentRouting } from './agent-routing-settings.ts';
import { upsertDepartmentRouting } from './routing.repository.ts';

/**
 * An administrator sets a department's strategy and default capacity (null: as the settings file
 * says; ADR 47). Routing reads it at its next pass on every node; audited. Waiting chats are routed
 * at once, since the department may have stopped being manual or given its advisers more room.
 */
export async function setDepartmentRouting(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  departmentId: string,
  body: DepartmentRoutingBody,
): Promise<DepartmentRouting> {
  if (!ctx.organisation.settings.departments.some((d) => d.id === departmentId))
    throw new AppError('not_found', 'That department was not found');
  await ctx.db.transaction().execute(async (tx) => {
    await upsertDepartmentRouting(tx, staff.organisationId, { departmentId, ...body });
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'update',
      purpose: 'administration',
      recordType: 'routing_department',
      recordId: departmentId,
      fields: ['strategy', 'capacity'],
    });
  });
  ctx.events.publish('routing.department-changed', { organisationId: staff.organisationId, departmentId });
  const department = (await readAgentRouting(ctx)).departments.find((d) => d.departmentId === departmentId);
  if (!department) throw new AppError('not_found', 'That department was not found');
  return department;
}
