import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The answers to a council's own pre-chat questions (ADR 38): JSON sealed under the chat's
    -- data subject key, like the chat's other personal data.
    ALTER TABLE conversations ADD COLUMN pre_chat_answers bytea;
  `.execute(db);
}
