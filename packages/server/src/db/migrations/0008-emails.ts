import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Emails on a case (ADR 17): residents' emails received by the intake, and staff replies.
    -- Every personal-data column is sealed under data_subject_id (the case's subject when the
    -- email was stored), so the row can be opened whatever happens to the case later.
    -- message_id_digest is an HMAC (index key) of the Message-ID: a relay's retry is recognised
    -- without the header itself being searchable in plaintext.
    CREATE TABLE emails (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      direction text NOT NULL CHECK (direction IN ('in', 'out')),
      message_id_digest bytea NOT NULL,
      message_id bytea,
      from_address bytea,
      to_address bytea,
      subject bytea,
      body bytea,
      refused_attachments bytea,
      redactions text[] NOT NULL DEFAULT '{}',
      received_at timestamptz,
      sent_at timestamptz,
      author_staff_id uuid REFERENCES staff(id),
      send_status text CHECK (send_status IN ('queued', 'sent')),
      created_at timestamptz NOT NULL DEFAULT now(),
      personal_data_deleted_at timestamptz,
      UNIQUE (organisation_id, message_id_digest),
      CHECK ((direction = 'in') = (received_at IS NOT NULL)),
      CHECK (direction = 'in' OR (author_staff_id IS NOT NULL AND send_status IS NOT NULL))
    );
    CREATE INDEX emails_by_case ON emails (case_id, created_at);
    -- Retention deletes by the time of the contact.
    CREATE INDEX emails_by_contact ON emails (organisation_id, (coalesce(received_at, created_at))) WHERE personal_data_deleted_at IS NULL;

    -- Attachments that passed the content check; filename and content are sealed like the email.
    CREATE TABLE email_attachments (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      email_id uuid NOT NULL REFERENCES emails(id),
      position integer NOT NULL,
      filename bytea,
      media_type text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      content bytea,
      personal_data_deleted_at timestamptz,
      UNIQUE (email_id, position)
    );
  `.execute(db);
}
