import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The browser and operating system of a chat are personal data like its IP address (ADR 29):
    -- from now on they are sealed under the chat's data subject key. The key is outside the
    -- database, so SQL cannot seal what older versions stored: those plaintext columns are kept
    -- under new names until Ward seals and clears them at start (seal-automatic-information.ts),
    -- and a later migration drops them once every installation has started this version.
    ALTER TABLE conversations RENAME COLUMN browser TO plaintext_browser;
    ALTER TABLE conversations RENAME COLUMN operating_system TO plaintext_operating_system;
    ALTER TABLE conversations ADD COLUMN browser bytea, ADD COLUMN operating_system bytea;
    -- Finds the rows still to seal without reading the whole table.
    CREATE INDEX conversations_plaintext_automatic_information ON conversations (id)
      WHERE plaintext_browser IS NOT NULL OR plaintext_operating_system IS NOT NULL;
  `.execute(db);
}
