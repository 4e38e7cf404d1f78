import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Versioned privacy notices (issue 10, ADR 37): the council's own text or address, not personal data.
    CREATE TABLE privacy_notices (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      version text NOT NULL,
      url text,
      body text,
      effective_from timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, version),
      CHECK ((url IS NULL) <> (body IS NULL))
    );
    CREATE INDEX privacy_notices_by_date ON privacy_notices (organisation_id, effective_from DESC);

    -- What each contact was told and on which basis: the notice in effect and the lawful basis of
    -- each purpose, as configured when the contact arrived.
    ALTER TABLE conversations ADD COLUMN privacy_notice_id uuid REFERENCES privacy_notices(id),
      ADD COLUMN lawful_bases jsonb,
      -- The adviser asked for consent in the chat and the resident has not answered yet.
      ADD COLUMN consent_requested_at timestamptz;
    ALTER TABLE form_submissions ADD COLUMN privacy_notice_id uuid REFERENCES privacy_notices(id),
      ADD COLUMN lawful_bases jsonb;
    ALTER TABLE emails ADD COLUMN privacy_notice_id uuid REFERENCES privacy_notices(id),
      ADD COLUMN lawful_bases jsonb;

    -- Each consent given, with the exact wording shown and how; withdrawal is recorded, never deleted.
    -- No personal data: ids, the council's wording, times. Goes with its contact's data subject.
    CREATE TABLE consents (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      conversation_id uuid REFERENCES conversations(id) ON DELETE CASCADE,
      form_submission_id uuid REFERENCES form_submissions(id) ON DELETE CASCADE,
      purpose text NOT NULL,
      method text NOT NULL CHECK (method IN ('pre-chat-form', 'dialogue', 'typed-statement', 'post-chat-form', 'online-form')),
      wording text NOT NULL,
      message_seq integer,
      privacy_notice_id uuid REFERENCES privacy_notices(id),
      given_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_by text,
      withdrawal_method text CHECK (withdrawal_method IN ('resident-link', 'staff'))
    );
    CREATE INDEX consents_by_subject ON consents (data_subject_id);
    CREATE INDEX consents_by_purpose ON consents (organisation_id, purpose, given_at);

    -- The link in every email Ward sends a resident, to see and withdraw their consents: only the
    -- token's SHA-256 is kept.
    CREATE TABLE consent_links (
      token_hash bytea PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX consent_links_by_subject ON consent_links (data_subject_id);
  `.execute(db);
}
