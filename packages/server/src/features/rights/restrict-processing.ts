import type { SubjectScopeResponse } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import {
  deleteRestrictionsOfRequest,
  insertRestrictions,
  processingLimitsOfRequest,
} from '../access/processing-restrictions.repository.ts';
import { recordAudit, staffActor, type AuditEntry } from '../audit/record-audit.ts';
import { findRightsRequest } from './rights.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';
import { openRequestForScope, subjectScopeView } from './subject-scope-view.ts';

/** One entry per data key whose processing changed, so each resident's trail shows it. */
function keyEntries(staff: StaffPrincipal, ids: readonly string[], action: 'create' | 'delete'): AuditEntry[] {
  return ids.map((id) => ({
    organisationId: staff.organisationId,
    actor: staffActor(staff),
    action,
    purpose: 'rights-request',
    recordType: 'processing_restriction',
    recordId: id,
    dataSubjectId: id,
    fields: ['processing_restrictions'],
  }));
}

/**
 * A restriction request's confirmed scope is restricted (ADR 33): every data key in it. While it
 * is, the records cannot change, no email goes to the resident and new contacts are not matched to
 * them. Only a restriction request, only while open, only once something is confirmed.
 */
export async function restrictProcessing(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await openRequestForScope(tx, ctx, staff, requestId);
    if (request.type !== 'restriction')
      throw new AppError('conflict', 'Only a restriction request can restrict processing');
    const scope = await scopeOfRequest(tx, staff.organisationId, requestId);
    if (scope.dataSubjectIds.length === 0)
      throw new AppError('conflict', "Confirm the resident's data before restricting its processing");
    await insertRestrictions(tx, {
      organisationId: staff.organisationId,
      requestId,
      staffId: staff.id,
      dataSubjectIds: scope.dataSubjectIds,
    });
    await recordAudit(tx, [
      { ...rightsAuditEntry(staff, request, 'update', ['processing_restrictions']), reason: 'processing restricted' },
      ...keyEntries(staff, scope.dataSubjectIds, 'create'),
    ]);
    return subjectScopeView(tx, ctx, staff, request);
  });
}

/** Lifts what this request restricted; allowed after the request closed, as restrictions outlive it. */
export async function liftRestriction(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId, { forUpdate: true });
    if (!request) throw notFound('The request');
    const limits = await processingLimitsOfRequest(tx, staff.organisationId, requestId);
    if (limits.restrictedKeys === 0) throw new AppError('conflict', 'This request has not restricted processing');
    const ids = await deleteRestrictionsOfRequest(tx, staff.organisationId, requestId);
    await recordAudit(tx, [
      { ...rightsAuditEntry(staff, request, 'update', ['processing_restrictions']), reason: 'restriction lifted' },
      ...keyEntries(staff, ids, 'delete'),
    ]);
    return subjectScopeView(tx, ctx, staff, request);
  });
}
