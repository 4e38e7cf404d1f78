import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The language the resident chose in the widget (issue 13, ADR 49): the lines Ward writes into
    -- the chat are in it, and agents see it. Kept like the chat's topic (not personal data on its own).
    ALTER TABLE conversations
      ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'));
  `.execute(db);
}
