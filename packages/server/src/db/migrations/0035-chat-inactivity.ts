import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A live chat where nobody writes closes (issue 11, WCAG 2.2.1, ADR 43): when the resident was
    -- warned and when the chat closes unless someone writes or they choose to stay, and when they last
    -- chose to stay. Times only, no personal data.
    ALTER TABLE conversations ADD COLUMN inactivity_warned_at timestamptz;
    ALTER TABLE conversations ADD COLUMN inactivity_closes_at timestamptz;
    ALTER TABLE conversations ADD COLUMN inactivity_stayed_at timestamptz;
  `.execute(db);
}
