import type { DisclosureList } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { caseAuditEntry } from './case-audit.ts';
import { toDisclosure } from './case.presenters.ts';
import { isDateRange } from './disclosure.rules.ts';
import { listDisclosuresBetween } from './disclosures.repository.ts';

/** The most disclosures one list shows; a privacy officer narrows the dates for more. */
export const disclosureListLimit = 500;

/**
 * The disclosure log for privacy officers and administrators (ADR 30): every disclosure made
 * between two dates, in every department, newest first. Each case read is audited.
 */
export async function listDisclosures(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<DisclosureList> {
  if (!isDateRange(range.from, range.to))
    throw new AppError('bad_request', 'The start date must be the same as or before the end date');
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listDisclosuresBetween(
      tx,
      ctx.keyring,
      staff.organisationId,
      { from: range.from ?? null, to: range.to ?? null },
      disclosureListLimit,
    );
    const cases = new Map(rows.map((row) => [row.case_id, row]));
    await recordAudit(
      tx,
      [...cases.values()].map((row) =>
        caseAuditEntry(
          {
            id: row.case_id,
            organisation_id: staff.organisationId,
            data_subject_id: row.data_subject_id,
            case_reference: row.case_reference,
          },
          {
            actor: staffActor(staff),
            action: 'read',
            fields: ['disclosures.recipient_contact', 'disclosures.what_shared', 'disclosures.why'],
          },
        ),
      ),
    );
    return { disclosures: rows.map(toDisclosure) };
  });
}
