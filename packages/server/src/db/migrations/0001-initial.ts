import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      settings jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      email text NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('agent', 'admin')),
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    );
    CREATE UNIQUE INDEX staff_email_per_organisation ON staff (organisation_id, lower(email));

    CREATE TABLE staff_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      token_hash bytea NOT NULL UNIQUE,
      email text,
      role text NOT NULL CHECK (role IN ('agent', 'admin')),
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz
    );

    CREATE TABLE staff_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );

    -- One row per resident: their data key, wrapped by the operator's key-encryption key.
    -- Destroying wrapped_key makes everything encrypted under it unreadable (crypto-shredding).
    CREATE TABLE data_subjects (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kek_id text NOT NULL,
      wrapped_key bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      shredded_at timestamptz
    );
    CREATE INDEX data_subjects_by_kek ON data_subjects (kek_id);

    -- bytea columns hold AES-256-GCM ciphertext under the subject's data key.
    CREATE TABLE conversations (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      case_reference text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('waiting', 'active', 'ended')),
      topic_id text NOT NULL,
      topic_label text NOT NULL,
      visitor_name bytea NOT NULL,
      visitor_email bytea,
      visitor_token_hash bytea NOT NULL UNIQUE,
      assigned_staff_id uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      accepted_at timestamptz,
      ended_at timestamptz,
      last_seq integer NOT NULL DEFAULT 0,
      summary bytea,
      consent_given boolean NOT NULL DEFAULT false,
      ip_address bytea,
      browser text,
      operating_system text,
      survey_rating smallint CHECK (survey_rating BETWEEN 1 AND 5),
      survey_comment bytea,
      opt_ins text[] NOT NULL DEFAULT '{}',
      transcript_email bytea,
      transcript_requested_at timestamptz
    );
    CREATE INDEX conversations_queue ON conversations (organisation_id, status, created_at);
    CREATE INDEX conversations_by_agent ON conversations (assigned_staff_id, status);

    CREATE TABLE messages (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq > 0),
      client_message_id uuid NOT NULL,
      sender text NOT NULL CHECK (sender IN ('visitor', 'agent', 'system')),
      sender_staff_id uuid REFERENCES staff(id),
      sender_name text,
      body bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      consent_evidence boolean NOT NULL DEFAULT false,
      PRIMARY KEY (conversation_id, seq),
      UNIQUE (conversation_id, client_message_id)
    );
  `.execute(db);
}
