import type { CaseDetail, CaseStatus } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { encodeDetail } from './case-access.rules.ts';
import { insertCaseEntry, updateCase } from './cases.repository.ts';
import { changeCase } from './change-case.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';

/**
 * Moves a case to another status. Closing stamps closed_at; setting a closed case back to open
 * (or any other status) reopens it and clears closed_at. Each change leaves a status entry.
 */
export async function changeCaseStatus(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  status: CaseStatus,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row }) => {
    if (row.status === status) throw new AppError('conflict', 'The case already has that status');
    await updateCase(tx, row.id, { status, closed_at: status === 'closed' ? new Date() : null });
    await insertCaseEntry(tx, {
      organisationId: row.organisation_id,
      caseId: row.id,
      kind: 'status',
      detail: encodeDetail({ from: row.status, to: status }),
      authorStaffId: staff.id,
    });
    if (status === 'closed') await recordCaseEvent(tx, { caseId: row.id, kind: 'case-closed', staffId: staff.id });
    return { fields: status === 'closed' || row.status === 'closed' ? ['status', 'closed_at'] : ['status'] };
  });
}
