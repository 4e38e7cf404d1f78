import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A staff session ends after a spell without use (issue 8), as well as at its absolute expiry.
    ALTER TABLE staff_sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
    CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
  `.execute(db);
}
