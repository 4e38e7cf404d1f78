import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Set when the retention job deleted the conversation's personal data (ADR 11); the row stays
    -- with its case reference and what is not personal data.
    ALTER TABLE conversations ADD COLUMN personal_data_deleted_at timestamptz;
    -- The contact's end as the retention job reads it: a chat never ended counts from its start.
    CREATE INDEX conversations_by_contact ON conversations (organisation_id, (coalesce(ended_at, created_at)));

    -- Legal holds: while one is active, nothing it covers is deleted. The reason is written by
    -- staff, is shown to administrators, and is never logged.
    CREATE TABLE retention_holds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid REFERENCES data_subjects(id),
      conversation_id uuid REFERENCES conversations(id),
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      placed_by uuid NOT NULL REFERENCES staff(id),
      placed_at timestamptz NOT NULL DEFAULT now(),
      ends_at timestamptz,
      lifted_at timestamptz,
      lifted_by uuid REFERENCES staff(id),
      CHECK (num_nonnulls(data_subject_id, conversation_id) = 1),
      CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
    );
    CREATE INDEX retention_holds_by_conversation ON retention_holds (conversation_id) WHERE lifted_at IS NULL;
    CREATE INDEX retention_holds_by_subject ON retention_holds (data_subject_id) WHERE lifted_at IS NULL;
    CREATE INDEX retention_holds_by_organisation ON retention_holds (organisation_id, placed_at);

    -- What each run of the retention job deleted: counts and the rule applied, no personal data.
    CREATE TABLE destruction_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      category text NOT NULL,
      rule text NOT NULL,
      count integer NOT NULL CHECK (count >= 0),
      run_at timestamptz NOT NULL,
      job_id text NOT NULL
    );
    CREATE INDEX destruction_log_by_run ON destruction_log (organisation_id, run_at);
  `.execute(db);
}
