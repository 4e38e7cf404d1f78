import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Counts for the limits on Ward's public doors when there is no Redis (ADR 20), in the shape
    -- rate-limiter-flexible's PostgreSQL store reads and writes. Keys are keyed digests (no address
    -- or email address is stored); expire is in milliseconds since 1970 and expired rows are swept.
    -- Not a tenant's data: no organisation id.
    CREATE TABLE rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
  `.execute(db);
}
