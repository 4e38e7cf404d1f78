import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Integration keys expire (issue 8), and administrators see when each was last used. Keys made
    -- before this keep working until revoked (no expiry).
    ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;
    ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
  `.execute(db);
}
