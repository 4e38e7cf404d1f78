import type { DbOrTx } from '../../db/client.ts';
import type { ObjectionPurpose } from '../../db/schema.ts';

/**
 * Restriction and objection per data key (ADR 33). Every feature that uses a resident's data asks
 * here before it changes a record, sends an email or matches a new contact.
 */

/** The ones among `dataSubjectIds` whose processing is restricted. */
export async function restrictedSubjects(
  db: DbOrTx,
  organisationId: string,
  dataSubjectIds: readonly (string | null | undefined)[],
): Promise<Set<string>> {
  const ids = [...new Set(dataSubjectIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('processing_restrictions')
    .select('data_subject_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('data_subject_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.data_subject_id));
}

/** The ones among `dataSubjectIds` whose resident objected to `purpose`. */
export async function objectingSubjects(
  db: DbOrTx,
  organisationId: string,
  dataSubjectIds: readonly (string | null | undefined)[],
  purpose: ObjectionPurpose,
): Promise<Set<string>> {
  const ids = [...new Set(dataSubjectIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('processing_objections')
    .select('data_subject_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('purpose', '=', purpose)
    .where('data_subject_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.data_subject_id));
}

/** Restricts these keys for a request (again: nothing changes). */
export async function insertRestrictions(
  db: DbOrTx,
  placed: { organisationId: string; requestId: string; staffId: string; dataSubjectIds: readonly string[] },
): Promise<void> {
  if (placed.dataSubjectIds.length === 0) return;
  await db
    .insertInto('processing_restrictions')
    .values(
      placed.dataSubjectIds.map((id) => ({
        data_subject_id: id,
        request_id: placed.requestId,
        organisation_id: placed.organisationId,
        restricted_by: placed.staffId,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Lifts what a request placed; the keys it had restricted. */
export async function deleteRestrictionsOfRequest(
  db: DbOrTx,
  organisationId: string,
  requestId: string,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('processing_restrictions')
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .returning('data_subject_id')
    .execute();
  return rows.map((r) => r.data_subject_id).sort();
}

export async function insertObjections(
  db: DbOrTx,
  placed: {
    organisationId: string;
    requestId: string;
    staffId: string;
    purpose: ObjectionPurpose;
    dataSubjectIds: readonly string[];
  },
): Promise<void> {
  if (placed.dataSubjectIds.length === 0) return;
  await db
    .insertInto('processing_objections')
    .values(
      placed.dataSubjectIds.map((id) => ({
        data_subject_id: id,
        purpose: placed.purpose,
        request_id: placed.requestId,
        organisation_id: placed.organisationId,
        objected_by: placed.staffId,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** What a request placed: when it restricted processing (null: it did not) and the purposes objected to. */
export async function processingLimitsOfRequest(
  db: DbOrTx,
  organisationId: string,
  requestId: string,
): Promise<{ restrictedAt: Date | null; restrictedKeys: number; objections: ObjectionPurpose[] }> {
  const restriction = await db
    .selectFrom('processing_restrictions')
    .select((eb) => [eb.fn.min('restricted_at').as('at'), eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  const objections = await db
    .selectFrom('processing_objections')
    .select('purpose')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .orderBy('purpose')
    .execute();
  return {
    restrictedAt: restriction?.at ?? null,
    restrictedKeys: Number(restriction?.n ?? 0),
    objections: objections.map((o) => o.purpose),
  };
}

/**
 * Whether a contact (a case, found by its id or its chat's) is restricted: its own key, its chat's,
 * or the key of the record it is on.
 */
export async function contactIsRestricted(
  db: DbOrTx,
  organisationId: string,
  contact: { caseId: string } | { conversationId: string },
): Promise<boolean> {
  const cases = db
    .selectFrom('cases')
    .where('organisation_id', '=', organisationId)
    .where(
      'caseId' in contact ? 'id' : 'conversation_id',
      '=',
      'caseId' in contact ? contact.caseId : contact.conversationId,
    );
  const row = await db
    .selectFrom('processing_restrictions as p')
    .select('p.data_subject_id')
    .where('p.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb('p.data_subject_id', 'in', cases.select('data_subject_id')),
        eb(
          'p.data_subject_id',
          'in',
          eb
            .selectFrom('customer_records as r')
            .select('r.data_subject_id')
            .where('r.id', 'in', cases.select('record_id')),
        ),
        eb(
          'p.data_subject_id',
          'in',
          eb
            .selectFrom('conversations as v')
            .select('v.data_subject_id')
            .where('v.id', 'in', cases.select('conversation_id')),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The ones among these customer records whose own key is restricted. */
export async function restrictedRecordIds(
  db: DbOrTx,
  organisationId: string,
  recordIds: readonly string[],
): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('customer_records as r')
    .innerJoin('processing_restrictions as p', 'p.data_subject_id', 'r.data_subject_id')
    .select('r.id')
    .distinct()
    .where('r.organisation_id', '=', organisationId)
    .where('r.id', 'in', [...recordIds])
    .execute();
  return new Set(rows.map((r) => r.id));
}
