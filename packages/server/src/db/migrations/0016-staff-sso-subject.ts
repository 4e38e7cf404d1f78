import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Single sign-on (ADR 23): the identity provider's issuer and subject of the person who first
    -- signed in to this account through it. A later sign-in with the same email but another subject
    -- (an address given to someone else) is refused.
    ALTER TABLE staff ADD COLUMN sso_issuer text;
    ALTER TABLE staff ADD COLUMN sso_subject text;
    ALTER TABLE staff ADD CONSTRAINT staff_sso_both CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL));
    CREATE UNIQUE INDEX staff_by_sso_subject ON staff (organisation_id, sso_issuer, sso_subject)
      WHERE sso_subject IS NOT NULL;
  `.execute(db);
}
