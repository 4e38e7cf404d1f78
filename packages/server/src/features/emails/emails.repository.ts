import { createHmac } from 'node:crypto';
import type { EmailAttachment, RedactionCategory, RefusedAttachment } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { open, seal } from '../crypto/envelope.ts';
import { erased, loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';

/** Personal-data fields of an email, as the audit trail names them. */
export const emailFields = [
  'from_address',
  'to_address',
  'subject',
  'body',
  'message_id',
  'refused_attachments',
] as const;

/**
 * The Message-ID as stored for idempotency: an HMAC under the index key (ADR 13), so a relay's
 * retry is found by equality while the header itself (it often names the sender) stays sealed.
 */
export function messageIdDigest(indexKey: Buffer, messageId: string): Buffer {
  return createHmac('sha256', indexKey).update(`email-message-id:${messageId}`, 'utf8').digest().subarray(0, 16);
}

/** What an email says, as stored and as read back. */
type EmailContent = {
  direction: 'in' | 'out';
  from: string;
  to: string;
  subject: string;
  body: string;
  refused: RefusedAttachment[];
  redactions: RedactionCategory[];
  receivedAt: Date | null;
};

export type NewEmail = EmailContent & {
  id: string;
  organisationId: string;
  caseId: string;
  dataSubjectId: string;
  messageId: string;
  authorStaffId: string | null;
  /** An incoming email records what the resident was told (ADR 37): the notice and lawful bases (JSON). */
  privacyNoticeId?: string | null;
  lawfulBases?: string | null;
};

export async function insertEmail(db: DbOrTx, indexKey: Buffer, key: Buffer, email: NewEmail): Promise<void> {
  const s = (field: string, value: string) => sealField(key, 'emails', field, email.id, value);
  await db
    .insertInto('emails')
    .values({
      id: email.id,
      organisation_id: email.organisationId,
      case_id: email.caseId,
      data_subject_id: email.dataSubjectId,
      direction: email.direction,
      message_id_digest: messageIdDigest(indexKey, email.messageId),
      message_id: s('message_id', email.messageId),
      from_address: s('from_address', email.from),
      to_address: s('to_address', email.to),
      subject: s('subject', email.subject),
      body: s('body', email.body),
      refused_attachments: email.refused.length > 0 ? s('refused_attachments', JSON.stringify(email.refused)) : null,
      redactions: email.redactions,
      received_at: email.receivedAt,
      sent_at: null,
      author_staff_id: email.authorStaffId,
      send_status: email.direction === 'out' ? 'queued' : null,
      privacy_notice_id: email.privacyNoticeId ?? null,
      lawful_bases: email.lawfulBases ?? null,
    })
    .execute();
}

export async function insertAttachment(
  db: DbOrTx,
  key: Buffer,
  a: {
    id: string;
    organisationId: string;
    emailId: string;
    position: number;
    filename: string;
    mediaType: string;
    content: Buffer;
  },
): Promise<void> {
  await db
    .insertInto('email_attachments')
    .values({
      id: a.id,
      organisation_id: a.organisationId,
      email_id: a.emailId,
      position: a.position,
      filename: sealField(key, 'email_attachments', 'filename', a.id, a.filename),
      media_type: a.mediaType,
      size: a.content.length,
      content: seal(key, a.content, `email_attachments.content:${a.id}`),
    })
    .execute();
}

export async function findEmailByMessageId(db: DbOrTx, indexKey: Buffer, organisationId: string, messageId: string) {
  return db
    .selectFrom('emails as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.case_id', 'c.case_reference'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.message_id_digest', '=', messageIdDigest(indexKey, messageId))
    .executeTakeFirst();
}

/** The case and what the emails need of it: its reference, department and data subject. */
export async function findCase(db: DbOrTx, organisationId: string, by: { id: string } | { reference: string }) {
  let query = db
    .selectFrom('cases')
    .select(['id', 'case_reference', 'data_subject_id', 'record_id', 'department_id', 'personal_data_deleted_at'])
    .where('organisation_id', '=', organisationId);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('case_reference', '=', by.reference);
  return query.executeTakeFirst();
}

export type EmailRecord = EmailContent & {
  id: string;
  caseId: string;
  caseReference: string;
  dataSubjectId: string;
  messageId: string | null;
  sentAt: Date | null;
  createdAt: Date;
  sendStatus: 'queued' | 'sent' | null;
  author: { id: string; name: string } | null;
  attachments: EmailAttachment[];
  personalDataDeleted: boolean;
};

/** The emails of a case (or one email), oldest first, opened with their subjects' keys. */
export async function listEmails(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  by: { caseId: string } | { emailId: string },
): Promise<EmailRecord[]> {
  let query = db
    .selectFrom('emails as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('staff as s', 's.id', 'e.author_staff_id')
    .selectAll('e')
    .select(['c.case_reference', 's.first_name', 's.last_name'])
    .where('e.organisation_id', '=', organisationId)
    .orderBy('e.created_at')
    .orderBy('e.id');
  query = 'caseId' in by ? query.where('e.case_id', '=', by.caseId) : query.where('e.id', '=', by.emailId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const keys = await loadSubjectKeys(db, keyring, [...new Set(rows.map((r) => r.data_subject_id))]);
  const attachments = await db
    .selectFrom('email_attachments')
    .select(['id', 'email_id', 'filename', 'media_type', 'size'])
    .where(
      'email_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('personal_data_deleted_at', 'is', null)
    .orderBy('email_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const key = keys.get(row.data_subject_id) ?? null;
    const o = (field: string, value: Buffer | null) =>
      value === null ? '' : openField(key, 'emails', field, row.id, value);
    const refusedText = row.refused_attachments
      ? openField(key, 'emails', 'refused_attachments', row.id, row.refused_attachments)
      : null;
    return {
      id: row.id,
      caseId: row.case_id,
      caseReference: row.case_reference,
      dataSubjectId: row.data_subject_id,
      direction: row.direction,
      messageId: row.message_id ? openField(key, 'emails', 'message_id', row.id, row.message_id) : null,
      from: o('from_address', row.from_address),
      to: o('to_address', row.to_address),
      subject: o('subject', row.subject),
      body: o('body', row.body),
      refused: refusedText && refusedText !== erased ? (JSON.parse(refusedText) as RefusedAttachment[]) : [],
      redactions: row.redactions as RedactionCategory[],
      receivedAt: row.received_at,
      sentAt: row.sent_at,
      createdAt: row.created_at,
      sendStatus: row.send_status,
      author: row.author_staff_id
        ? { id: row.author_staff_id, name: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim() }
        : null,
      attachments: attachments
        .filter((a) => a.email_id === row.id && a.filename !== null)
        .map((a) => ({
          id: a.id,
          filename: openField(key, 'email_attachments', 'filename', a.id, a.filename!),
          mediaType: a.media_type,
          size: a.size,
        })),
      personalDataDeleted: row.personal_data_deleted_at !== null,
    };
  });
}

/** One attachment with its content opened, and the case it belongs to; null when gone. */
export async function findAttachment(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  emailId: string,
  attachmentId: string,
) {
  const row = await db
    .selectFrom('email_attachments as a')
    .innerJoin('emails as e', 'e.id', 'a.email_id')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select([
      'a.id',
      'a.filename',
      'a.media_type',
      'a.content',
      'e.id as email_id',
      'e.data_subject_id',
      'c.id as case_id',
      'c.case_reference',
      'c.department_id',
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', '=', attachmentId)
    .where('a.email_id', '=', emailId)
    .executeTakeFirst();
  if (!row || row.content === null || row.filename === null) return null;
  const key = (await loadSubjectKeys(db, keyring, [row.data_subject_id])).get(row.data_subject_id) ?? null;
  if (!key) return null;
  return {
    id: row.id,
    emailId: row.email_id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    departmentId: row.department_id,
    dataSubjectId: row.data_subject_id,
    filename: openField(key, 'email_attachments', 'filename', row.id, row.filename),
    mediaType: row.media_type,
    content: open(key, row.content, `email_attachments.content:${row.id}`),
  };
}

export async function markSent(db: DbOrTx, emailId: string, at: Date): Promise<void> {
  await db
    .updateTable('emails')
    .set({ send_status: 'sent', sent_at: at })
    .where('id', '=', emailId)
    .where('send_status', '=', 'queued')
    .execute();
}

/** The data key of an email's subject: undefined or null once erased. */
export async function emailDataKey(
  db: DbOrTx,
  keyring: Keyring,
  dataSubjectId: string,
): Promise<Buffer | null | undefined> {
  return (await loadSubjectKeys(db, keyring, [dataSubjectId])).get(dataSubjectId);
}
