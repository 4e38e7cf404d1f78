import type { CaseDetail } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import type { CaseRow } from '../../db/schema.ts';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import type { CaseActor } from './case-access.rules.ts';
import { findCase, lockCase } from './cases.repository.ts';
import { assertMayActOn, caseActorOf } from './case-actor.ts';
import { caseAuditEntry, caseReadFields } from './case-audit.ts';
import { loadCaseKey } from './case-texts.repository.ts';
import { loadCaseDetail } from './load-case-detail.ts';

/** What a change sees: the locked case, its data key (null once erased), who acts and their departments. */
export type CaseChange = { tx: Tx; row: CaseRow; key: Buffer | null; actor: CaseActor; staff: StaffPrincipal };

/**
 * The frame of every change staff make to a case, in one transaction: lock the case, check the
 * department rule (ADR 14), apply the change (which writes its case entry), read the case back,
 * audit the change (the fields it touched, and the read of the case shown back), and after the
 * commit publish `case.changed`.
 */
export async function changeCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  /** `alsoChanged`: another case the change wrote to (the other side of a link), audited too. */
  apply: (change: CaseChange) => Promise<{ fields: readonly string[]; alsoChanged?: CaseRow }>,
): Promise<CaseDetail> {
  let before: { departmentId: string; ownerStaffId: string | null } | undefined;
  let status: { from: CaseRow['status']; to: CaseRow['status'] } | undefined;
  let linked: CaseRow | undefined;
  const detail = await ctx.db.transaction().execute(async (tx) => {
    const row = await lockCase(tx, staff.organisationId, caseId);
    if (!row) throw notFound('The case');
    const actor = await caseActorOf(tx, staff);
    assertMayActOn(actor, row);
    const key = await loadCaseKey(tx, ctx.keyring, row);
    const { fields, alsoChanged } = await apply({ tx, row, key, actor, staff });
    before = { departmentId: row.department_id, ownerStaffId: row.owner_staff_id };
    linked = alsoChanged;
    const head = await findCase(tx, staff.organisationId, caseId);
    if (!head) throw notFound('The case');
    if (head.status !== row.status) status = { from: row.status, to: head.status };
    const detail = await loadCaseDetail(tx, ctx, head);
    const who = staffActor(staff);
    await recordAudit(tx, [
      caseAuditEntry(row, { actor: who, action: 'update', fields }),
      ...(alsoChanged ? [caseAuditEntry(alsoChanged, { actor: who, action: 'update', fields })] : []),
      caseAuditEntry(row, { actor: who, action: 'read', fields: caseReadFields(detail) }),
    ]);
    return detail;
  });
  ctx.events.publish('case.changed', {
    organisationId: staff.organisationId,
    caseId,
    departmentId: detail.departmentId,
    ownerStaffId: detail.owner?.id ?? null,
    previous: before,
    ...(status ? { status } : {}),
  });
  if (linked) {
    ctx.events.publish('case.changed', {
      organisationId: staff.organisationId,
      caseId: linked.id,
      departmentId: linked.department_id,
      ownerStaffId: linked.owner_staff_id,
    });
  }
  return detail;
}
