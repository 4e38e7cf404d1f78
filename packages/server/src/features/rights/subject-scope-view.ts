import type { ScopeRootView, SubjectScopeResponse } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { processingLimitsOfRequest } from '../access/processing-restrictions.repository.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { summariseRecords } from '../records/record-summaries.ts';
import { findRightsRequest, type RightsRequestData } from './rights.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import { isClosed } from './rights-workflow.rules.ts';
import { casesByIds } from './subject-finder.repository.ts';
import { listScopeRoots, scopeOfRequest } from './subject-scope.repository.ts';

/** The request of the organisation, locked; 404 when it has none. A closed one's scope is final: 409. */
export async function openRequestForScope(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring'>,
  staff: StaffPrincipal,
  requestId: string,
): Promise<RightsRequestData> {
  const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId, { forUpdate: true });
  if (!request) throw notFound('The request');
  if (isClosed(request.status))
    throw new AppError('conflict', 'This request is closed: the data found for its resident can no longer change');
  return request;
}

/**
 * A request's confirmed roots as the officer reads them (a record's names, as the record search
 * shows them; a case's reference, channel and date) and the counts of everything in its scope.
 * The read is audited (purpose `rights-request`), with every record whose names are shown.
 */
export async function subjectScopeView(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'organisation'>,
  staff: StaffPrincipal,
  request: RightsRequestData,
): Promise<SubjectScopeResponse> {
  const organisationId = staff.organisationId;
  const roots = await listScopeRoots(tx, organisationId, request.id);
  const scope = await scopeOfRequest(tx, organisationId, request.id);
  const recordIds = roots.filter((r) => r.kind === 'customer-record').map((r) => r.id);
  const { summaries, entriesFor } = await summariseRecords(tx, ctx, recordIds, {
    actor: staffActor(staff),
    purpose: 'rights-request',
    reason: 'confirmed as the resident of a rights request',
  });
  const cases = new Map(
    (
      await casesByIds(
        tx,
        organisationId,
        roots.filter((r) => r.kind === 'case').map((r) => r.id),
      )
    ).map((row) => [row.id, row]),
  );
  const limits = await processingLimitsOfRequest(tx, organisationId, request.id);
  await recordAudit(tx, [rightsAuditEntry(staff, request, 'read', ['rights_request_items']), ...entriesFor(recordIds)]);
  return {
    roots: roots.map((root): ScopeRootView => {
      const summary = summaries.find((s) => s.id === root.id);
      const row = cases.get(root.id);
      return root.kind === 'customer-record'
        ? {
            kind: root.kind,
            id: root.id,
            names: summary?.names ?? [],
            cases: summary?.cases ?? 0,
            caseReference: null,
            channel: null,
            contactedAt: summary?.lastContactAt ?? null,
          }
        : {
            kind: root.kind,
            id: root.id,
            names: [],
            cases: 1,
            caseReference: row?.case_reference ?? null,
            channel: row?.channel ?? null,
            contactedAt: row?.contacted_at.toISOString() ?? null,
          };
    }),
    counts: {
      records: scope.records.length,
      cases: scope.cases.length,
      chats: scope.conversations.length,
      forms: scope.formSubmissions.length,
      emails: scope.emails.length,
      disclosures: scope.disclosures.length,
      dataKeys: scope.dataSubjectIds.length,
    },
    restrictedAt: limits.restrictedAt?.toISOString() ?? null,
    objections: limits.objections,
  };
}

/** `GET /api/rights-requests/:id/scope`. */
export async function readSubjectScope(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId);
    if (!request) throw notFound('The request');
    return subjectScopeView(tx, ctx, staff, request);
  });
}
