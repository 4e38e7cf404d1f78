import { randomUUID } from 'node:crypto';
import type { FormDefinition, Language, RedactionCategory } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';
import { textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { termsForNewContact } from '../consents/contact-terms.ts';
import { checkboxWording, onlineFormConsentLabel } from '../consents/contact-terms.rules.ts';
import { recordConsents } from '../consents/record-consent.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { recordAudit, systemActor, type AuditEntry } from '../audit/record-audit.ts';
import { findCaseByReference } from '../cases/cases.repository.ts';
import { openCase } from '../cases/open-case.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';
import { closedDepartmentsAt } from '../organisations/topic-availability.ts';
import { linkIntakeToRecord } from '../records/link-intake-to-record.ts';
import { enabledRedactions } from '../redaction/redaction.rules.ts';
import { londonToday } from './dates.rules.ts';
import type { FieldError } from './field-validation.rules.ts';
import {
  checkSubmission,
  confirmationEmailOf,
  recordIntakeOf,
  redactAnswers,
  type SubmissionInput,
} from './form-answers.rules.ts';
import { insertFormSubmission } from './form-submissions.repository.ts';

/** The answers have problems the resident can fix: each with the field it belongs to. */
export class FormAnswersInvalid extends AppError {
  override name = 'FormAnswersInvalid';
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    // Messages come from the form's definition and never repeat what was typed.
    super('bad_request', `Check your answers: ${errors.map((e) => e.message).join('; ')}`);
    this.errors = errors;
  }
}

export type SubmittedForm = {
  submissionId: string;
  caseId: string;
  caseReference: string;
  emailed: boolean;
  redactions: RedactionCategory[];
};

/** One of the organisation's forms, or a 404. */
export function findForm(ctx: ServiceContext, organisationSlug: string, formId: string): FormDefinition {
  const form =
    organisationSlug === ctx.organisation.slug
      ? ctx.organisation.settings.forms.find((f) => f.id === formId)
      : undefined;
  if (!form) throw new AppError('not_found', 'This form was not found');
  return form;
}

/**
 * A resident sends a form (issue 4). In one transaction: the answers are validated and their free
 * text redacted (ADR 9); the submission joins the record of a case they quoted, or the one record
 * with their email address, or a new record (ADR 14); a case is opened in the form's department;
 * the answers are sealed under the record's key (ADR 10); Ward's creation is audited (ADR 12).
 * After commit, `form.submitted` queues the confirmation email when an address was given.
 */
export async function submitForm(
  ctx: ServiceContext,
  form: FormDefinition,
  input: SubmissionInput,
  now = new Date(),
  /** What reports count it as (ADR 36): a message left instead of a chat is not a form (ADR 40). */
  contactKind: 'form-submitted' | 'chat-left-message' = 'form-submitted',
  /** The language of the pages the resident used (ADR 50): their errors, consent wording and email. */
  language: Language = 'en',
): Promise<SubmittedForm> {
  // What the resident saw: the same fields, with the texts in their language.
  const shown =
    language === 'en' ? form : (formsOf(ctx.organisation.settings, language).find((f) => f.id === form.id) ?? form);
  const checked = checkSubmission(shown, input, londonToday(now), language);
  if (!checked.ok) {
    if ('unknownField' in checked)
      throw new AppError('bad_request', 'The answers include a question this form does not ask');
    throw new FormAnswersInvalid(checked.errors);
  }
  const { answers, categories } = redactAnswers(
    form,
    checked.answers,
    enabledRedactions(ctx.organisation.settings.redaction),
  );
  const intake = recordIntakeOf(form, answers);
  const confirmationEmail = confirmationEmailOf(form, answers);
  const organisationId = ctx.organisation.id;
  const submissionId = randomUUID();

  const opened = await ctx.db.transaction().execute(async (tx) => {
    const record = await linkIntakeToRecord(tx, ctx, {
      quotedRecordId: intake.quotedCaseReference
        ? await recordOfCase(tx, organisationId, intake.quotedCaseReference)
        : null,
      email: intake.email,
      details: intake.details,
      createdBy: 'system:form',
    });
    const { caseId, caseReference } = await openCase(tx, {
      organisationId,
      channel: 'form',
      channelDetail: form.id,
      topic: form.topic ?? form.title,
      departmentId: form.department,
      dataSubjectId: record.dataSubjectId,
      dataKey: record.dataKey,
      recordId: record.recordId,
      contactedAt: now,
      createdBy: 'system:form',
    });
    const terms = await termsForNewContact(tx, ctx.organisation, now);
    await insertFormSubmission(tx, record.dataKey, {
      id: submissionId,
      organisationId,
      caseId,
      formId: form.id,
      dataSubjectId: record.dataSubjectId,
      answers,
      consentGiven: checked.consentGiven,
      confirmationEmail,
      privacyNoticeId: terms.privacy_notice_id,
      lawfulBases: terms.lawful_bases,
      language,
    });
    if (shown.consent && checked.consentGiven) {
      const label = language === 'en' ? onlineFormConsentLabel : textsIn(language).forms.consentCheckbox;
      await recordConsents(tx, [
        {
          organisationId,
          dataSubjectId: record.dataSubjectId,
          caseId,
          formSubmissionId: submissionId,
          purpose: 'enquiries',
          method: 'online-form',
          wording: checkboxWording(shown.consent.summary, label, terms.noticeVersion),
          privacyNoticeId: terms.privacy_notice_id,
        },
      ]);
    }
    // A message left instead of a chat is an out-of-hours message whenever it comes (ADR 44).
    const outOfHours = contactKind === 'chat-left-message' ? () => true : await closedDepartmentsAt(tx, ctx, now);
    await recordCaseEvent(tx, { caseId, kind: contactKind, outOfHours });
    const audit = (entry: Pick<AuditEntry, 'recordType' | 'recordId' | 'fields'>): AuditEntry => ({
      organisationId,
      actor: systemActor,
      action: 'create',
      purpose: 'form-submission',
      reason: `form ${form.id}`,
      dataSubjectId: record.dataSubjectId,
      caseReference,
      ...entry,
    });
    const entries: AuditEntry[] = [];
    if (record.created)
      entries.push(
        audit({ recordType: 'customer_record', recordId: record.recordId, fields: intake.details.map((d) => d.kind) }),
      );
    entries.push(audit({ recordType: 'case', recordId: caseId, fields: [] }));
    entries.push(
      audit({
        recordType: 'form_submission',
        recordId: submissionId,
        fields: [
          ...Object.keys(answers).map((id) => `answers.${id}`),
          ...(confirmationEmail ? ['confirmation_email'] : []),
        ],
      }),
    );
    await recordAudit(tx, entries);
    return { caseId, caseReference };
  });

  ctx.events.publish('case.changed', {
    organisationId,
    caseId: opened.caseId,
    departmentId: form.department,
    ownerStaffId: null,
    status: { from: null, to: 'open' },
  });
  ctx.events.publish('form.submitted', { organisationId, caseId: opened.caseId, submissionId, formId: form.id });
  return { submissionId, ...opened, emailed: confirmationEmail !== null, redactions: categories };
}

/** The record of a quoted case, when the case exists here, still has its data and is on a record. */
async function recordOfCase(tx: Tx, organisationId: string, caseReference: string): Promise<string | null> {
  const found = await findCaseByReference(tx, organisationId, caseReference);
  return found && !found.personal_data_deleted_at ? found.record_id : null;
}
