import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Contact-centre routing (issue 11, ADR 39). One row per member of staff who has opened the
    -- console or been given skills: what an administrator set (skills, capacity; null capacity is
    -- the department's or the council's default), their status now and the one they last chose
    -- (restored when they connect again), and times for least busy and auto-away. Routing locks
    -- this row while it gives the agent a chat, so their capacity holds across nodes.
    CREATE TABLE agent_routing (
      staff_id uuid PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      skills text[] NOT NULL DEFAULT '{}',
      capacity integer CHECK (capacity BETWEEN 1 AND 20),
      status text NOT NULL DEFAULT 'offline' CHECK (status IN ('available', 'busy', 'away', 'offline')),
      chosen_status text NOT NULL DEFAULT 'busy' CHECK (chosen_status IN ('available', 'busy', 'away')),
      status_changed_at timestamptz NOT NULL DEFAULT now(),
      connected_at timestamptz,
      last_active_at timestamptz,
      last_assigned_at timestamptz
    );
    CREATE INDEX agent_routing_by_status ON agent_routing (organisation_id, status);
    -- Round robin: the last agent each department gave a chat to.
    CREATE TABLE routing_departments (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      department_id text NOT NULL,
      last_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      PRIMARY KEY (organisation_id, department_id)
    );
    -- Each agent's load: their active chats.
    CREATE INDEX conversations_active_by_agent ON conversations (assigned_staff_id) WHERE status = 'active';
  `.execute(db);
}
