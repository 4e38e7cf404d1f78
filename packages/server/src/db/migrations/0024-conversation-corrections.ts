import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Rectification of a chat's pre-chat details (ADR 29): the values a correction replaced and
    -- the typed reason, sealed under the chat's data subject key. The rows go with the chat's
    -- personal data when retention deletes it.
    CREATE TABLE conversation_corrections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      corrected_at timestamptz NOT NULL DEFAULT now(),
      corrected_by uuid REFERENCES staff(id),
      fields text[] NOT NULL,
      previous_name bytea,
      previous_email bytea,
      reason bytea NOT NULL
    );
    CREATE INDEX conversation_corrections_by_conversation ON conversation_corrections (conversation_id, corrected_at);
  `.execute(db);
}
