import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- What happened to each contact, for reports (issue 12, ADR 36): appended in the same transaction
    -- as the change it records, never changed. Identifiers, times and numbers only: no name, address,
    -- email or text of a resident. contact_id is the chat's id (chat events) or the case's id.
    -- value: a duration in milliseconds (wait, first response, handle time) or a survey rating.
    CREATE TABLE contact_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN (
        'chat-requested', 'chat-queued', 'chat-assigned', 'chat-first-response', 'chat-message',
        'chat-transferred', 'chat-ended', 'chat-abandoned', 'chat-missed', 'chat-left-message',
        'survey-answered', 'transcript-requested', 'form-submitted', 'email-received', 'email-answered',
        'case-opened', 'case-closed')),
      channel text NOT NULL,
      contact_id uuid NOT NULL,
      department_id text,
      topic_id text,
      staff_id uuid,
      value bigint,
      occurred_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX contact_events_by_time ON contact_events (organisation_id, occurred_at, kind);
    -- The timed events (waits, first responses, handle times), whose percentiles a report sorts,
    -- read from the index alone.
    CREATE INDEX contact_events_timed ON contact_events (organisation_id, occurred_at)
      INCLUDE (kind, channel, department_id, topic_id, staff_id, value)
      WHERE kind IN ('chat-assigned', 'chat-first-response', 'chat-ended');
    -- API keys that read reports (figures only, no personal data).
    ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check;
    ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
      CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['intake', 'cases:read', 'reports']::text[]);
  `.execute(db);
}
