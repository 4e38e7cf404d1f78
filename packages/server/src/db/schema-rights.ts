import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/**
 * Row types of residents' rights and consent: requests, their scope, export packs, restrictions,
 * erasures, notices and consents (schema.ts lists every table).
 */
/** A resident's rights request (ADR 28, migration 0020): the requester's details sealed under their subject key. */
export interface RightsRequestsTable {
  id: string;
  organisation_id: string;
  data_subject_id: string;
  type: string;
  /** A calendar date; read it as text (YYYY-MM-DD). */
  received_on: string;
  channel: string;
  case_reference: string | null;
  requester_name: Buffer;
  requester_contact: Buffer;
  identity_method: string;
  identity_note: Buffer | null;
  owner_id: string | null;
  status: string;
  extension_months: Generated<number>;
  /** Null while the clock is stopped. */
  due_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: Date | null;
}

/** One step in a rights request's history; the typed reason sealed under the requester's key. */
export interface RightsRequestStepsTable {
  id: string;
  organisation_id: string;
  request_id: string;
  action: string;
  actor_id: string | null;
  occurred_at: CreatedAt;
  effective_on: string;
  status: string;
  owner_id: string | null;
  months: number | null;
  reason: Buffer | null;
}

/** Migration 0025 (ADR 32): a record or case a privacy officer confirmed is the requester's. */
export interface RightsRequestItemsTable {
  request_id: string;
  organisation_id: string;
  kind: 'customer-record' | 'case';
  item_id: string;
  confirmed_by: string | null;
  confirmed_at: CreatedAt;
}

/** Migration 0030 (ADR 37): a version of the council's privacy notice, its text or its address. */
export interface PrivacyNoticesTable {
  id: string;
  organisation_id: string;
  version: string;
  url: string | null;
  body: string | null;
  effective_from: Date;
  created_by: string | null;
  created_at: CreatedAt;
}

export type ConsentMethod = 'pre-chat-form' | 'dialogue' | 'typed-statement' | 'post-chat-form' | 'online-form';

/** Migration 0030 (ADR 37): one consent given, with the wording shown; no personal data. */
export interface ConsentsTable {
  id: string;
  organisation_id: string;
  data_subject_id: string;
  case_id: string | null;
  conversation_id: string | null;
  form_submission_id: string | null;
  purpose: string;
  method: ConsentMethod;
  wording: string;
  message_seq: number | null;
  privacy_notice_id: string | null;
  given_at: CreatedAt;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_method: 'resident-link' | 'staff' | null;
}

/** Migration 0030: a resident's link to their consents, by the token's SHA-256. */
export interface ConsentLinksTable {
  token_hash: Buffer;
  organisation_id: string;
  data_subject_id: string;
  created_at: CreatedAt;
}

/** Migration 0027 (ADR 34): a built export pack, sealed under the request's subject key; NULL content once deleted. */
export interface RightsExportPacksTable {
  id: string;
  organisation_id: string;
  request_id: string;
  data_subject_id: string;
  content: Buffer | null;
  size: number;
  sha256: string;
  /** The pack's files and their sizes: `[{ name, bytes }]` (no personal data). */
  files: ColumnType<Array<{ name: string; bytes: number }>, string, string>;
  built_by: string | null;
  built_at: CreatedAt;
  expires_at: Date;
  link_token_hash: Buffer | null;
  link_sent_at: Date | null;
  link_downloads_left: number | null;
  deleted_at: Date | null;
}

/** Migration 0027: a message withheld from a request's export pack (third-party information). */
export interface RightsRequestWithheldTable {
  request_id: string;
  organisation_id: string;
  conversation_id: string;
  seq: number;
  marked_by: string | null;
  marked_at: CreatedAt;
}

/** Migration 0026 (ADR 33): a data key whose processing a rights request restricted. */
export interface ProcessingRestrictionsTable {
  data_subject_id: string;
  request_id: string;
  organisation_id: string;
  restricted_by: string | null;
  restricted_at: CreatedAt;
}

export type ObjectionPurpose = 'service-updates' | 'surveys';

/** Migration 0026 (ADR 33): a purpose a rights request's resident objected to, per data key. */
export interface ProcessingObjectionsTable {
  data_subject_id: string;
  purpose: ObjectionPurpose;
  request_id: string;
  organisation_id: string;
  objected_by: string | null;
  objected_at: CreatedAt;
}

/** Migration 0028 (ADR 35): one erasure, replayed after a restore; ids and categories only. */
export interface ErasureLedgerTable {
  id: string;
  organisation_id: string;
  erased_at: Date;
  request_id: string | null;
  /** A staff id, or `system` for a command. */
  actor: string;
  reason_category: 'rights-request' | 'command';
  data_subject_ids: string[];
  /** Item ids erased, by kind (`{ "case": [...], "chat": [...] }`). */
  items: ColumnType<Record<string, string[]>, string, string>;
  /** What was kept: `[{ kind, id, exemption }]`. */
  kept: ColumnType<Array<{ kind: string; id: string; exemption: string }>, string, string>;
}
