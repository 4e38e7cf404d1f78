import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Staff work in departments; an empty list means every department (ADR 14).
    ALTER TABLE staff ADD COLUMN departments text[] NOT NULL DEFAULT '{}';

    -- One customer record per resident (ADR 14). Its personal data lives in record_details under
    -- the record's own data subject. A merged record points at the record it was merged into and
    -- keeps everything it had, so a merge can be undone.
    CREATE TABLE customer_records (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL UNIQUE REFERENCES data_subjects(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      merged_into_id uuid REFERENCES customer_records(id),
      merged_at timestamptz,
      merged_by uuid REFERENCES staff(id),
      personal_data_deleted_at timestamptz,
      CHECK (merged_into_id IS NULL OR merged_into_id <> id),
      CHECK ((merged_into_id IS NULL) = (merged_at IS NULL))
    );
    CREATE INDEX customer_records_by_organisation ON customer_records (organisation_id, created_at);
    CREATE INDEX customer_records_merged_into ON customer_records (merged_into_id) WHERE merged_into_id IS NOT NULL;

    -- Every value of a record with its history: an amendment inserts the new value and marks the
    -- one it replaces superseded; a removal only marks it. The value is sealed JSON (ADR 10).
    CREATE TABLE record_details (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      record_id uuid NOT NULL REFERENCES customer_records(id),
      kind text NOT NULL CHECK (kind IN ('name', 'address', 'phone', 'email', 'social-handle', 'contact-preference', 'note')),
      value bytea NOT NULL,
      replaces_id uuid REFERENCES record_details(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      superseded_at timestamptz,
      superseded_by text,
      change_reason bytea
    );
    CREATE INDEX record_details_by_record ON record_details (record_id, kind, created_at);

    -- A case is one contact with the council, on any channel, with its case reference (ADR 5).
    -- Chats have one too (conversation_id). Its personal data (summary) is sealed under
    -- data_subject_id: the record's subject, or the conversation's until it is linked.
    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_reference text NOT NULL,
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      record_id uuid REFERENCES customer_records(id),
      conversation_id uuid UNIQUE REFERENCES conversations(id),
      channel text NOT NULL CHECK (channel IN ('chat', 'email', 'form', 'phone', 'face-to-face', 'social-media')),
      channel_detail text,
      topic text NOT NULL,
      department_id text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'awaiting-resident', 'awaiting-council', 'closed')),
      owner_staff_id uuid REFERENCES staff(id),
      summary bytea,
      contacted_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      closed_at timestamptz,
      personal_data_deleted_at timestamptz,
      UNIQUE (organisation_id, case_reference)
    );
    CREATE INDEX cases_by_record ON cases (record_id, contacted_at) WHERE record_id IS NOT NULL;
    CREATE INDEX cases_by_department ON cases (organisation_id, department_id, status, contacted_at);
    CREATE INDEX cases_by_contact ON cases (organisation_id, contacted_at);

    -- What happens on a case: staff notes, the resident's request as it arrived (social media,
    -- phone), status and owner changes. body is sealed under the case's data subject.
    CREATE TABLE case_entries (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('note', 'request', 'status', 'owner', 'department', 'link', 'record')),
      body bytea,
      detail text,
      author_staff_id uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_entries_by_case ON case_entries (case_id, created_at);

    -- Related contacts, stored once per pair (smaller id first).
    CREATE TABLE case_links (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id),
      linked_case_id uuid NOT NULL REFERENCES cases(id),
      created_by uuid NOT NULL REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, linked_case_id),
      CHECK (case_id < linked_case_id)
    );
    CREATE INDEX case_links_reverse ON case_links (linked_case_id);

    -- Every chat so far becomes a case with its own reference, in customer services.
    INSERT INTO cases (id, organisation_id, case_reference, data_subject_id, conversation_id, channel, topic,
                       department_id, status, owner_staff_id, contacted_at, created_at, created_by, closed_at,
                       personal_data_deleted_at)
    SELECT gen_random_uuid(), c.organisation_id, c.case_reference, c.data_subject_id, c.id, 'chat', c.topic_label,
           'customer-services', CASE WHEN c.status = 'ended' THEN 'closed' ELSE 'open' END, c.assigned_staff_id,
           c.created_at, c.created_at, 'system', c.ended_at, c.personal_data_deleted_at
    FROM conversations c;
  `.execute(db);
}
