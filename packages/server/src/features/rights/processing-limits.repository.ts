import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';

/**
 * What an objection stops (ADR 33), on the chats of a request's scope. Returns the chats changed,
 * each with its key and case reference for the audit trail.
 */
type Changed = { id: string; data_subject_id: string; case_reference: string };

/** Takes one opt-in (e.g. `service-updates`) off these chats. */
export async function removeOptIn(
  db: DbOrTx,
  organisationId: string,
  conversationIds: readonly string[],
  optIn: string,
): Promise<Changed[]> {
  if (conversationIds.length === 0) return [];
  return db
    .updateTable('conversations')
    .set({ opt_ins: sql<string[]>`array_remove(opt_ins, ${optIn})` })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...conversationIds])
    .where(sql<boolean>`${optIn} = ANY(opt_ins)`)
    .returning(['id', 'data_subject_id', 'case_reference'])
    .execute();
}

/** Deletes the survey answers of these chats. */
export async function clearSurveys(
  db: DbOrTx,
  organisationId: string,
  conversationIds: readonly string[],
): Promise<Changed[]> {
  if (conversationIds.length === 0) return [];
  return db
    .updateTable('conversations')
    .set({ survey_rating: null, survey_comment: null })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...conversationIds])
    .where((eb) => eb.or([eb('survey_rating', 'is not', null), eb('survey_comment', 'is not', null)]))
    .returning(['id', 'data_subject_id', 'case_reference'])
    .execute();
}
