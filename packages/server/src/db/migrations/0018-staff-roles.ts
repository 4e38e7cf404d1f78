import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Supervisors and privacy officers (issue 8, ADR 25) beside agents and administrators; API keys
    -- that read where a case stands (cases:read, ADR 15); how each staff session was opened.
    ALTER TABLE staff DROP CONSTRAINT staff_role_check;
    ALTER TABLE staff ADD CONSTRAINT staff_role_check
      CHECK (role IN ('agent', 'supervisor', 'privacy_officer', 'admin'));
    ALTER TABLE staff_invitations DROP CONSTRAINT staff_invitations_role_check;
    ALTER TABLE staff_invitations ADD CONSTRAINT staff_invitations_role_check
      CHECK (role IN ('agent', 'supervisor', 'privacy_officer', 'admin'));
    -- How a session was opened: one opened by single sign-on has the identity provider's second
    -- factor behind it, so Ward does not ask for its own (ADR 22, 23).
    ALTER TABLE staff_sessions ADD COLUMN signed_in_with text NOT NULL DEFAULT 'password'
      CHECK (signed_in_with IN ('password', 'single-sign-on'));
    ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check;
    ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
      CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['intake', 'cases:read']::text[]);
  `.execute(db);
}
