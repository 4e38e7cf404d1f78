import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import {
  scopeDataSubjectIds,
  type ScopeRoot,
  type ScopedCase,
  type ScopedCaseItem,
  type ScopedRecord,
  type SubjectScope,
} from './subject-scope.rules.ts';

/**
 * Expands confirmed roots to a whole subject scope (ADR 32), within one organisation:
 * - a record brings the records of its merge family (what it was merged into, and everything merged
 *   into those, at any depth) and every case on any of them;
 * - a case brings its chat, form submissions, emails and disclosures.
 * Roots of another organisation, or that do not exist, bring nothing.
 */
export async function expandScope(
  db: DbOrTx,
  organisationId: string,
  roots: readonly ScopeRoot[],
): Promise<SubjectScope> {
  const recordRoots = roots.filter((r) => r.kind === 'customer-record').map((r) => r.id);
  const caseRoots = roots.filter((r) => r.kind === 'case').map((r) => r.id);
  const records = recordRoots.length === 0 ? [] : await mergeFamilies(db, organisationId, recordRoots);
  const recordIds = records.map((r) => r.id);
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'case_reference', 'channel', 'data_subject_id', 'record_id', 'conversation_id', 'contacted_at'])
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        ...(recordIds.length > 0 ? [eb('record_id', 'in', recordIds)] : []),
        ...(caseRoots.length > 0 ? [eb('id', 'in', caseRoots)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('contacted_at')
    .orderBy('id')
    .execute();
  const scopedCases: ScopedCase[] = cases.map((c) => ({
    id: c.id,
    caseReference: c.case_reference,
    channel: c.channel,
    dataSubjectId: c.data_subject_id,
    recordId: c.record_id,
    conversationId: c.conversation_id,
    contactedAt: c.contacted_at,
  }));
  const caseIds = scopedCases.map((c) => c.id);
  const conversationIds = scopedCases.flatMap((c) => (c.conversationId ? [c.conversationId] : []));
  const conversations: ScopedCaseItem[] =
    conversationIds.length === 0
      ? []
      : (
          await db
            .selectFrom('conversations')
            .select(['id', 'data_subject_id'])
            .where('organisation_id', '=', organisationId)
            .where('id', 'in', conversationIds)
            .orderBy('created_at')
            .execute()
        ).map((row) => ({
          id: row.id,
          dataSubjectId: row.data_subject_id,
          caseId: scopedCases.find((c) => c.conversationId === row.id)?.id ?? '',
        }));
  const byCase = async (table: 'form_submissions' | 'emails' | 'disclosures'): Promise<ScopedCaseItem[]> =>
    caseIds.length === 0
      ? []
      : (
          await db
            .selectFrom(table)
            .select(['id', 'case_id', 'data_subject_id'])
            .where('organisation_id', '=', organisationId)
            .where('case_id', 'in', caseIds)
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        ).map((row) => ({ id: row.id, caseId: row.case_id, dataSubjectId: row.data_subject_id }));
  const parts = {
    records,
    cases: scopedCases,
    conversations,
    formSubmissions: await byCase('form_submissions'),
    emails: await byCase('emails'),
    disclosures: await byCase('disclosures'),
  };
  return { organisationId, ...parts, dataSubjectIds: scopeDataSubjectIds(parts) };
}

/** Every record connected to the given ones by merges, in either direction. */
async function mergeFamilies(db: DbOrTx, organisationId: string, ids: readonly string[]): Promise<ScopedRecord[]> {
  const result = await sql<{ id: string; data_subject_id: string; merged_into_id: string | null }>`
    WITH RECURSIVE up AS (
      SELECT id, merged_into_id, 0 AS depth FROM customer_records
      WHERE id = ANY(${[...ids]}::uuid[]) AND organisation_id = ${organisationId}
      UNION ALL
      SELECT r.id, r.merged_into_id, up.depth + 1 FROM customer_records r
      JOIN up ON r.id = up.merged_into_id WHERE up.depth < 50
    ), down AS (
      SELECT id, 0 AS depth FROM up WHERE merged_into_id IS NULL
      UNION ALL
      SELECT r.id, down.depth + 1 FROM customer_records r
      JOIN down ON r.merged_into_id = down.id WHERE down.depth < 50
    )
    SELECT DISTINCT r.id, r.data_subject_id, r.merged_into_id, r.created_at FROM customer_records r
    WHERE r.organisation_id = ${organisationId} AND (r.id IN (SELECT id FROM up) OR r.id IN (SELECT id FROM down))
    ORDER BY r.created_at, r.id`.execute(db);
  return result.rows.map((r) => ({ id: r.id, dataSubjectId: r.data_subject_id, mergedIntoId: r.merged_into_id }));
}

/**
 * The scope of the resident of one case (for `ward rights export|erase <case-reference>`): the
 * case's record and everything on it, or the case alone when it has no record. Null for a
 * reference the organisation does not have.
 */
export async function scopeOfCaseReference(
  db: DbOrTx,
  organisationId: string,
  caseReference: string,
): Promise<SubjectScope | null> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'record_id'])
    .where('organisation_id', '=', organisationId)
    .where('case_reference', '=', caseReference)
    .executeTakeFirst();
  if (!row) return null;
  const roots: ScopeRoot[] = [{ kind: 'case', id: row.id }];
  if (row.record_id) roots.push({ kind: 'customer-record', id: row.record_id });
  return expandScope(db, organisationId, roots);
}

/** What an officer confirmed for a request, oldest first. */
export async function listScopeRoots(db: DbOrTx, organisationId: string, requestId: string): Promise<ScopeRoot[]> {
  const rows = await db
    .selectFrom('rights_request_items')
    .select(['kind', 'item_id'])
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .orderBy('confirmed_at')
    .orderBy('item_id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, id: r.item_id }));
}

/** A request's whole subject scope. */
export async function scopeOfRequest(db: DbOrTx, organisationId: string, requestId: string): Promise<SubjectScope> {
  return expandScope(db, organisationId, await listScopeRoots(db, organisationId, requestId));
}

export async function addScopeRoot(
  db: DbOrTx,
  item: { organisationId: string; requestId: string; root: ScopeRoot; confirmedBy: string },
): Promise<void> {
  await db
    .insertInto('rights_request_items')
    .values({
      request_id: item.requestId,
      organisation_id: item.organisationId,
      kind: item.root.kind,
      item_id: item.root.id,
      confirmed_by: item.confirmedBy,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeScopeRoot(
  db: DbOrTx,
  item: { organisationId: string; requestId: string; root: ScopeRoot },
): Promise<boolean> {
  const result = await db
    .deleteFrom('rights_request_items')
    .where('organisation_id', '=', item.organisationId)
    .where('request_id', '=', item.requestId)
    .where('kind', '=', item.root.kind)
    .where('item_id', '=', item.root.id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
