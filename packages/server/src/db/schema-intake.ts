import type { ColumnType, Generated } from 'kysely';
import type { Language } from '@ward/protocol';
import type { CreatedAt } from './schema.ts';

/** Row types of the other ways in: emails on cases and online forms (schema.ts lists every table). */

/** An email on a case (ADR 17); Buffer columns are sealed under data_subject_id, null once deleted. */
export interface EmailsTable {
  id: string;
  organisation_id: string;
  case_id: string;
  data_subject_id: string;
  direction: 'in' | 'out';
  /** HMAC of the Message-ID under the index key: idempotent intake without a plaintext header. */
  message_id_digest: Buffer;
  message_id: Buffer | null;
  from_address: Buffer | null;
  to_address: Buffer | null;
  subject: Buffer | null;
  body: Buffer | null;
  /** Sealed JSON: the attachments that were refused (name and reason), never their content. */
  refused_attachments: Buffer | null;
  redactions: ColumnType<string[], string[] | undefined, string[]>;
  received_at: Date | null;
  sent_at: Date | null;
  author_staff_id: string | null;
  send_status: 'queued' | 'sent' | null;
  created_at: CreatedAt;
  personal_data_deleted_at: Date | null;
  /** Migration 0030 (ADR 37): the privacy notice in effect, and each purpose's lawful basis then. */
  privacy_notice_id: ColumnType<string | null, string | null | undefined, string | null>;
  lawful_bases: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
}

export interface EmailAttachmentsTable {
  id: string;
  organisation_id: string;
  email_id: string;
  position: number;
  filename: Buffer | null;
  /** Detected from the content (file-type), never the sender's claim. */
  media_type: string;
  size: number;
  content: Buffer | null;
  personal_data_deleted_at: Date | null;
}

/** An online form submission (issue 4): one per case; answers sealed JSON under the record's subject key. */
export interface FormSubmissionsTable {
  id: string;
  organisation_id: string;
  case_id: string;
  form_id: string;
  data_subject_id: string;
  answers: Buffer;
  consent_given: boolean;
  /** Sealed: where the confirmation with the case reference goes. */
  confirmation_email: Buffer | null;
  confirmation_sent_at: Date | null;
  created_at: CreatedAt;
  personal_data_deleted_at: Date | null;
  /** Migration 0030 (ADR 37): the privacy notice in effect, and each purpose's lawful basis then. */
  privacy_notice_id: ColumnType<string | null, string | null | undefined, string | null>;
  lawful_bases: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** Migration 0040 (ADR 50): the language of the form's pages, and so of its confirmation email. */
  language: ColumnType<Language, Language | undefined, Language>;
}

/** Migration 0031: what a correction of a form answer replaced, sealed; kept as long as the answers. */
export interface FormAnswerCorrectionsTable {
  id: Generated<string>;
  organisation_id: string;
  form_submission_id: string;
  data_subject_id: string;
  corrected_at: CreatedAt;
  corrected_by: string | null;
  field_id: string;
  previous_value: Buffer | null;
  reason: Buffer;
}
