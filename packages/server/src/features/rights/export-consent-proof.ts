import type { ConsentProof } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { consentsForPurpose, consentsOfSubjects } from '../consents/consents.repository.ts';
import { toConsentProof } from '../consents/consent-proof.rules.ts';
import { scopeOfCaseReference } from './subject-scope.repository.ts';

/**
 * The proof of consent (ADR 37) for one person — the resident of a case, with everything on their
 * record (ADR 32) — or for one purpose. Audited as an export.
 */
export async function exportConsentProof(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  by: { caseReference: string } | { purpose: string },
): Promise<ConsentProof[]> {
  const organisationId = staff.organisationId;
  return ctx.db.transaction().execute(async (tx) => {
    let rows;
    if ('caseReference' in by) {
      const scope = await scopeOfCaseReference(tx, organisationId, by.caseReference);
      if (!scope) throw notFound('A case with that reference');
      rows = await consentsOfSubjects(tx, organisationId, scope.dataSubjectIds);
    } else {
      rows = await consentsForPurpose(tx, organisationId, by.purpose);
    }
    await recordAudit(tx, {
      organisationId,
      actor: staffActor(staff),
      action: 'export',
      purpose: 'consent',
      recordType: 'consent',
      caseReference: 'caseReference' in by ? by.caseReference : null,
      fields: ['purpose', 'method', 'wording', 'given_at', 'withdrawn_at'],
      reason: 'purpose' in by ? `proof of consent for the purpose ${by.purpose}` : 'proof of consent for one person',
    });
    return rows.map(toConsentProof);
  });
}
