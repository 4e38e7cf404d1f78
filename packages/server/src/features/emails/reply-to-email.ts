import { randomUUID } from 'node:crypto';
import { redactionCategories, type CaseEmail, type RedactionCategory } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { contactIsRestricted } from '../access/processing-restrictions.repository.ts';
import { restrictedMessage } from '../access/processing-restriction.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';
import { insertEmail, listEmails, emailDataKey } from './emails.repository.ts';
import { replySubject } from './reply-subject.rules.ts';
import { caseForStaff } from './read-case-emails.ts';
import { toCaseEmail } from './email.presenters.ts';

export type ReplyOptions = {
  /** What the From header will say (WARD_MAIL_FROM), stored as the email's sender. */
  from: string;
  /** The domain of Ward's own Message-IDs. */
  messageIdDomain: string;
  /**
   * Where to write on a case the resident never emailed (a message they left, ADR 40): read in
   * the reply's transaction by the feature that holds the address; null when there is none.
   */
  otherRecipient?: (tx: Tx, found: { case_reference: string }) => Promise<{ to: string; subject: string } | null>;
};

/**
 * A staff reply on a case (ADR 17): redacted like every text Ward stores (ADR 9), addressed to
 * the sender of the case's latest email from the resident, stored as an outbound email and
 * audited in one transaction; the pg-boss job (send-email-reply.ts) then sends it, so an SMTP
 * outage delays it rather than loses it.
 */
export async function replyToEmail(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseId: string,
  text: string,
  options: ReplyOptions,
  /** What the request's door already removed from `text` (ADR 27), kept with the email. */
  removedAtTheDoor: readonly RedactionCategory[] = [],
): Promise<CaseEmail> {
  const redacted = redactFor(ctx.organisation.settings, text);
  const removed = new Set([...removedAtTheDoor, ...redacted.categories]);
  const body = { text: redacted.text, categories: redactionCategories.filter((c) => removed.has(c)) };
  const emailId = randomUUID();
  const stored = await ctx.db.transaction().execute(async (tx) => {
    const found = await caseForStaff(tx, ctx, staff, caseId);
    if (await contactIsRestricted(tx, staff.organisationId, { caseId }))
      throw new AppError('conflict', restrictedMessage('no email can be sent to this resident'));
    const emails = await listEmails(tx, ctx.keyring, staff.organisationId, { caseId });
    const latest = emails.filter((e) => e.direction === 'in' && !e.personalDataDeleted).at(-1);
    const recipient = latest
      ? { to: latest.from, subject: replySubject(latest.subject, found.case_reference) }
      : await options.otherRecipient?.(tx, found);
    if (!recipient) throw new AppError('conflict', 'There is no email from the resident on this case to reply to');
    const key = await emailDataKey(tx, ctx.keyring, found.data_subject_id);
    if (!key) throw new AppError('conflict', 'This case’s personal data has been erased');
    await insertEmail(tx, ctx.indexKey, key, {
      id: emailId,
      organisationId: staff.organisationId,
      caseId,
      dataSubjectId: found.data_subject_id,
      direction: 'out',
      messageId: `<${emailId}@${options.messageIdDomain}>`,
      from: options.from,
      to: recipient.to,
      subject: recipient.subject,
      body: body.text,
      refused: [],
      redactions: body.categories,
      receivedAt: null,
      authorStaffId: staff.id,
    });
    await recordCaseEvent(tx, { caseId, kind: 'email-answered', channel: 'email', staffId: staff.id });
    await recordAudit(tx, [
      {
        organisationId: staff.organisationId,
        actor: staffActor(staff),
        action: 'create',
        purpose: 'review-contact',
        recordType: 'email',
        recordId: emailId,
        dataSubjectId: found.data_subject_id,
        caseReference: found.case_reference,
        fields: ['to_address', 'subject', 'body', 'message_id'],
      },
    ]);
    const [email] = await listEmails(tx, ctx.keyring, staff.organisationId, { emailId });
    return email!;
  });
  ctx.events.publish('email.reply-queued', { organisationId: staff.organisationId, caseId, emailId });
  return toCaseEmail(stored);
}
