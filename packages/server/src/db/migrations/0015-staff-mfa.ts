import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Two-step sign-in for staff (ADR 22). One row per member of staff who has started enrolling:
    -- the TOTP secret sealed with the current key-encryption key (never stored in the clear), when
    -- it was confirmed (null while enrolment is pending), and the last time step accepted, so a
    -- code cannot be used twice.
    CREATE TABLE staff_mfa (
      staff_id uuid PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kek_id text NOT NULL,
      sealed_secret bytea NOT NULL,
      enabled_at timestamptz,
      last_time_step bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- Recovery codes: only their SHA-256 (they carry 80 random bits), each used once.
    CREATE TABLE staff_mfa_recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      code_hash bytea NOT NULL UNIQUE,
      used_at timestamptz
    );
    CREATE INDEX staff_mfa_recovery_codes_by_staff ON staff_mfa_recovery_codes (staff_id);

    -- A password accepted, a code still to come: short-lived and single-use, token stored as SHA-256.
    CREATE TABLE staff_mfa_challenges (
      token_hash bytea PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX staff_mfa_challenges_by_staff ON staff_mfa_challenges (staff_id);
  `.execute(db);
}
