import type { CorrectFormAnswerBody, FormSubmissionView } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { findCase } from '../cases/cases.repository.ts';
import { assertMayActOn, caseActorOf } from '../cases/case-actor.ts';
import { enabledRedactions } from '../redaction/redaction.rules.ts';
import { londonToday } from './dates.rules.ts';
import { validateField } from './field-validation.rules.ts';
import { correctionOf } from './form-answer-correction.rules.ts';
import { redactAnswers } from './form-answers.rules.ts';
import {
  findFormSubmission,
  insertAnswerCorrection,
  lockFormSubmission,
  openAnswers,
  submissionDataKey,
  updateAnswers,
} from './form-submissions.repository.ts';
import { readFormSubmission } from './read-form-submission.ts';

/**
 * Rectification of one answer of a form (issue 9): staff who may work on its case correct it with a
 * reason. The answer it replaced and the reason are kept, sealed, as long as the answers; the new
 * answer is checked and redacted as the form page does. Audited with the field name only.
 */
export async function correctFormAnswer(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  submissionId: string,
  fieldId: string,
  body: CorrectFormAnswerBody,
  now = new Date(),
): Promise<FormSubmissionView> {
  const caseId = await ctx.db.transaction().execute(async (tx) => {
    await lockFormSubmission(tx, submissionId);
    const row = await findFormSubmission(tx, staff.organisationId, { id: submissionId });
    if (!row) throw notFound('The form');
    const head = await findCase(tx, staff.organisationId, row.case_id);
    if (!head) throw notFound('The form');
    assertMayActOn(await caseActorOf(tx, staff), head);
    await refuseWhileRestricted(tx, staff.organisationId, [row.data_subject_id], 'its answers cannot be corrected');
    const key = row.personal_data_deleted_at ? null : await submissionDataKey(tx, ctx.keyring, row.data_subject_id);
    if (!key) throw new AppError('conflict', 'The answers have been deleted, so they cannot be corrected');
    const form = ctx.organisation.settings.forms.find((f) => f.id === row.form_id) ?? null;
    const field = form?.fields.find((f) => f.id === fieldId);
    const answers = openAnswers(key, row);
    const previous = answers[fieldId] ?? null;
    if (!form || !field || previous === null || !correctionOf(form, fieldId, previous))
      throw new AppError('bad_request', 'This answer cannot be corrected here');
    const checked = validateField(field, body.value, londonToday(now));
    if (!checked.ok) throw new AppError('bad_request', checked.error.message);
    const next = { ...answers };
    if (checked.value === null) delete next[fieldId];
    else next[fieldId] = checked.value;
    const redacted = redactAnswers(form, next, enabledRedactions(ctx.organisation.settings.redaction)).answers;
    if (JSON.stringify(redacted[fieldId] ?? null) === JSON.stringify(previous))
      throw new AppError('bad_request', 'Change the answer before saving');
    await insertAnswerCorrection(tx, key, {
      organisationId: row.organisation_id,
      submissionId: row.id,
      dataSubjectId: row.data_subject_id,
      correctedBy: staff.id,
      fieldId,
      previous,
      reason: body.reason,
    });
    await updateAnswers(tx, key, row.id, redacted);
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      actor: staffActor(staff),
      action: 'update',
      purpose: body.rightsRequest ? 'rights-request' : 'review-contact',
      recordType: 'form_submission',
      recordId: row.id,
      dataSubjectId: row.data_subject_id,
      caseReference: row.case_reference,
      fields: [`answers.${fieldId}`],
      // What was done; the typed reason is sealed with the answer it replaced.
      reason: 'corrected an answer',
    });
    return row.case_id;
  });
  return readFormSubmission(ctx, staff, caseId);
}
