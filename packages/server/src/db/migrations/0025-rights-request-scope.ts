import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A rights request's subject scope (issue 9, ADR 32): the customer records and cases a privacy
    -- officer confirmed belong to the requester. Only identifiers: no personal data. A record stands
    -- for itself, the records merged into it and every case on them; a case for its chat, form
    -- submission, emails and disclosures. Goes with the request when it is purged.
    CREATE TABLE rights_request_items (
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('customer-record', 'case')),
      item_id uuid NOT NULL,
      confirmed_by uuid REFERENCES staff(id),
      confirmed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (request_id, kind, item_id)
    );
  `.execute(db);
}
