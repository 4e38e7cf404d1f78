import type { AuditActor, AuditEntry } from '../audit/record-audit.ts';
import type { RightsRequestData } from './rights.repository.ts';
import type { SubjectScope } from './subject-scope.rules.ts';

/**
 * The audit entries of an export (purpose `rights-request`, action `export`): one for the request
 * (when there is one) and one per contact in the scope, so each contact's trail shows it left.
 */
export function exportAuditEntries(
  actor: AuditActor,
  request: Pick<RightsRequestData, 'id' | 'dataSubjectId' | 'caseReference'> | null,
  scope: SubjectScope,
  what: string,
): AuditEntry[] {
  const base = {
    organisationId: scope.organisationId,
    actor,
    action: 'export' as const,
    purpose: 'rights-request' as const,
  };
  const contacts = scope.cases.map((kase): AuditEntry => ({
    ...base,
    recordType: 'case',
    recordId: kase.id,
    dataSubjectId: kase.dataSubjectId,
    caseReference: kase.caseReference,
    fields: ['export_pack'],
    reason: `export pack ${what}`,
  }));
  const records = scope.records.map((record): AuditEntry => ({
    ...base,
    recordType: 'customer_record',
    recordId: record.id,
    dataSubjectId: record.dataSubjectId,
    fields: ['export_pack'],
    reason: `export pack ${what}`,
  }));
  const head: AuditEntry[] = request
    ? [
        {
          ...base,
          recordType: 'rights_request',
          recordId: request.id,
          dataSubjectId: request.dataSubjectId,
          caseReference: request.caseReference,
          fields: ['export_pack'],
          reason: `export pack ${what}`,
        },
      ]
    : [];
  return [...head, ...records, ...contacts];
}

/** One entry on the request for what happened to a pack (downloaded, link sent, downloaded by link). */
export function packAuditEntry(
  actor: AuditActor,
  pack: { organisationId: string; requestId: string; dataSubjectId: string; id: string },
  what: string,
): AuditEntry {
  return {
    organisationId: pack.organisationId,
    actor,
    action: 'export',
    purpose: 'rights-request',
    recordType: 'rights_request',
    recordId: pack.requestId,
    dataSubjectId: pack.dataSubjectId,
    fields: ['export_pack'],
    reason: `export pack ${pack.id} ${what}`,
  };
}
