import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Reports, the rest of issue 12 (ADR 44): agents' status changes (value: 0 offline, 1 available,
    -- 2 busy, 3 away; contact_id is the member of staff), a chat a supervisor took over, and messages
    -- that came while their department was closed with the time until they were first answered.
    ALTER TABLE contact_events DROP CONSTRAINT contact_events_kind_check;
    ALTER TABLE contact_events ADD CONSTRAINT contact_events_kind_check CHECK (kind IN (
      'chat-requested', 'chat-queued', 'chat-assigned', 'chat-first-response', 'chat-message',
      'chat-transferred', 'chat-ended', 'chat-abandoned', 'chat-missed', 'chat-left-message',
      'survey-answered', 'transcript-requested', 'form-submitted', 'email-received', 'email-answered',
      'case-opened', 'case-closed', 'agent-status', 'chat-taken-over', 'out-of-hours-received',
      'out-of-hours-answered'));
    -- Every path that changes an agent's status (connect, last tab closed, chosen, idle sweep, a
    -- new row) writes its event in the same statement's transaction, at the time of the change.
    CREATE FUNCTION record_agent_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A new row starts offline, which is what no event means already.
      IF (TG_OP = 'INSERT' AND NEW.status <> 'offline') OR (TG_OP = 'UPDATE' AND NEW.status <> OLD.status) THEN
        INSERT INTO contact_events (organisation_id, kind, channel, contact_id, staff_id, value, occurred_at)
        VALUES (NEW.organisation_id, 'agent-status', 'chat', NEW.staff_id, NEW.staff_id,
          CASE NEW.status WHEN 'available' THEN 1 WHEN 'busy' THEN 2 WHEN 'away' THEN 3 ELSE 0 END,
          NEW.status_changed_at);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER agent_routing_status_events AFTER INSERT OR UPDATE OF status ON agent_routing
      FOR EACH ROW EXECUTE FUNCTION record_agent_status();
    -- Where each agent stands now, so their time counts from here.
    INSERT INTO contact_events (organisation_id, kind, channel, contact_id, staff_id, value, occurred_at)
      SELECT organisation_id, 'agent-status', 'chat', staff_id, staff_id,
        CASE status WHEN 'available' THEN 1 WHEN 'busy' THEN 2 WHEN 'away' THEN 3 ELSE 0 END, status_changed_at
      FROM agent_routing;
    -- A report reads these few events by range without the rest of the month's: statuses, the
    -- chats' changes of hands and ends, and out-of-hours answers (whose percentiles it sorts).
    CREATE INDEX contact_events_agent_status_by_time ON contact_events (organisation_id, occurred_at)
      INCLUDE (staff_id, value) WHERE kind = 'agent-status';
    CREATE INDEX contact_events_chat_holds ON contact_events (organisation_id, occurred_at) INCLUDE (contact_id)
      WHERE channel = 'chat' AND kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over', 'chat-ended',
        'chat-abandoned', 'chat-missed', 'chat-left-message');
    CREATE INDEX contact_events_out_of_hours ON contact_events (organisation_id, occurred_at)
      INCLUDE (kind, channel, department_id, topic_id, staff_id, value) WHERE kind = 'out-of-hours-answered';
    -- Each agent's last status before a range (one probe per member of staff), and a contact's
    -- earlier events (a chat held across the range's start; an out-of-hours message answered).
    CREATE INDEX contact_events_agent_status ON contact_events (organisation_id, staff_id, occurred_at)
      INCLUDE (value) WHERE kind = 'agent-status';
    CREATE INDEX contact_events_by_contact ON contact_events (contact_id, occurred_at)
      WHERE kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over', 'chat-ended', 'chat-abandoned',
        'chat-missed', 'chat-left-message', 'out-of-hours-received', 'out-of-hours-answered');
  `.execute(db);
}
