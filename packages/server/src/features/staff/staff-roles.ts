import type { StaffMember, StaffRole } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { memberOf } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { endSessionsOf } from './sessions.ts';
import { keepsAnAdministrator } from './staff-roles.rules.ts';

/**
 * Gives a member of staff another role (ADR 25). Admin only (the route says so). What someone may
 * open changes with it, so their sessions end and they sign in again under the new role.
 */
export async function setStaffRole(ctx: ServiceContext, staffId: string, role: StaffRole): Promise<StaffMember> {
  const row = await ctx.db.transaction().execute(async (tx) => {
    const administrators = await repo.lockActiveAdministrators(tx, ctx.organisation.id);
    const current = await repo.findStaffById(tx, ctx.organisation.id, staffId);
    if (!current) throw new AppError('not_found', 'That member of staff was not found');
    if (current.role === role) return { row: current, changed: false };
    if (!keepsAnAdministrator(administrators, staffId, role))
      throw new AppError('conflict', 'Ward needs at least one administrator: make someone else an admin first');
    const updated = await repo.updateStaffRole(tx, ctx.organisation.id, staffId, role);
    return { row: updated ?? current, changed: true };
  });
  if (row.changed) await endSessionsOf(ctx, staffId);
  return memberOf(ctx, row.row);
}
