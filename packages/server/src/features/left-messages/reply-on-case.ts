import type { CaseEmail, RedactionCategory } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { leaveAMessageFormId } from '../../shared/leave-a-message-form.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { replySubject } from '../emails/reply-subject.rules.ts';
import { replyToEmail, type ReplyOptions } from '../emails/reply-to-email.ts';
import { findFormSubmission, openConfirmationEmail, submissionDataKey } from '../forms/form-submissions.repository.ts';

/**
 * A staff reply by email on a case (ADR 17), which may be a message the resident left instead of
 * chatting (ADR 40): with no email from them on the case, it goes to the address they gave with
 * the message, read (and audited) in the reply's own transaction. The same job, redaction and
 * audit as every reply.
 */
export function replyOnCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  text: string,
  options: ReplyOptions,
  removedAtTheDoor: readonly RedactionCategory[] = [],
): Promise<CaseEmail> {
  const otherRecipient = (tx: Tx, found: { case_reference: string }) =>
    addressOfLeftMessage(ctx, staff, tx, caseId, found);
  return replyToEmail(ctx, staff, caseId, text, { ...options, otherRecipient }, removedAtTheDoor);
}

async function addressOfLeftMessage(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  tx: Tx,
  caseId: string,
  found: { case_reference: string },
): Promise<{ to: string; subject: string } | null> {
  const row = await findFormSubmission(tx, staff.organisationId, { caseId });
  if (!row || row.form_id !== leaveAMessageFormId || row.personal_data_deleted_at || !row.confirmation_email)
    return null;
  const key = await submissionDataKey(tx, ctx.keyring, row.data_subject_id);
  const to = key ? openConfirmationEmail(key, row) : null;
  if (!to) return null;
  await recordAudit(tx, {
    organisationId: row.organisation_id,
    actor: staffActor(staff),
    action: 'read',
    purpose: 'review-contact',
    reason: 'reply to a message left',
    recordType: 'form_submission',
    recordId: row.id,
    dataSubjectId: row.data_subject_id,
    caseReference: row.case_reference,
    fields: ['confirmation_email'],
  });
  return { to, subject: replySubject(`Your message to ${ctx.organisation.name}`, found.case_reference) };
}
