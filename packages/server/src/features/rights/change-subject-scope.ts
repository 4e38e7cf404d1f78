import type { ScopeItemBody, SubjectScopeResponse } from '@ward/protocol';
import type { z } from 'zod';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import { casesByIds, recordExists } from './subject-finder.repository.ts';
import { addScopeRoot, removeScopeRoot } from './subject-scope.repository.ts';
import { openRequestForScope, subjectScopeView } from './subject-scope-view.ts';

type Item = z.output<typeof ScopeItemBody>;

const itemNames = { 'customer-record': 'The customer record', case: 'The case' } as const;

/**
 * The officer confirms a record or a case is the request's resident's (ADR 32): it joins the
 * subject scope. Only the organisation's items (404 otherwise), only while the request is open
 * (409), audited on the request (purpose `rights-request`).
 */
export async function confirmScopeItem(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  item: Item,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await openRequestForScope(tx, ctx, staff, requestId);
    const exists =
      item.kind === 'customer-record'
        ? await recordExists(tx, staff.organisationId, item.id)
        : (await casesByIds(tx, staff.organisationId, [item.id])).length > 0;
    if (!exists) throw notFound(itemNames[item.kind]);
    await addScopeRoot(tx, { organisationId: staff.organisationId, requestId, root: item, confirmedBy: staff.id });
    await recordAudit(tx, {
      ...rightsAuditEntry(staff, request, 'update', ['rights_request_items']),
      reason: `confirmed a ${item.kind} as the resident's`,
    });
    return subjectScopeView(tx, ctx, staff, request);
  });
}

/** Takes a confirmed item out of the scope again (404 when it was not in it; 409 once closed). */
export async function removeScopeItem(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  item: Item,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await openRequestForScope(tx, ctx, staff, requestId);
    const removed = await removeScopeRoot(tx, { organisationId: staff.organisationId, requestId, root: item });
    if (!removed) throw notFound(`${itemNames[item.kind]} in this request's scope`);
    await recordAudit(tx, {
      ...rightsAuditEntry(staff, request, 'update', ['rights_request_items']),
      reason: `removed a ${item.kind} from the resident's data`,
    });
    return subjectScopeView(tx, ctx, staff, request);
  });
}
