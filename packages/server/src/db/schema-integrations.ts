import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Row types of integrations: API keys and outgoing webhooks (schema.ts lists every table). */

/** An integration API key (ADR 15): only the token's SHA-256 hash is kept. */
export interface ApiKeysTable {
  id: string;
  organisation_id: string;
  name: string;
  token_hash: Buffer;
  token_prefix: string;
  scopes: ColumnType<string[], string[], string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
  /** Migration 0014: when the key stops working (null: until revoked), and its last use. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An outgoing webhook (ADR 24, migration 0017): its secret sealed with the current key-encryption key. */
export interface WebhooksTable {
  id: string;
  organisation_id: string;
  url: string;
  description: string | null;
  events: ColumnType<string[], string[], string[]>;
  secret_kek_id: string;
  secret_sealed: Buffer;
  paused_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** One webhook's delivery of one event: the body as sent, and each attempt's outcome (never the answer). */
export interface WebhookDeliveriesTable {
  id: string;
  organisation_id: string;
  webhook_id: string;
  event: string;
  body: string;
  state: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error_kind: string | null;
  next_attempt_at: Date | null;
  attempt_log: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
}
