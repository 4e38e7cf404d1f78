import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The export pack of a rights request (issue 9, ADR 34): the built ZIP sealed under the
    -- request's own data subject key, and the resident's download link (only its SHA-256 kept).
    -- The content is deleted (NULL) when the pack expires or its downloads are used up; the row,
    -- with no personal data, goes with the request.
    CREATE TABLE rights_export_packs (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      content bytea,
      size integer NOT NULL,
      sha256 text NOT NULL,
      files jsonb NOT NULL,
      built_by uuid REFERENCES staff(id),
      built_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      link_token_hash bytea UNIQUE,
      link_sent_at timestamptz,
      link_downloads_left integer,
      deleted_at timestamptz
    );
    CREATE INDEX rights_export_packs_request ON rights_export_packs (organisation_id, request_id, built_at);
    CREATE INDEX rights_export_packs_expiry ON rights_export_packs (expires_at) WHERE content IS NOT NULL;

    -- Messages an officer marked "withhold: third-party information" for one request: only their
    -- place (chat and number), no personal data.
    CREATE TABLE rights_request_withheld (
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      conversation_id uuid NOT NULL,
      seq integer NOT NULL,
      marked_by uuid REFERENCES staff(id),
      marked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (request_id, conversation_id, seq)
    );
  `.execute(db);
}
