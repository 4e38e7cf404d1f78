import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import type { CaseDetail } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { insertCaseEntry } from './cases.repository.ts';
import { changeCase } from './change-case.ts';

/** Adds a staff note, redacted (ADR 9) and sealed under the case's data subject (ADR 10). */
export async function addCaseNote(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  text: string,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row, key }) => {
    if (!key) throw new AppError('conflict', 'This resident’s personal data has been erased');
    await refuseWhileRestricted(tx, row.organisation_id, [row.data_subject_id], 'no notes can be added to its cases');
    const value = redactFor(ctx.organisation.settings, text).text;
    await insertCaseEntry(tx, {
      organisationId: row.organisation_id,
      caseId: row.id,
      kind: 'note',
      text: { key, value },
      authorStaffId: staff.id,
    });
    return { fields: ['case_entries.body'] };
  });
}
