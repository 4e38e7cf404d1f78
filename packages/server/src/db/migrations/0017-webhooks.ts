import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Outgoing webhooks (ADR 24). The signing secret is sealed with the current key-encryption key
    -- (associated data names the webhook); nothing here is personal data.
    CREATE TABLE webhooks (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      url text NOT NULL,
      description text,
      events text[] NOT NULL CHECK (cardinality(events) > 0),
      secret_kek_id text NOT NULL,
      secret_sealed bytea NOT NULL,
      paused_at timestamptz,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhooks_by_organisation ON webhooks (organisation_id, created_at);

    -- One row per event and webhook; the body is kept as sent (ids, statuses, times), so every
    -- attempt signs the same bytes. Each attempt's outcome, never the receiver's answer.
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
      event text NOT NULL,
      body text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_status_code integer,
      last_error_kind text,
      next_attempt_at timestamptz,
      attempt_log jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC);
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
    CREATE INDEX webhook_deliveries_age ON webhook_deliveries (created_at);
  `.execute(db);
}
