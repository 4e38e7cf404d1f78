import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The language each member of staff chose for their console (issue 13, ADR 51). A preference
    -- about the account, like its role: not a resident's personal data, kept while the account is.
    ALTER TABLE staff
      ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'));
  `.execute(db);
}
