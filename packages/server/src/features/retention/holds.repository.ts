import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';

export type HoldRow = {
  id: string;
  conversation_id: string | null;
  data_subject_id: string | null;
  case_id: string | null;
  reason: string;
  placed_at: Date;
  ends_at: Date | null;
  lifted_at: Date | null;
  placed_by_id: string;
  placed_by_name: string;
  lifted_by_id: string | null;
  lifted_by_name: string | null;
  /** Every case reference the hold protects. */
  case_references: string[];
};

/** The conversation a hold is placed through: by id or by (normalised) case reference. */
export async function findConversationForHold(
  db: DbOrTx,
  organisationId: string,
  by: { id: string } | { caseReference: string },
) {
  let query = db
    .selectFrom('conversations')
    .select(['id', 'data_subject_id', 'case_reference'])
    .where('organisation_id', '=', organisationId);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('case_reference', '=', by.caseReference);
  return query.executeTakeFirst();
}

/** The case a hold is placed through, with its chat if it is one: by id, by reference, or by its conversation. */
export async function findCaseForHold(
  db: DbOrTx,
  organisationId: string,
  by: { id: string } | { caseReference: string } | { conversationId: string },
) {
  let query = db
    .selectFrom('cases as k')
    .leftJoin('conversations as c', 'c.id', 'k.conversation_id')
    .select([
      'k.id',
      'k.data_subject_id',
      'k.case_reference',
      'k.conversation_id',
      'c.data_subject_id as conversation_subject_id',
    ])
    .where('k.organisation_id', '=', organisationId);
  query =
    'id' in by
      ? query.where('k.id', '=', by.id)
      : 'caseReference' in by
        ? query.where('k.case_reference', '=', by.caseReference)
        : query.where('k.conversation_id', '=', by.conversationId);
  return query.executeTakeFirst();
}

export async function insertHold(
  db: DbOrTx,
  hold: {
    organisationId: string;
    conversationId: string | null;
    dataSubjectId: string | null;
    caseId?: string | null;
    reason: string;
    placedBy: string;
    placedAt: Date;
    endsAt: Date | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('retention_holds')
    .values({
      organisation_id: hold.organisationId,
      conversation_id: hold.conversationId,
      data_subject_id: hold.dataSubjectId,
      case_id: hold.caseId ?? null,
      reason: hold.reason,
      placed_by: hold.placedBy,
      placed_at: hold.placedAt,
      ends_at: hold.endsAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Holds with who placed and lifted them and what they cover, newest first. */
export async function listHolds(
  db: DbOrTx,
  organisationId: string,
  filter: { id?: string; limit: number },
): Promise<HoldRow[]> {
  const result = await sql<HoldRow>`
    SELECT h.id, h.conversation_id, h.data_subject_id, h.case_id, h.reason, h.placed_at, h.ends_at, h.lifted_at,
      p.id AS placed_by_id, p.first_name || ' ' || p.last_name AS placed_by_name,
      l.id AS lifted_by_id, CASE WHEN l.id IS NULL THEN NULL ELSE l.first_name || ' ' || l.last_name END AS lifted_by_name,
      ARRAY(
        SELECT covered.case_reference FROM (
          SELECT c.case_reference, c.created_at FROM conversations c
          WHERE c.organisation_id = h.organisation_id AND (c.id = h.conversation_id OR c.data_subject_id = h.data_subject_id)
          UNION ALL
          SELECT k.case_reference, k.created_at FROM cases k
          WHERE k.organisation_id = h.organisation_id AND (k.id = h.case_id OR k.data_subject_id = h.data_subject_id)
        ) covered
        GROUP BY covered.case_reference
        ORDER BY min(covered.created_at), covered.case_reference
      ) AS case_references
    FROM retention_holds h
    JOIN staff p ON p.id = h.placed_by
    LEFT JOIN staff l ON l.id = h.lifted_by
    WHERE h.organisation_id = ${organisationId} ${filter.id ? sql`AND h.id = ${filter.id}` : sql``}
    ORDER BY h.placed_at DESC, h.id
    LIMIT ${filter.limit}`.execute(db);
  return result.rows;
}

/** Lifts a hold that is not lifted yet; false when there was none to lift. */
export async function liftHold(db: DbOrTx, organisationId: string, id: string, by: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('retention_holds')
    .set({ lifted_at: at, lifted_by: by })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The residents (data subjects) an active hold touches at `now`: held themselves, or through one
 * of their conversations or cases (a case's subject, and its chat's). For records that name their
 * resident but not their conversation (outbox emails), so that a hold on the case keeps them too.
 * Mirrors `activeHoldOn`.
 */
export async function heldDataSubjects(db: DbOrTx, organisationId: string, now: Date): Promise<Set<string>> {
  const result = await sql<{ id: string | null }>`
    SELECT unnest(ARRAY[h.data_subject_id, c.data_subject_id, k.data_subject_id, kc.data_subject_id]) AS id
    FROM retention_holds h
    LEFT JOIN conversations c ON c.id = h.conversation_id
    LEFT JOIN cases k ON k.id = h.case_id
    LEFT JOIN conversations kc ON kc.id = k.conversation_id
    WHERE h.organisation_id = ${organisationId} AND h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > ${now})`.execute(
    db,
  );
  return new Set(result.rows.map((row) => row.id).filter((id) => id !== null));
}

const activeHold = (now: Date) => sql`h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > ${now})`;

/**
 * Whether an active hold covers the case aliased `k` (in SQL, so each batch checks holds as it
 * deletes; mirrors `holdsTouch` in retention.rules.ts): a hold on the case itself, on its chat, on
 * its data subject, or on the subject of its record or of its chat. When unsure, keep.
 */
export const activeHoldOnCase = (now: Date): RawBuilder<boolean> => sql<boolean>`EXISTS (
  SELECT 1 FROM retention_holds h
  WHERE h.organisation_id = k.organisation_id AND ${activeHold(now)}
    AND (h.case_id = k.id
      OR h.conversation_id = k.conversation_id
      OR h.data_subject_id = k.data_subject_id
      OR h.data_subject_id = (SELECT hc.data_subject_id FROM conversations hc WHERE hc.id = k.conversation_id)
      OR h.data_subject_id = (SELECT hr.data_subject_id FROM customer_records hr WHERE hr.id = k.record_id)))`;

/** Whether an active hold covers the data subject `subject` (a column or value) in `organisation`. */
export const activeHoldOnSubject = (
  now: Date,
  organisation: RawBuilder<unknown>,
  subject: RawBuilder<unknown>,
): RawBuilder<boolean> => sql<boolean>`EXISTS (
  SELECT 1 FROM retention_holds h WHERE h.organisation_id = ${organisation} AND ${activeHold(now)} AND h.data_subject_id = ${subject})`;
