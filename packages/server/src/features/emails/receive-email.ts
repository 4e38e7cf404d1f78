import { randomUUID } from 'node:crypto';
import type { RedactionCategory } from '@ward/protocol';
import { redactionCategories } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { Tx } from '../../db/client.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { linkIntakeToRecord } from '../records/link-intake-to-record.ts';
import type { RecordDetailValue } from '../records/record-details.rules.ts';
import { openCase } from '../cases/open-case.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';
import { closedDepartmentsAt } from '../organisations/topic-availability.ts';
import { findQuotedCaseReferences } from '@ward/protocol';
import { recordAudit, systemActor, type AuditEntry } from '../audit/record-audit.ts';
import {
  emailFields,
  findCase,
  findEmailByMessageId,
  insertAttachment,
  insertEmail,
  emailDataKey,
} from './emails.repository.ts';
import { parseEmail } from './parse-email.ts';
import { termsForNewContact } from '../consents/contact-terms.ts';

export type IntakeOptions = {
  /** The council's intake addresses (lower-case); the first is where replies come back to. */
  addresses: readonly string[];
  maxAttachmentBytes: number;
};

export type ReceivedEmail = { outcome: 'stored' | 'duplicate'; emailId: string; caseId: string; caseReference: string };

/** At most this many attachments are kept from one email; the rest are refused with a note. */
export const maxAttachmentsPerEmail = 20;

/**
 * Stores a resident's email on a case (ADR 17): parsed, redacted (subject and body, ADR 9),
 * attachments checked by content, sealed under the case's data subject, audited as Ward's own
 * creation, all in one transaction. The case is the one whose reference the subject quotes;
 * otherwise a new case on the record holding exactly the sender's address, or on a new record
 * (ADR 14). The same Message-ID twice (a relay's retry) stores nothing new.
 */
export async function receiveEmail(
  ctx: ServiceContext,
  raw: Buffer,
  options: IntakeOptions,
  envelope: { rcptTo?: readonly string[] } = {},
): Promise<ReceivedEmail> {
  const email = await parseEmail(raw, {
    maxAttachmentBytes: options.maxAttachmentBytes,
    maxAttachments: maxAttachmentsPerEmail,
  });
  if (!email.from) throw new AppError('bad_request', 'The email has no sender address');
  const organisationId = ctx.organisation.id;
  const existing = await findEmailByMessageId(ctx.db, ctx.indexKey, organisationId, email.messageId);
  if (existing)
    return {
      outcome: 'duplicate',
      emailId: existing.id,
      caseId: existing.case_id,
      caseReference: existing.case_reference,
    };

  const subject = redactFor(ctx.organisation.settings, email.subject);
  const body = redactFor(ctx.organisation.settings, email.text);
  const redactions: RedactionCategory[] = redactionCategories.filter(
    (c) => subject.categories.includes(c) || body.categories.includes(c),
  );
  const to =
    [...(envelope.rcptTo ?? []), ...email.recipients]
      .map((a) => a.toLowerCase())
      .find((a) => options.addresses.includes(a)) ??
    options.addresses[0] ??
    '';
  const emailId = randomUUID();
  const sender = email.from;

  try {
    const stored = await ctx.db.transaction().execute(async (tx) => {
      const target = (await quotedCase(tx, ctx, email.subject)) ?? (await newEmailCase(tx, ctx, sender));
      const terms = await termsForNewContact(tx, ctx.organisation);
      await insertEmail(tx, ctx.indexKey, target.key, {
        id: emailId,
        organisationId,
        caseId: target.caseId,
        dataSubjectId: target.dataSubjectId,
        direction: 'in',
        messageId: email.messageId,
        from: sender.address,
        to,
        subject: subject.text,
        body: body.text,
        refused: email.refused,
        redactions,
        receivedAt: new Date(),
        authorStaffId: null,
        privacyNoticeId: terms.privacy_notice_id,
        lawfulBases: terms.lawful_bases,
      });
      await recordCaseEvent(tx, {
        caseId: target.caseId,
        kind: 'email-received',
        channel: 'email',
        staffId: null,
        outOfHours: await closedDepartmentsAt(tx, ctx, new Date()),
      });
      for (const [position, attachment] of email.attachments.entries()) {
        await insertAttachment(tx, target.key, { id: randomUUID(), organisationId, emailId, position, ...attachment });
      }
      const entries: AuditEntry[] = target.audit.map((entry) => ({
        ...entry,
        organisationId,
        caseReference: target.caseReference,
      }));
      entries.push({
        organisationId,
        actor: systemActor,
        action: 'create',
        purpose: 'review-contact',
        reason: 'email received',
        recordType: 'email',
        recordId: emailId,
        dataSubjectId: target.dataSubjectId,
        caseReference: target.caseReference,
        fields:
          email.attachments.length > 0
            ? [...emailFields, 'email_attachments.filename', 'email_attachments.content']
            : [...emailFields],
      });
      await recordAudit(tx, entries);
      return target;
    });
    if (stored.openedIn)
      ctx.events.publish('case.changed', {
        organisationId,
        caseId: stored.caseId,
        departmentId: stored.openedIn,
        ownerStaffId: null,
        status: { from: null, to: 'open' },
      });
    ctx.events.publish('email.received', { organisationId, caseId: stored.caseId, emailId });
    return { outcome: 'stored', emailId, caseId: stored.caseId, caseReference: stored.caseReference };
  } catch (error) {
    // The same email arriving twice at once: the second insert hits the unique Message-ID.
    if ((error as { code?: string }).code === '23505') {
      const winner = await findEmailByMessageId(ctx.db, ctx.indexKey, organisationId, email.messageId);
      if (winner)
        return {
          outcome: 'duplicate',
          emailId: winner.id,
          caseId: winner.case_id,
          caseReference: winner.case_reference,
        };
    }
    throw error;
  }
}

type Target = {
  caseId: string;
  caseReference: string;
  dataSubjectId: string;
  key: Buffer;
  audit: Array<Omit<AuditEntry, 'organisationId'>>;
  /** Set when the email opened a new case (its department): announced like every new case. */
  openedIn?: string;
};

/** The first case quoted in the subject that exists here and still has its data. */
async function quotedCase(tx: Tx, ctx: ServiceContext, subject: string): Promise<Target | null> {
  for (const reference of findQuotedCaseReferences(subject)) {
    const found = await findCase(tx, ctx.organisation.id, { reference });
    if (!found || found.personal_data_deleted_at) continue;
    const key = await emailDataKey(tx, ctx.keyring, found.data_subject_id);
    if (key)
      return {
        caseId: found.id,
        caseReference: found.case_reference,
        dataSubjectId: found.data_subject_id,
        key,
        audit: [],
      };
  }
  return null;
}

/** A new case in customer services, on the sender's record (exact, unique email match) or a new one. */
async function newEmailCase(
  tx: Tx,
  ctx: ServiceContext,
  sender: { address: string; name: string | null },
): Promise<Target> {
  const details: RecordDetailValue[] = [{ kind: 'email', address: sender.address }];
  if (sender.name) details.push({ kind: 'name', name: sender.name.slice(0, 200) });
  const record = await linkIntakeToRecord(tx, ctx, { email: sender.address, details, createdBy: 'system:email' });
  const departments = ctx.organisation.settings.departments;
  const department = departments.find((d) => d.id === 'customer-services') ?? departments[0]!;
  const opened = await openCase(tx, {
    organisationId: ctx.organisation.id,
    channel: 'email',
    topic: 'Email',
    departmentId: department.id,
    dataSubjectId: record.dataSubjectId,
    dataKey: record.dataKey,
    recordId: record.recordId,
    createdBy: 'system:email',
  });
  const audit: Target['audit'] = [];
  if (record.created) {
    audit.push({
      actor: systemActor,
      action: 'create',
      purpose: 'review-contact',
      reason: 'email received',
      recordType: 'customer_record',
      recordId: record.recordId,
      dataSubjectId: record.dataSubjectId,
      fields: details.map((d) => d.kind),
    });
  }
  audit.push({
    actor: systemActor,
    action: 'create',
    purpose: 'review-contact',
    reason: 'email received',
    recordType: 'case',
    recordId: opened.caseId,
    dataSubjectId: record.dataSubjectId,
    fields: [],
  });
  return {
    caseId: opened.caseId,
    caseReference: opened.caseReference,
    dataSubjectId: record.dataSubjectId,
    key: record.dataKey,
    audit,
    openedIn: department.id,
  };
}
