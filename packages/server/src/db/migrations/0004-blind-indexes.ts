import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Blind indexes (ADR 13): HMAC digests, under the index key, of normalised values (email
    -- address, name tokens, case reference…) so staff can find a record by equality without any
    -- plaintext being stored or compared. One row per value per record; deleted with the
    -- record's personal data.
    CREATE TABLE blind_indexes (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      record_type text NOT NULL,
      record_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('email', 'phone', 'postcode', 'name', 'case-reference')),
      digest bytea NOT NULL CHECK (length(digest) = 16),
      PRIMARY KEY (record_type, record_id, kind, digest)
    );
    CREATE INDEX blind_indexes_lookup ON blind_indexes (organisation_id, kind, digest);
    CREATE INDEX blind_indexes_by_subject ON blind_indexes (data_subject_id);
  `.execute(db);
}
