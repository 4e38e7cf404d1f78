import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import type { CaseDetail } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { updateCaseSummary } from './case-texts.repository.ts';
import { changeCase } from './change-case.ts';

/**
 * Writes or replaces the case's contact summary, redacted and sealed. A chat's summary lives on
 * its conversation (PUT /api/conversations/:id/summary), so a chat case refuses it here.
 */
export async function writeCaseSummary(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  summary: string,
): Promise<CaseDetail> {
  return changeCase(ctx, staff, caseId, async ({ tx, row, key }) => {
    if (row.conversation_id) throw new AppError('conflict', 'A chat’s summary is written on the conversation');
    if (!key) throw new AppError('conflict', 'This resident’s personal data has been erased');
    await refuseWhileRestricted(tx, row.organisation_id, [row.data_subject_id], 'its cases’ summaries cannot change');
    const text = redactFor(ctx.organisation.settings, summary).text;
    await updateCaseSummary(tx, key, row.id, text);
    return { fields: ['summary'] };
  });
}
