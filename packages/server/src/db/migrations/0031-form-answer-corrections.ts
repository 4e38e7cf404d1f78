import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Rectification of a form's answers (issue 9): the answer a correction replaced and the typed
    -- reason, sealed under the submission's data subject key. The rows go with the submission's
    -- personal data when retention or erasure clears it.
    CREATE TABLE form_answer_corrections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      form_submission_id uuid NOT NULL REFERENCES form_submissions(id) ON DELETE CASCADE,
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      corrected_at timestamptz NOT NULL DEFAULT now(),
      corrected_by uuid REFERENCES staff(id),
      field_id text NOT NULL,
      previous_value bytea,
      reason bytea NOT NULL
    );
    CREATE INDEX form_answer_corrections_by_submission ON form_answer_corrections (form_submission_id, corrected_at);
  `.execute(db);
}
