import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An invitation may say where the new member of staff will work (ADR 14); accepting it copies
    -- the list to staff.departments. Empty means every department.
    ALTER TABLE staff_invitations ADD COLUMN departments text[] NOT NULL DEFAULT '{}';
  `.execute(db);
}
