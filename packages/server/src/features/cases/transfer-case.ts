import type { CaseDetail } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canOwnCase, encodeDetail } from './case-access.rules.ts';
import { findStaffMember, insertCaseEntry, updateCase } from './cases.repository.ts';
import { changeCase } from './change-case.ts';

/**
 * Transfers a case to another department. Its owner keeps it only if they work there too;
 * otherwise the case is left without an owner for the new department to pick up.
 */
export async function transferCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  departmentId: string,
): Promise<CaseDetail> {
  if (!ctx.organisation.settings.departments.some((d) => d.id === departmentId))
    throw new AppError('bad_request', 'Choose one of the council’s departments');
  return changeCase(ctx, staff, caseId, async ({ tx, row }) => {
    if (row.department_id === departmentId) throw new AppError('conflict', 'The case is already in that department');
    const owner = row.owner_staff_id ? await findStaffMember(tx, row.organisation_id, row.owner_staff_id) : undefined;
    const ownerStays =
      owner !== undefined && canOwnCase({ role: owner.role, departments: owner.departments }, departmentId);
    await updateCase(tx, row.id, { department_id: departmentId, ...(ownerStays ? {} : { owner_staff_id: null }) });
    const entry = { organisationId: row.organisation_id, caseId: row.id, authorStaffId: staff.id };
    await insertCaseEntry(tx, {
      ...entry,
      kind: 'department',
      detail: encodeDetail({ from: row.department_id, to: departmentId }),
    });
    if (row.owner_staff_id && !ownerStays)
      await insertCaseEntry(tx, {
        ...entry,
        kind: 'owner',
        detail: encodeDetail({ from: row.owner_staff_id, to: null }),
      });
    return { fields: row.owner_staff_id && !ownerStays ? ['department_id', 'owner_staff_id'] : ['department_id'] };
  });
}
