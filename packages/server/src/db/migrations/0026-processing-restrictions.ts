import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Restriction and objection (issue 9, ADR 33), keyed by data subject (data key): everything sealed
    -- under a restricted key stays but is not changed or used (no emails, no matching of new
    -- contacts); an objection stops one purpose for that key. Each row says which rights request
    -- placed it, so lifting a restriction takes away only what that request placed. No personal data.
    CREATE TABLE processing_restrictions (
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id) ON DELETE CASCADE,
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      restricted_by uuid REFERENCES staff(id),
      restricted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (data_subject_id, request_id)
    );
    CREATE INDEX processing_restrictions_by_request ON processing_restrictions (request_id);

    CREATE TABLE processing_objections (
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('service-updates', 'surveys')),
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      objected_by uuid REFERENCES staff(id),
      objected_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (data_subject_id, purpose, request_id)
    );
    CREATE INDEX processing_objections_by_request ON processing_objections (request_id);
  `.execute(db);
}
