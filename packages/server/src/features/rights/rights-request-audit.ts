import type { StaffPrincipal } from '../../shared/service-context.ts';
import { staffActor, type AuditEntry } from '../audit/record-audit.ts';
import type { RightsRequestData } from './rights.repository.ts';

/** The personal-data fields of a request that a full read shows. */
export const requestFields = ['requester_name', 'requester_contact', 'identity_note', 'steps.reason'] as const;

/** Every read and change of a rights request is audited with the purpose `rights-request`. */
export function rightsAuditEntry(
  staff: StaffPrincipal,
  request: Pick<RightsRequestData, 'id' | 'dataSubjectId' | 'caseReference'>,
  action: AuditEntry['action'],
  fields: readonly string[],
): AuditEntry {
  return {
    organisationId: staff.organisationId,
    actor: staffActor(staff),
    action,
    purpose: 'rights-request',
    recordType: 'rights_request',
    recordId: request.id,
    dataSubjectId: request.dataSubjectId,
    caseReference: request.caseReference,
    fields,
  };
}
