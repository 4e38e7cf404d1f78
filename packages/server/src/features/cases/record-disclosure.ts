import type { CaseDetail, LawfulBasis } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { changeCase } from './change-case.ts';
import { disclosureDate } from './disclosure.rules.ts';
import { insertDisclosure } from './disclosures.repository.ts';

/** What recording a disclosure writes, as the audit trail names it. */
export const disclosureFields = [
  'disclosures.recipient_organisation',
  'disclosures.recipient_contact',
  'disclosures.what_shared',
  'disclosures.why',
] as const;

export type DisclosureInput = {
  recipientOrganisation: string;
  recipientContact: string | null;
  lawfulBasis: LawfulBasis;
  whatShared: string;
  why: string;
  disclosedOn?: string | undefined;
};

/**
 * Records a disclosure to a third party on a case (ADR 30): by staff who may act on the case
 * (department rule), sealed under the case's data subject, audited in the same transaction.
 */
export async function recordDisclosure(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  input: DisclosureInput,
  now = new Date(),
): Promise<CaseDetail> {
  const date = disclosureDate(input.disclosedOn, now);
  if (!date.ok) throw new AppError('bad_request', date.message);
  return changeCase(ctx, staff, caseId, async ({ tx, row, key }) => {
    if (!key) throw new AppError('conflict', 'This resident’s personal data has been erased');
    await insertDisclosure(tx, key, {
      organisationId: row.organisation_id,
      caseId: row.id,
      dataSubjectId: row.data_subject_id,
      recipientOrganisation: input.recipientOrganisation,
      recipientContact: input.recipientContact,
      lawfulBasis: input.lawfulBasis,
      whatShared: input.whatShared,
      why: input.why,
      disclosedOn: date.date,
      recordedBy: staff.id,
    });
    return { fields: disclosureFields };
  });
}
