import type { FormSubmissionView } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { findCase } from '../cases/cases.repository.ts';
import { assertMayActOn, caseActorOf } from '../cases/case-actor.ts';
import { displayAnswers, type FormAnswers } from './form-answers.rules.ts';
import {
  findFormSubmission,
  listAnswerCorrections,
  openAnswers,
  submissionDataKey,
} from './form-submissions.repository.ts';
import { correctionOf } from './form-answer-correction.rules.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';

/**
 * The answers of the form that opened a case, for staff of its department (or an administrator).
 * Opening them is reading the resident's personal data, so it is audited in the same transaction.
 */
export async function readFormSubmission(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
): Promise<FormSubmissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const head = await findCase(tx, staff.organisationId, caseId);
    if (!head) throw notFound('This case');
    assertMayActOn(await caseActorOf(tx, staff), head);
    const row = await findFormSubmission(tx, staff.organisationId, { caseId });
    if (!row) throw notFound('A form for this case');
    const key = row.personal_data_deleted_at
      ? null
      : ((await submissionDataKey(tx, ctx.keyring, row.data_subject_id)) ?? null);
    const answers: FormAnswers = key ? openAnswers(key, row) : {};
    const form = formsOf(ctx.organisation.settings).find((f) => f.id === row.form_id) ?? null;
    const corrections = await listAnswerCorrections(tx, key, row.id);
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      actor: staffActor(staff),
      action: 'read',
      purpose: 'review-contact',
      recordType: 'form_submission',
      recordId: row.id,
      dataSubjectId: row.data_subject_id,
      caseReference: row.case_reference,
      fields: [
        ...Object.keys(answers).map((id) => `answers.${id}`),
        // The answers corrections replaced, and why, are read with them.
        ...(corrections.length > 0 ? ['form_answer_corrections.previous_value', 'form_answer_corrections.reason'] : []),
      ],
    });
    const labelOf = (fieldId: string) => form?.fields.find((f) => f.id === fieldId)?.label ?? fieldId;
    return {
      id: row.id,
      caseId: row.case_id,
      caseReference: row.case_reference,
      formId: row.form_id,
      formTitle: form?.title ?? row.form_id,
      submittedAt: row.created_at.toISOString(),
      consentGiven: row.consent_given,
      erased: key === null,
      answers: displayAnswers(form, answers).map((answer) => ({
        ...answer,
        correction: correctionOf(form, answer.fieldId, answers[answer.fieldId]!),
      })),
      corrections: corrections.map((c) => ({
        at: c.at.toISOString(),
        byName: c.byName,
        question: labelOf(c.fieldId),
        previous:
          c.previous === null
            ? 'No answer'
            : typeof c.previous === 'string' && !key
              ? c.previous
              : (displayAnswers(form, { [c.fieldId]: c.previous })[0]?.value ?? ''),
        reason: c.reason,
      })),
    };
  });
}
