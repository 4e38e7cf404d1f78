import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Staff's own words inside a chat (issue 11, ADR 41): internal notes, the note left with a
    -- transfer, and supervisors' whispers to the agent handling it. Never messages: the resident's
    -- gap-free seqs stay theirs. The body is sealed under the chat's data subject key; the rows go
    -- with the chat's personal data (retention, erasure).
    CREATE TABLE conversation_notes (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('note', 'transfer', 'whisper')),
      author_staff_id uuid REFERENCES staff(id),
      -- A transfer's target (a department, an agent, or both); a whisper's recipient.
      to_department_id text,
      to_staff_id uuid REFERENCES staff(id),
      body bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX conversation_notes_by_conversation ON conversation_notes (conversation_id, created_at);

    -- Canned replies (issue 11): staff-written texts, a department's or one agent's own. Not a
    -- resident's data, so not sealed; redacted as free text like any staff writing.
    CREATE TABLE canned_replies (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      department_id text,
      owner_staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((department_id IS NULL) <> (owner_staff_id IS NULL))
    );
    CREATE INDEX canned_replies_by_organisation ON canned_replies (organisation_id, department_id, owner_staff_id);
  `.execute(db);
}
