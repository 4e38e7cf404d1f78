import type { StaffDirectoryEntry, StaffMember } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { memberOf } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import * as mfaRepo from './mfa.repository.ts';

/**
 * The signed-in member of staff as the console sees them, read fresh (an admin may have just changed their
 * departments).
 */
export async function currentStaffMember(ctx: ServiceContext, staff: StaffPrincipal): Promise<StaffMember> {
  const row = await repo.findStaffById(ctx.db, ctx.organisation.id, staff.id);
  if (!row || row.disabled_at) throw new AppError('unauthenticated', 'Sign in to continue');
  return memberOf(ctx, row);
}

/** Active staff with their names and departments, for choosing a case owner: any member of staff may read it. */
export async function staffDirectory(ctx: ServiceContext): Promise<StaffDirectoryEntry[]> {
  const rows = await repo.listActiveStaffNames(ctx.db, ctx.organisation.id);
  return rows.map((row) => ({
    id: row.id,
    displayName: `${row.first_name} ${row.last_name}`,
    role: row.role,
    departments: row.departments,
  }));
}

export async function listStaffMembers(ctx: ServiceContext): Promise<StaffMember[]> {
  const rows = await repo.listStaff(ctx.db, ctx.organisation.id);
  const enabled = new Set(await mfaRepo.staffWithMfaEnabled(ctx.db, ctx.organisation.id));
  return rows.map((row) => ({ ...memberOf(ctx, row), mfaEnabled: enabled.has(row.id) }));
}

export async function hasAnyStaff(ctx: ServiceContext): Promise<boolean> {
  return (await repo.countStaff(ctx.db, ctx.organisation.id)) > 0;
}
