import { sql } from 'kysely';
import type { Tx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { openField, subjectKey } from '../crypto/subject-keys.ts';

/** A survey comment opened, with what the report shows beside it and what its audit entry needs. */
export type OpenedSurveyComment = {
  id: string;
  organisation_id: string;
  data_subject_id: string;
  case_reference: string;
  ended_at: Date;
  department_id: string | null;
  topic_id: string;
  rating: number;
  comment: string;
};

/**
 * The survey comments of chats that ended in [start, end), in these departments (null: every one),
 * the latest first, at most `limit`; comments whose resident was erased are left out (ADR 44).
 */
export async function surveyCommentsBetween(
  tx: Tx,
  keyring: Keyring,
  filter: { organisationId: string; start: Date; end: Date; departments: readonly string[] | null; limit: number },
): Promise<OpenedSurveyComment[]> {
  const { rows } = await sql<
    Omit<OpenedSurveyComment, 'rating' | 'comment'> & {
      survey_rating: number;
      survey_comment: Buffer;
      kek_id: string;
      wrapped_key: Buffer | null;
    }
  >`
    SELECT c.id, c.organisation_id, c.data_subject_id, c.case_reference, c.ended_at, k.department_id, c.topic_id,
      c.survey_rating, c.survey_comment, d.kek_id, d.wrapped_key
    FROM conversations c
    JOIN data_subjects d ON d.id = c.data_subject_id
    LEFT JOIN cases k ON k.conversation_id = c.id
    WHERE c.organisation_id = ${filter.organisationId} AND c.ended_at >= ${filter.start} AND c.ended_at < ${filter.end}
      AND c.survey_comment IS NOT NULL AND c.survey_rating IS NOT NULL AND d.wrapped_key IS NOT NULL
      ${filter.departments ? sql`AND k.department_id = ANY(${[...filter.departments]}::text[])` : sql``}
    ORDER BY c.ended_at DESC LIMIT ${filter.limit}`.execute(tx);
  return rows.map((row) => ({
    id: row.id,
    organisation_id: row.organisation_id,
    data_subject_id: row.data_subject_id,
    case_reference: row.case_reference,
    ended_at: new Date(row.ended_at),
    department_id: row.department_id,
    topic_id: row.topic_id,
    rating: row.survey_rating,
    comment: openField(subjectKey(keyring, row), 'conversations', 'survey_comment', row.id, row.survey_comment),
  }));
}
