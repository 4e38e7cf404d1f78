import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ContactEventKind, RecordDetailKind } from '@ward/protocol';
import type {
  AgentRoutingTable,
  RoutingDepartmentsTable,
  StaffInvitationsTable,
  StaffMfaChallengesTable,
  StaffMfaRecoveryCodesTable,
  StaffMfaTable,
  StaffSessionsTable,
  StaffTable,
} from './schema-staff.ts';
import type { OpeningExceptionsTable } from './schema-opening-hours.ts';

export type * from './schema-staff.ts';
import type {
  RightsRequestsTable,
  RightsRequestStepsTable,
  RightsRequestItemsTable,
  PrivacyNoticesTable,
  ConsentsTable,
  ConsentLinksTable,
  RightsExportPacksTable,
  RightsRequestWithheldTable,
  ProcessingRestrictionsTable,
  ProcessingObjectionsTable,
  ErasureLedgerTable,
} from './schema-rights.ts';
export type * from './schema-rights.ts';
import type { CannedRepliesTable, ConversationNotesTable } from './schema-chat-work.ts';
export type * from './schema-chat-work.ts';
import type {
  EmailAttachmentsTable,
  EmailsTable,
  FormAnswerCorrectionsTable,
  FormSubmissionsTable,
} from './schema-intake.ts';
export type * from './schema-intake.ts';
import type { ApiKeysTable, WebhookDeliveriesTable, WebhooksTable } from './schema-integrations.ts';
export type * from './schema-integrations.ts';

/** Row types of Ward's tables. Every tenant-owned table carries `organisation_id`. */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  settings: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

export interface DataSubjectsTable {
  id: string;
  organisation_id: string;
  kek_id: string;
  wrapped_key: Buffer | null;
  created_at: CreatedAt;
  shredded_at: Date | null;
}

/** Buffer columns are ciphertext under the data subject's key (features/crypto). */
export interface ConversationsTable {
  id: string;
  organisation_id: string;
  data_subject_id: string;
  case_reference: string;
  status: 'waiting' | 'active' | 'ended';
  topic_id: string;
  topic_label: string;
  visitor_name: Buffer;
  visitor_email: Buffer | null;
  visitor_token_hash: Buffer;
  assigned_staff_id: string | null;
  created_at: CreatedAt;
  accepted_at: Date | null;
  ended_at: Date | null;
  last_seq: Generated<number>;
  summary: Buffer | null;
  consent_given: boolean;
  ip_address: Buffer | null;
  /** Migration 0021 (ADR 29): sealed like the IP address. */
  browser: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  operating_system: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** What versions before 0021 stored in plain text, until sealed and cleared at start (ADR 29). */
  plaintext_browser: ColumnType<string | null, never, null>;
  plaintext_operating_system: ColumnType<string | null, never, null>;
  survey_rating: number | null;
  survey_comment: Buffer | null;
  opt_ins: ColumnType<string[], string[] | undefined, string[]>;
  transcript_email: Buffer | null;
  transcript_requested_at: Date | null;
  /** Set when the retention job deleted the conversation's personal data (ADR 11). */
  personal_data_deleted_at: Date | null;
  /** Migration 0023: when the resident's last connection closed (null while one is open). */
  visitor_left_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0023: when the agent was told the resident had gone. */
  visitor_left_told_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0030 (ADR 37): the privacy notice in effect, and each purpose's lawful basis then. */
  privacy_notice_id: ColumnType<string | null, string | null | undefined, string | null>;
  lawful_bases: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** Migration 0030: the adviser asked for consent in the chat; cleared when the resident gives it. */
  consent_requested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0032 (ADR 38): the answers to the council's own pre-chat questions, sealed JSON. */
  pre_chat_answers: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** Migration 0035 (ADR 43): the resident warned that the silent chat closes at `inactivity_closes_at`. */
  inactivity_warned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  inactivity_closes_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0035: when the resident last chose to stay in the chat. */
  inactivity_stayed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 0037 (ADR 46): country, region and town from the IP address, sealed JSON. */
  location: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** Migration 0039 (ADR 49): the language the resident chose; Ward's lines in the chat are in it. */
  language: ColumnType<'en' | 'cy', 'en' | 'cy' | undefined, 'en' | 'cy'>;
}

/**
 * Migration 0024 (ADR 29): what a correction of a chat's details replaced, sealed; kept as long as
 * the chat's personal data.
 */
export interface ConversationCorrectionsTable {
  id: Generated<string>;
  organisation_id: string;
  conversation_id: string;
  data_subject_id: string;
  corrected_at: CreatedAt;
  corrected_by: string | null;
  fields: string[];
  previous_name: Buffer | null;
  previous_email: Buffer | null;
  reason: Buffer;
}

export interface MessagesTable {
  organisation_id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string;
  sender: 'visitor' | 'agent' | 'system';
  sender_staff_id: string | null;
  sender_name: string | null;
  body: Buffer;
  created_at: CreatedAt;
  consent_evidence: Generated<boolean>;
}

/** A legal hold (ADR 11): covers one conversation, one case, or everything about one data subject. */
export interface RetentionHoldsTable {
  id: Generated<string>;
  organisation_id: string;
  data_subject_id: string | null;
  conversation_id: string | null;
  /** Migration 0010; exactly one of data_subject_id, conversation_id and case_id is set. */
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  reason: string;
  placed_by: string;
  placed_at: CreatedAt;
  ends_at: Date | null;
  lifted_at: Date | null;
  lifted_by: string | null;
}

/** One row per category per retention run: counts and the rule, never personal data. */
export interface DestructionLogTable {
  id: Generated<number>;
  organisation_id: string;
  category: string;
  rule: string;
  count: number;
  run_at: Date;
  job_id: string;
  /** What was counted (migration 0010); null on older rows: the category's usual unit. */
  unit: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The audit trail (ADR 12): append-only, hash-chained per organisation, no personal data values. */
export interface AuditEventsTable {
  id: Generated<number>;
  organisation_id: string;
  occurred_at: Date;
  actor_kind: 'staff' | 'system';
  actor_id: string;
  actor_role: string;
  action: 'read' | 'create' | 'update' | 'export' | 'delete';
  data_subject_id: string | null;
  record_type: string;
  record_id: string | null;
  case_reference: string | null;
  fields: string[];
  purpose: string;
  reason: string | null;
  source: string;
  prev_hash: Buffer;
  hash: Buffer;
  /** 1: unkeyed SHA-256 (before ADR 26); 2: HMAC-SHA-256 with the audit key. */
  format: 1 | 2;
  /** The entry's number in its organisation's chain: 1, 2, 3… with no gaps (ADR 26). */
  seq: number;
}

/** Blind indexes (ADR 13): truncated HMAC digests of normalised values, never the values. */
export interface BlindIndexesTable {
  organisation_id: string;
  data_subject_id: string;
  record_type: string;
  record_id: string;
  kind: 'email' | 'phone' | 'postcode' | 'name' | 'case-reference';
  digest: Buffer;
}

/** One record per resident (ADR 14); its personal data is in record_details. */
export interface CustomerRecordsTable {
  id: string;
  organisation_id: string;
  data_subject_id: string;
  created_at: CreatedAt;
  /** A staff id, or `system:<channel>` when an intake created it. */
  created_by: string;
  merged_into_id: string | null;
  merged_at: Date | null;
  merged_by: string | null;
  personal_data_deleted_at: Date | null;
}

/** A value of a record, one row per version: `value` is sealed JSON under the record's subject key. */
export interface RecordDetailsTable {
  id: string;
  organisation_id: string;
  record_id: string;
  kind: RecordDetailKind;
  value: Buffer;
  replaces_id: string | null;
  created_at: CreatedAt;
  created_by: string;
  superseded_at: Date | null;
  superseded_by: string | null;
  change_reason: Buffer | null;
}

export type CaseChannel = 'chat' | 'email' | 'form' | 'phone' | 'face-to-face' | 'social-media';
export type CaseStatus = 'open' | 'awaiting-resident' | 'awaiting-council' | 'closed';

/** One contact with the council, on any channel, with its case reference (ADR 14). */
export interface CasesTable {
  id: string;
  organisation_id: string;
  case_reference: string;
  data_subject_id: string;
  record_id: string | null;
  conversation_id: string | null;
  channel: CaseChannel;
  /** Not personal data: e.g. the social-media platform or the form's id. */
  channel_detail: string | null;
  topic: string;
  department_id: string;
  status: CaseStatus;
  owner_staff_id: string | null;
  summary: Buffer | null;
  contacted_at: Date;
  created_at: CreatedAt;
  created_by: string;
  closed_at: Date | null;
  personal_data_deleted_at: Date | null;
}

export interface CaseEntriesTable {
  id: string;
  organisation_id: string;
  case_id: string;
  kind: 'note' | 'request' | 'status' | 'owner' | 'department' | 'link' | 'record';
  /** Sealed text under the case's data subject (notes, requests). */
  body: Buffer | null;
  /** Not personal data: e.g. the new status. */
  detail: string | null;
  author_staff_id: string | null;
  created_at: CreatedAt;
}

export interface CaseLinksTable {
  organisation_id: string;
  case_id: string;
  linked_case_id: string;
  /** null when an intake with an API key linked a case the resident quoted. */
  created_by: string | null;
  created_at: CreatedAt;
}

/** A disclosure to a third party (ADR 30); Buffer columns sealed under data_subject_id, null once cleared. */
export interface DisclosuresTable {
  id: string;
  organisation_id: string;
  case_id: string;
  data_subject_id: string;
  recipient_organisation: string;
  recipient_contact: Buffer | null;
  lawful_basis: string;
  what_shared: Buffer | null;
  why: Buffer | null;
  /** A calendar date; read it as text (YYYY-MM-DD). */
  disclosed_on: string;
  recorded_by: string | null;
  created_at: CreatedAt;
}

/** Migration 0029 (ADR 36): what happened to a contact, for reports; identifiers, times and numbers only. */
export interface ContactEventsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: ContactEventKind;
  channel: CaseChannel;
  /** The chat's id for chat events, else the case's. */
  contact_id: string;
  department_id: string | null;
  topic_id: string | null;
  staff_id: string | null;
  /** Milliseconds (wait, first response, handle time) or a survey rating. */
  value: ColumnType<number | null, number | null | undefined, never>;
  occurred_at: ColumnType<Date, Date | undefined, never>;
}

/** Who held a chat and when (migration 0041, ADR 48): derived from its contact events by a trigger. */
export interface ChatHoldsTable {
  organisation_id: string;
  contact_id: string;
  staff_id: string;
  held_from: Date;
  /** null while the chat is still held. */
  held_until: Date | null;
}

export interface Database {
  organisations: OrganisationsTable;
  data_subjects: DataSubjectsTable;
  staff: StaffTable;
  staff_invitations: StaffInvitationsTable;
  staff_sessions: StaffSessionsTable;
  conversations: ConversationsTable;
  conversation_corrections: ConversationCorrectionsTable;
  messages: MessagesTable;
  retention_holds: RetentionHoldsTable;
  destruction_log: DestructionLogTable;
  audit_events: AuditEventsTable;
  blind_indexes: BlindIndexesTable;
  customer_records: CustomerRecordsTable;
  record_details: RecordDetailsTable;
  cases: CasesTable;
  case_entries: CaseEntriesTable;
  case_links: CaseLinksTable;
  api_keys: ApiKeysTable;
  emails: EmailsTable;
  email_attachments: EmailAttachmentsTable;
  form_submissions: FormSubmissionsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  staff_mfa: StaffMfaTable;
  staff_mfa_recovery_codes: StaffMfaRecoveryCodesTable;
  staff_mfa_challenges: StaffMfaChallengesTable;
  rights_requests: RightsRequestsTable;
  rights_request_steps: RightsRequestStepsTable;
  disclosures: DisclosuresTable;
  rights_request_items: RightsRequestItemsTable;
  privacy_notices: PrivacyNoticesTable;
  consents: ConsentsTable;
  consent_links: ConsentLinksTable;
  form_answer_corrections: FormAnswerCorrectionsTable;
  rights_export_packs: RightsExportPacksTable;
  rights_request_withheld: RightsRequestWithheldTable;
  processing_restrictions: ProcessingRestrictionsTable;
  processing_objections: ProcessingObjectionsTable;
  erasure_ledger: ErasureLedgerTable;
  contact_events: ContactEventsTable;
  chat_holds: ChatHoldsTable;
  conversation_notes: ConversationNotesTable;
  canned_replies: CannedRepliesTable;
  agent_routing: AgentRoutingTable;
  routing_departments: RoutingDepartmentsTable;
  opening_exceptions: OpeningExceptionsTable;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type StaffRow = Selectable<StaffTable>;
export type CustomerRecordRow = Selectable<CustomerRecordsTable>;
export type RecordDetailRow = Selectable<RecordDetailsTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEntryRow = Selectable<CaseEntriesTable>;
