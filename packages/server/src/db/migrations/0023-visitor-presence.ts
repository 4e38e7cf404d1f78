import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- When the resident's last connection to a chat closed (null while one is open), and when the
    -- agent was told they had gone: a chat whose resident has left does not wait for ever (issue 15).
    ALTER TABLE conversations ADD COLUMN visitor_left_at timestamptz;
    ALTER TABLE conversations ADD COLUMN visitor_left_told_at timestamptz;
    CREATE INDEX conversations_open_by_age ON conversations (status, created_at) WHERE status <> 'ended';
  `.execute(db);
}
