import type { Tx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { canActOnCase, type CaseActor } from './case-access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';

/** The member of staff with the departments they work in (read fresh: an admin may have just changed them). */
export async function caseActorOf(tx: Tx, staff: StaffPrincipal): Promise<CaseActor> {
  return staffScopeOf(tx, staff);
}

/** Refuses a case of a department the member of staff does not work in, saying nothing of its contents. */
export function assertMayActOn(actor: CaseActor, row: { department_id: string }): void {
  if (!canActOnCase(actor, row.department_id))
    throw new AppError('forbidden', 'This case belongs to a department you do not work in');
}
