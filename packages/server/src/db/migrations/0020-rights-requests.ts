import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Residents' rights requests (issue 9, ADR 28). The requester is a data subject: their name,
    -- contact, the identity note and every typed reason are sealed under that subject's data key.
    -- due_on is computed by the deadline rules and stored for sorting and filtering (null while
    -- the clock is stopped).
    CREATE TABLE rights_requests (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      type text NOT NULL CHECK (type IN ('access', 'portability', 'rectification', 'erasure', 'restriction', 'objection')),
      received_on date NOT NULL,
      channel text NOT NULL,
      case_reference text,
      requester_name bytea NOT NULL,
      requester_contact bytea NOT NULL,
      identity_method text NOT NULL,
      identity_note bytea,
      owner_id uuid REFERENCES staff(id),
      status text NOT NULL CHECK (status IN ('received', 'awaiting-identity', 'awaiting-clarification',
        'in-progress', 'extended', 'completed', 'refused', 'withdrawn')),
      extension_months integer NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
      due_on date,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE INDEX rights_requests_by_due ON rights_requests (organisation_id, due_on);
    CREATE INDEX rights_requests_closed ON rights_requests (closed_at) WHERE closed_at IS NOT NULL;

    -- The history of a request, one row per step; kept and deleted with the request.
    CREATE TABLE rights_request_steps (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action IN ('logged', 'status', 'extended', 'assigned', 'closed')),
      actor_id uuid REFERENCES staff(id),
      -- The step's own time (not the transaction's): steps wait on the request's row lock in turn.
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      effective_on date NOT NULL,
      status text NOT NULL,
      owner_id uuid REFERENCES staff(id),
      months integer,
      reason bytea
    );
    CREATE INDEX rights_request_steps_by_request ON rights_request_steps (request_id, occurred_at);
  `.execute(db);
}
