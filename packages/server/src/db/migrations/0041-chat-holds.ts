import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Who held each chat and when (ADR 48), derived from the chat's contact events exactly as
    -- agent-time.rules.ts reads them (ADR 44): in time order, an assignment, a transfer or a take-over
    -- gives the chat to its member of staff (or to a queue: no row) until the chat's next such event
    -- or its end. held_until is null while it is still held. Reports then read the holds of their
    -- range instead of the whole history of every chat in it. Identifiers and times only.
    CREATE TABLE chat_holds (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      contact_id uuid NOT NULL,
      staff_id uuid NOT NULL,
      held_from timestamptz NOT NULL,
      held_until timestamptz
    );
    CREATE INDEX chat_holds_by_contact ON chat_holds (contact_id);
    -- A range's holds: those that start in it, and those that started before it and end in it.
    CREATE INDEX chat_holds_by_start ON chat_holds (organisation_id, held_from) INCLUDE (staff_id, held_until);
    CREATE INDEX chat_holds_by_end ON chat_holds (organisation_id, held_until) INCLUDE (staff_id, held_from);

    -- A chat's holds, derived again from its events whenever one is written or deleted (retention),
    -- in the same transaction, so they follow the events exactly, whatever order they come in.
    -- The chat's advisory lock makes two writers of one chat's events derive one after the other,
    -- the second seeing the first's event.
    CREATE FUNCTION derive_chat_holds() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      chat uuid := CASE TG_OP WHEN 'DELETE' THEN OLD.contact_id ELSE NEW.contact_id END;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('ward-chat-holds:' || chat, 0));
      DELETE FROM chat_holds WHERE contact_id = chat;
      INSERT INTO chat_holds (organisation_id, contact_id, staff_id, held_from, held_until)
      SELECT organisation_id, contact_id, staff_id, occurred_at, next_at FROM (
        SELECT organisation_id, contact_id, kind, staff_id, occurred_at,
          lead(occurred_at) OVER (PARTITION BY organisation_id ORDER BY occurred_at, id) AS next_at
        FROM contact_events
        WHERE contact_id = chat AND channel = 'chat' AND kind IN ('chat-assigned', 'chat-transferred',
          'chat-taken-over', 'chat-ended', 'chat-abandoned', 'chat-missed', 'chat-left-message')
      ) e
      WHERE kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over') AND staff_id IS NOT NULL;
      RETURN NULL;
    END $$;
    CREATE TRIGGER contact_events_chat_holds_insert AFTER INSERT ON contact_events FOR EACH ROW
      WHEN (NEW.channel = 'chat' AND NEW.kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over',
        'chat-ended', 'chat-abandoned', 'chat-missed', 'chat-left-message'))
      EXECUTE FUNCTION derive_chat_holds();
    CREATE TRIGGER contact_events_chat_holds_delete AFTER DELETE ON contact_events FOR EACH ROW
      WHEN (OLD.channel = 'chat' AND OLD.kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over',
        'chat-ended', 'chat-abandoned', 'chat-missed', 'chat-left-message'))
      EXECUTE FUNCTION derive_chat_holds();
    -- The chats there are already.
    INSERT INTO chat_holds (organisation_id, contact_id, staff_id, held_from, held_until)
    SELECT organisation_id, contact_id, staff_id, occurred_at, next_at FROM (
      SELECT organisation_id, contact_id, kind, staff_id, occurred_at,
        lead(occurred_at) OVER (PARTITION BY organisation_id, contact_id ORDER BY occurred_at, id) AS next_at
      FROM contact_events
      WHERE channel = 'chat' AND kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over', 'chat-ended',
        'chat-abandoned', 'chat-missed', 'chat-left-message')
    ) e
    WHERE kind IN ('chat-assigned', 'chat-transferred', 'chat-taken-over') AND staff_id IS NOT NULL;
  `.execute(db);
}
