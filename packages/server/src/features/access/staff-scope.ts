import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import type { StaffScope } from './access.rules.ts';
import { findStaffScopeRow } from './staff-scope.repository.ts';

/**
 * What the access rules need of a member of staff, read in the transaction of the access itself:
 * a role or department an administrator has just changed applies to the very next request or
 * event, not at the next sign-in or connection.
 */
export async function staffScopeOf(
  db: DbOrTx,
  staff: Pick<StaffPrincipal, 'id' | 'organisationId'>,
): Promise<StaffScope> {
  const row = await findStaffScopeRow(db, staff.organisationId, staff.id);
  if (!row || row.disabled_at) throw new AppError('unauthenticated', 'Sign in to continue');
  return { staffId: staff.id, role: row.role, departments: row.departments };
}
