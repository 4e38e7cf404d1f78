import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The privacy officer reads everything done to one resident's data, newest first, a page at
    -- a time (ADR 12); without this the filter scans the whole trail as it grows.
    CREATE INDEX audit_events_by_subject ON audit_events (organisation_id, data_subject_id, id) WHERE data_subject_id IS NOT NULL;
  `.execute(db);
}
