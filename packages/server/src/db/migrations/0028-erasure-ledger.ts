import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The erasure ledger (issue 9, ADR 35): one row per erasure, replayed after a backup is restored
    -- (ward rights replay-erasures). Identifiers, kinds and categories only: no personal data, and no
    -- typed reason (that is in the audit trail). Kept for good: it outlives the request it names, so
    -- request_id has no foreign key.
    CREATE TABLE erasure_ledger (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      erased_at timestamptz NOT NULL,
      request_id uuid,
      actor text NOT NULL,
      reason_category text NOT NULL CHECK (reason_category IN ('rights-request', 'command')),
      data_subject_ids uuid[] NOT NULL,
      items jsonb NOT NULL,
      kept jsonb NOT NULL
    );
    CREATE INDEX erasure_ledger_by_time ON erasure_ledger (organisation_id, erased_at);

    -- A request's history shows its erasure, with the typed reason sealed like every step's.
    ALTER TABLE rights_request_steps DROP CONSTRAINT rights_request_steps_action_check;
    ALTER TABLE rights_request_steps ADD CONSTRAINT rights_request_steps_action_check
      CHECK (action IN ('logged', 'status', 'extended', 'assigned', 'closed', 'erased'));
  `.execute(db);
}
