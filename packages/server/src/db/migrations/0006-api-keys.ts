import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Integration API keys (ADR 15): the council's other systems call the intake API with a bearer
    -- token. Only its SHA-256 hash is kept; the prefix tells keys apart in the console.
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL,
      token_hash bytea NOT NULL UNIQUE,
      token_prefix text NOT NULL,
      scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['intake']::text[]),
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id, created_at);

    -- A case quoted in a contact brought in with an API key is linked by no member of staff.
    ALTER TABLE case_links ALTER COLUMN created_by DROP NOT NULL;

    -- "My cases", newest first.
    CREATE INDEX cases_by_owner ON cases (owner_staff_id, contacted_at) WHERE owner_staff_id IS NOT NULL AND status <> 'closed';
  `.execute(db);
}
