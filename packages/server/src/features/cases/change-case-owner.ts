import type { CaseDetail } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canOwnCase, encodeDetail } from './case-access.rules.ts';
import { findStaffMember, insertCaseEntry, updateCase } from './cases.repository.ts';
import { changeCase } from './change-case.ts';

/** Gives the case to a member of staff of its department (or to nobody, with null). */
export async function changeCaseOwner(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  ownerStaffId: string | null,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row }) => {
    if (row.owner_staff_id === ownerStaffId) throw new AppError('conflict', 'The case already has that owner');
    if (ownerStaffId) {
      const owner = await findStaffMember(tx, row.organisation_id, ownerStaffId);
      if (!owner || owner.disabled_at) throw new AppError('bad_request', 'Choose a member of staff of this council');
      if (!canOwnCase({ role: owner.role, departments: owner.departments }, row.department_id)) {
        throw new AppError('bad_request', 'That member of staff does not work in this case’s department');
      }
    }
    await updateCase(tx, row.id, { owner_staff_id: ownerStaffId });
    await insertCaseEntry(tx, {
      organisationId: row.organisation_id,
      caseId: row.id,
      kind: 'owner',
      detail: encodeDetail({ from: row.owner_staff_id, to: ownerStaffId }),
      authorStaffId: staff.id,
    });
    return { fields: ['owner_staff_id'] };
  });
}
