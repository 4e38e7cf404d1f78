import type { CaseDetail } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { encodeDetail } from './case-access.rules.ts';
import { deleteCaseLink, findCase, findCaseByReference, insertCaseEntry, insertCaseLink } from './cases.repository.ts';
import { changeCase } from './change-case.ts';

/**
 * Links a related case (by its reference, any department: the other side shows only its brief).
 * The link is stored once per pair and appears on both cases, each with a link entry.
 */
export async function linkCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  otherReference: string,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row }) => {
    const other = await findCaseByReference(tx, row.organisation_id, otherReference);
    if (!other) throw notFound('A case with that reference');
    if (other.id === row.id) throw new AppError('bad_request', 'A case cannot be linked to itself');
    if (!(await insertCaseLink(tx, row.organisation_id, row.id, other.id, staff.id)))
      throw new AppError('conflict', 'These cases are already linked');
    await linkEntries(
      tx,
      staff.id,
      'linked',
      { id: row.id, organisationId: row.organisation_id, reference: row.case_reference },
      { id: other.id, reference: other.case_reference },
    );
    return { fields: ['case_links'], alsoChanged: other };
  });
}

export async function unlinkCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  otherId: string,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row }) => {
    const other = await findCase(tx, row.organisation_id, otherId);
    if (!other || !(await deleteCaseLink(tx, row.id, other.id))) throw notFound('The link between these cases');
    await linkEntries(
      tx,
      staff.id,
      'unlinked',
      { id: row.id, organisationId: row.organisation_id, reference: row.case_reference },
      { id: other.id, reference: other.case_reference },
    );
    return { fields: ['case_links'], alsoChanged: other };
  });
}

async function linkEntries(
  tx: Parameters<typeof insertCaseEntry>[0],
  authorStaffId: string,
  action: 'linked' | 'unlinked',
  one: { id: string; organisationId: string; reference: string },
  other: { id: string; reference: string },
): Promise<void> {
  const base = { organisationId: one.organisationId, kind: 'link' as const, authorStaffId };
  await insertCaseEntry(tx, {
    ...base,
    caseId: one.id,
    detail: encodeDetail({ action, caseId: other.id, caseReference: other.reference }),
  });
  await insertCaseEntry(tx, {
    ...base,
    caseId: other.id,
    detail: encodeDetail({ action, caseId: one.id, caseReference: one.reference }),
  });
}
