import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import * as repo from './staff.repository.ts';
import { recordMfaChange } from './mfa-audit.ts';
import { endSessionsOf } from './sessions.ts';

/**
 * An administrator resets a colleague's two-step sign-in (a lost phone): the secret and recovery
 * codes go, every session of theirs ends, and they set it up again at their next sign-in (where
 * it is required) or may (where it is not). Not one's own: another administrator does that.
 */
export async function resetStaffMfa(ctx: ServiceContext, admin: StaffPrincipal, staffId: string): Promise<void> {
  if (staffId === admin.id)
    throw new AppError('conflict', 'Ask another administrator to reset your own two-step sign-in');
  await ctx.db.transaction().execute(async (tx) => {
    const staff = await repo.findStaffById(tx, ctx.organisation.id, staffId);
    if (!staff) throw new AppError('not_found', 'That member of staff was not found');
    await mfaRepo.deleteStaffMfa(tx, staffId);
    await repo.deleteSessionsOf(tx, staffId);
    await recordMfaChange(tx, admin, {
      staffId,
      action: 'delete',
      fields: ['mfa_secret', 'mfa_recovery_codes'],
      reason: 'Two-step sign-in reset by an administrator',
    });
  });
  // After the commit: their live connections close too.
  await endSessionsOf(ctx, staffId);
}
