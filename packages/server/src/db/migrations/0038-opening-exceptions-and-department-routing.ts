import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Opening-hours exceptions set by administrators in the console (issue 11, ADR 47): a closure
    -- (openings null) or special hours (the openings of each date, replacing the weekday's) from one
    -- London date to another, for some departments (empty: all). In the database, so every node
    -- sees one at once; they add to the settings file's closures. The reason is an administrator's
    -- words about the council, not a resident's data; redacted as free text.
    CREATE TABLE opening_exceptions (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      from_date date NOT NULL,
      to_date date NOT NULL CHECK (to_date >= from_date),
      openings jsonb,
      reason text NOT NULL,
      departments text[] NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX opening_exceptions_by_last_date ON opening_exceptions (organisation_id, to_date);

    -- A department's strategy and default capacity set in the console; null: as the settings file says.
    ALTER TABLE routing_departments
      ADD COLUMN strategy text CHECK (strategy IN ('least-busy', 'round-robin', 'manual')),
      ADD COLUMN capacity integer CHECK (capacity BETWEEN 1 AND 20);
  `.execute(db);
}
