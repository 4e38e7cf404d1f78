import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The audit trail (ADR 12): who touched which resident's data, which fields, why, when and
    -- from where. Ids, field names and codes only: never a value of personal data. Each entry's
    -- hash covers its contents and the previous entry's hash (per organisation).
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      occurred_at timestamptz NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'system')),
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL CHECK (action IN ('read', 'create', 'update', 'export', 'delete')),
      data_subject_id uuid,
      record_type text NOT NULL,
      record_id text,
      case_reference text,
      fields text[] NOT NULL,
      purpose text NOT NULL,
      reason text,
      source text NOT NULL,
      prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
      hash bytea NOT NULL CHECK (length(hash) = 32)
    );
    CREATE INDEX audit_events_by_time ON audit_events (organisation_id, occurred_at);
    CREATE INDEX audit_events_by_actor ON audit_events (organisation_id, actor_id, occurred_at);
    CREATE INDEX audit_events_by_case ON audit_events (organisation_id, case_reference);

    -- Append-only, even for the owner role Ward connects as: changing history needs the trigger
    -- dropped first (a separate non-owner role for the application is stronger: see ADR 12).
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only';
    END
    $$;
    CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
  `.execute(db);
}
