import type { ServiceContext } from '../../shared/service-context.ts';
import { findCase } from './cases.repository.ts';

/** Who should hear that a case changed: its department and its owner. Ids only. */
export type CaseAudience = { departmentId: string; ownerStaffId: string | null };

/**
 * The department and owner of a case, for realtime fan-out of events that carry only the case id
 * (`email.received`, `email.reply-queued`, `form.submitted`). Reads no personal data (nothing is
 * opened), so it is not audited; undefined when the case has gone (retention).
 */
export async function caseAudience(
  ctx: ServiceContext,
  organisationId: string,
  caseId: string,
): Promise<CaseAudience | undefined> {
  const row = await findCase(ctx.db, organisationId, caseId);
  return row ? { departmentId: row.department_id, ownerStaffId: row.owner_staff_id } : undefined;
}
