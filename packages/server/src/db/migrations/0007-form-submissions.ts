import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- What a resident sent on an online form (issue 4). Each submission is one case; its answers
    -- (and the address the confirmation goes to) are sealed JSON under the record's data key
    -- (ADR 10), so erasing the record's key erases them too.
    CREATE TABLE form_submissions (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
      form_id text NOT NULL,
      -- The record's subject at submission, whose key seals the answers (cases may be re-linked later).
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      answers bytea NOT NULL,
      consent_given boolean NOT NULL DEFAULT false,
      confirmation_email bytea,
      confirmation_sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      personal_data_deleted_at timestamptz
    );
    CREATE INDEX form_submissions_by_organisation ON form_submissions (organisation_id, created_at);
  `.execute(db);
}
