import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- ADR 26: entries are keyed (format 2, HMAC-SHA-256 with the audit key, outside the database)
    -- and numbered 1, 2, 3… per organisation, so a missing entry is a gap. The entries already
    -- written keep their unkeyed format 1 and their hashes; they get their numbers once, here,
    -- the only time the append-only trigger is set aside (the owner migrating).
    ALTER TABLE audit_events ADD COLUMN format smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2));
    ALTER TABLE audit_events ALTER COLUMN format DROP DEFAULT;
    ALTER TABLE audit_events ADD COLUMN seq bigint;
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;
    UPDATE audit_events a SET seq = n.seq
      FROM (SELECT id, row_number() OVER (PARTITION BY organisation_id ORDER BY id) AS seq FROM audit_events) n
      WHERE a.id = n.id;
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;
    ALTER TABLE audit_events ALTER COLUMN seq SET NOT NULL;
    ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_positive CHECK (seq > 0);
    CREATE UNIQUE INDEX audit_events_by_seq ON audit_events (organisation_id, seq);
  `.execute(db);
}
