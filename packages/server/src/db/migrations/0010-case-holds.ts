import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A legal hold may cover one case on any channel (ADR 11), besides a conversation or a data
    -- subject: exactly one of the three.
    ALTER TABLE retention_holds ADD COLUMN case_id uuid REFERENCES cases(id);
    DO $$
    DECLARE name text;
    BEGIN
      -- The unnamed "one of data subject or conversation" check of migration 0002, found by what it says.
      FOR name IN SELECT conname FROM pg_constraint
        WHERE conrelid = 'retention_holds'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%num_nonnulls%'
      LOOP
        EXECUTE format('ALTER TABLE retention_holds DROP CONSTRAINT %I', name);
      END LOOP;
    END $$;
    ALTER TABLE retention_holds ADD CONSTRAINT retention_holds_one_target CHECK (num_nonnulls(data_subject_id, conversation_id, case_id) = 1);
    CREATE INDEX retention_holds_by_case ON retention_holds (case_id) WHERE lifted_at IS NULL;

    -- What a destruction-log row counts, now that one category covers several kinds of row
    -- (emails and their attachments, cases, form submissions, records). NULL on older rows:
    -- the category's usual unit.
    ALTER TABLE destruction_log ADD COLUMN unit text;
  `.execute(db);
}
