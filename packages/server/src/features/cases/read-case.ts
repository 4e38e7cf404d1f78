import type { CaseDetail, CaseLookupResult } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, type AuditActor } from '../audit/record-audit.ts';
import { canActOnCase } from './case-access.rules.ts';
import { assertMayActOn, caseActorOf } from './case-actor.ts';
import { caseAuditEntry, caseReadFields } from './case-audit.ts';
import { toCaseBrief } from './case.presenters.ts';
import { findCase, findCaseByReference } from './cases.repository.ts';
import { departmentLabel } from './department-labels.ts';
import { loadCaseDetail } from './load-case-detail.ts';

/** A case in full for a member of staff of its department (or an administrator); the read is audited. */
export async function getCase(ctx: ServiceContext, staff: StaffPrincipal, caseId: string): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (tx) => {
    const head = await findCase(tx, staff.organisationId, caseId);
    if (!head) throw notFound('The case');
    assertMayActOn(await caseActorOf(tx, staff), head);
    const detail = await loadCaseDetail(tx, ctx, head);
    await recordAudit(
      tx,
      caseAuditEntry(head, { actor: staffActor(staff), action: 'read', fields: caseReadFields(detail) }),
    );
    return detail;
  });
}

/**
 * Finds a case by its reference on any channel. The full case when the member of staff works in
 * its department, otherwise its brief (no personal data). Audited as a search either way.
 */
export async function lookupCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseReference: string,
): Promise<CaseLookupResult> {
  return ctx.db.transaction().execute(async (tx) => {
    const head = await findCaseByReference(tx, staff.organisationId, caseReference);
    if (!head) throw notFound('A case with that reference');
    const actor: AuditActor = staffActor(staff);
    if (!canActOnCase(await caseActorOf(tx, staff), head.department_id)) {
      await recordAudit(tx, caseAuditEntry(head, { actor, action: 'read', purpose: 'search', fields: [] }));
      return { access: 'limited', case: toCaseBrief(head, { department: departmentLabel(ctx) }) };
    }
    const detail = await loadCaseDetail(tx, ctx, head);
    await recordAudit(
      tx,
      caseAuditEntry(head, { actor, action: 'read', purpose: 'search', fields: caseReadFields(detail) }),
    );
    return { access: 'full', case: detail };
  });
}
