import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The language the resident used the form in (ADR 50), so the confirmation email is in it too.
    -- Kept like the form's id (not sealed): it says nothing about the resident beyond the contact.
    ALTER TABLE form_submissions
      ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'));
  `.execute(db);
}
