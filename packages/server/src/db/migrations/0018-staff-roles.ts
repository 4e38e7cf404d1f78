import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Supervisors and privacy officers (issue 8, ADR 25) beside agents and administrators.
    ALTER TABLE staff DROP CONSTRAINT staff_role_check;
    ALTER TABLE staff ADD CONSTRAINT staff_role_check
      CHECK (role IN ('agent', 'supervisor', 'privacy_officer', 'admin'));
    ALTER TABLE staff_invitations DROP CONSTRAINT staff_invitations_role_check;
    ALTER TABLE staff_invitations ADD CONSTRAINT staff_invitations_role_check
      CHECK (role IN ('agent', 'supervisor', 'privacy_officer', 'admin'));
  `.execute(db);
}
