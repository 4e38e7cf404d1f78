import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Disclosures to third parties (issue 10, ADR 30), recorded on a case. The recipient contact and
    -- the two texts are personal data about the resident's case: sealed under the case's data
    -- subject's key, and cleared with the case's summary by retention. The recipient organisation,
    -- the lawful basis and the date stay: the record of processing lists the recipients.
    CREATE TABLE disclosures (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      data_subject_id uuid NOT NULL REFERENCES data_subjects(id),
      recipient_organisation text NOT NULL,
      recipient_contact bytea,
      lawful_basis text NOT NULL CHECK (lawful_basis IN ('public-task', 'legitimate-interests', 'consent',
        'legal-obligation', 'contract', 'vital-interests')),
      what_shared bytea,
      why bytea,
      disclosed_on date NOT NULL,
      recorded_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX disclosures_by_case ON disclosures (case_id, disclosed_on);
    CREATE INDEX disclosures_by_date ON disclosures (organisation_id, disclosed_on);
  `.execute(db);
}
