import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The resident's approximate location (issue 13, ADR 46): country, region and town looked up
    -- from the full IP address before it is shortened, as JSON sealed under the chat's data subject
    -- key like the rest of the automatic information; NULL when not collected.
    ALTER TABLE conversations ADD COLUMN location bytea;
  `.execute(db);
}
