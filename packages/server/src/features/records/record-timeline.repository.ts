import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField } from '../crypto/subject-keys.ts';

/** What a customer record's timeline reads: its cases with their summaries, and their disclosures. */
export type TimelineCaseRow = Pick<
  CaseRow,
  | 'id'
  | 'case_reference'
  | 'record_id'
  | 'channel'
  | 'contacted_at'
  | 'department_id'
  | 'status'
  | 'topic'
  | 'summary'
  | 'data_subject_id'
  | 'conversation_id'
> & { conversation_summary: Buffer | null; conversation_subject_id: string | null };

/** Every case of these records, newest contact first, with the chat's summary for chats. */
export async function listCasesOfRecords(
  db: DbOrTx,
  organisationId: string,
  recordIds: readonly string[],
): Promise<TimelineCaseRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('cases as c')
    .leftJoin('conversations as v', 'v.id', 'c.conversation_id')
    .select([
      'c.id',
      'c.case_reference',
      'c.record_id',
      'c.channel',
      'c.contacted_at',
      'c.department_id',
      'c.status',
      'c.topic',
      'c.summary',
      'c.data_subject_id',
      'c.conversation_id',
      'v.summary as conversation_summary',
      'v.data_subject_id as conversation_subject_id',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.record_id', 'in', [...recordIds])
    .orderBy('c.contacted_at', 'desc')
    .execute();
}

/**
 * The summaries shown on a record's timeline, by case id. A chat's summary is written on the
 * conversation; other channels keep it on the case.
 */
export async function openTimelineSummaries(
  db: DbOrTx,
  keyring: Keyring,
  cases: readonly TimelineCaseRow[],
): Promise<Map<string, string | null>> {
  const subjects = cases
    .flatMap((row) => (row.conversation_id ? [row.conversation_subject_id ?? ''] : [row.data_subject_id]))
    .filter(Boolean);
  const keys = await loadSubjectKeys(db, keyring, [...new Set(subjects)]);
  return new Map(
    cases.map((row) => [
      row.id,
      row.conversation_id
        ? openField(
            keys.get(row.conversation_subject_id ?? '') ?? null,
            'conversations',
            'summary',
            row.conversation_id,
            row.conversation_summary,
          )
        : openField(keys.get(row.data_subject_id) ?? null, 'cases', 'summary', row.id, row.summary),
    ]),
  );
}

/**
 * The disclosures to third parties (ADR 30) of the given cases, for a record's timeline: who,
 * on what basis and when; no sealed text. Cases own the table; records only read it here.
 */
export async function listTimelineDisclosures(
  db: DbOrTx,
  organisationId: string,
  caseIds: readonly string[],
): Promise<
  Array<{ id: string; case_id: string; recipient_organisation: string; lawful_basis: string; disclosed_on: string }>
> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('disclosures')
    .select([
      'id',
      'case_id',
      'recipient_organisation',
      'lawful_basis',
      sql<string>`disclosed_on::text`.as('disclosed_on'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('case_id', 'in', [...caseIds])
    .orderBy('disclosed_on')
    .orderBy('created_at')
    .execute();
}
