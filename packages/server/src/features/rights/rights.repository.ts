import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type {
  IdentityMethod,
  RightsChannel,
  RightsRequestStatus,
  RightsRequestType,
  RightsStepAction,
} from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { createDataSubject, loadSubjectKeys, openField, sealField, subjectKey } from '../crypto/subject-keys.ts';

/** A request with its requester's details opened (or `[erased]` once the subject's key is gone). */
export type RightsRequestData = {
  id: string;
  organisationId: string;
  dataSubjectId: string;
  type: RightsRequestType;
  receivedOn: string;
  channel: RightsChannel;
  caseReference: string | null;
  requesterName: string;
  requesterContact: string;
  identityMethod: IdentityMethod;
  identityNote: string | null;
  ownerId: string | null;
  ownerName: string | null;
  status: RightsRequestStatus;
  extensionMonths: number;
  dueOn: string | null;
};

export type RightsStepData = {
  at: Date;
  on: string;
  action: RightsStepAction;
  actorId: string | null;
  actorName: string | null;
  status: RightsRequestStatus;
  ownerName: string | null;
  months: number | null;
  reason: string | null;
};

export type NewRightsRequest = {
  organisationId: string;
  type: RightsRequestType;
  receivedOn: string;
  channel: RightsChannel;
  caseReference: string | null;
  requesterName: string;
  requesterContact: string;
  identityMethod: IdentityMethod;
  identityNote: string | null;
  ownerId: string | null;
  createdBy: string;
  dueOn: string | null;
};

/** Creates the requester as a data subject and the request, their details sealed under the new key. */
export async function insertRightsRequest(db: DbOrTx, keyring: Keyring, request: NewRightsRequest): Promise<string> {
  const subject = await createDataSubject(db, keyring, request.organisationId);
  const id = randomUUID();
  await db
    .insertInto('rights_requests')
    .values({
      id,
      organisation_id: request.organisationId,
      data_subject_id: subject.id,
      type: request.type,
      received_on: request.receivedOn,
      channel: request.channel,
      case_reference: request.caseReference,
      requester_name: sealField(subject.key, 'rights_requests', 'requester_name', id, request.requesterName),
      requester_contact: sealField(subject.key, 'rights_requests', 'requester_contact', id, request.requesterContact),
      identity_method: request.identityMethod,
      identity_note: sealField(subject.key, 'rights_requests', 'identity_note', id, request.identityNote),
      owner_id: request.ownerId,
      status: 'received',
      due_on: request.dueOn,
      created_by: request.createdBy,
    })
    .execute();
  return id;
}

export type NewRightsStep = {
  organisationId: string;
  requestId: string;
  action: RightsStepAction;
  actorId: string;
  on: string;
  status: RightsRequestStatus;
  ownerId?: string | null;
  months?: number | null;
  reason?: string | null;
};

/** Appends a step; its typed reason sealed under the requester's key. */
export async function insertRightsStep(
  db: DbOrTx,
  keyring: Keyring,
  dataSubjectId: string,
  step: NewRightsStep,
): Promise<void> {
  const id = randomUUID();
  const key = step.reason ? (await loadSubjectKeys(db, keyring, [dataSubjectId])).get(dataSubjectId) : null;
  if (step.reason && !key) throw new Error('The requester’s key was destroyed');
  await db
    .insertInto('rights_request_steps')
    .values({
      id,
      organisation_id: step.organisationId,
      request_id: step.requestId,
      action: step.action,
      actor_id: step.actorId,
      effective_on: step.on,
      status: step.status,
      owner_id: step.ownerId ?? null,
      months: step.months ?? null,
      reason: step.reason && key ? sealField(key, 'rights_request_steps', 'reason', id, step.reason) : null,
    })
    .execute();
}

const requestColumns = [
  'r.id',
  'r.organisation_id',
  'r.data_subject_id',
  'r.type',
  'r.channel',
  'r.case_reference',
  'r.requester_name',
  'r.requester_contact',
  'r.identity_method',
  'r.identity_note',
  'r.owner_id',
  'r.status',
  'r.extension_months',
  's.kek_id',
  's.wrapped_key',
] as const;

function selectRequests(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('rights_requests as r')
    .innerJoin('data_subjects as s', 's.id', 'r.data_subject_id')
    .leftJoin('staff as o', 'o.id', 'r.owner_id')
    .select(requestColumns)
    .select([
      sql<string>`r.received_on::text`.as('received_on'),
      sql<string | null>`r.due_on::text`.as('due_on'),
      sql<string | null>`o.first_name || ' ' || o.last_name`.as('owner_name'),
    ])
    .where('r.organisation_id', '=', organisationId);
}

type StoredRequest = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

function opened(keyring: Keyring, row: StoredRequest): RightsRequestData {
  const key = subjectKey(keyring, {
    data_subject_id: row.data_subject_id,
    kek_id: row.kek_id,
    wrapped_key: row.wrapped_key,
  });
  const open = (field: string, value: Buffer | null) => openField(key, 'rights_requests', field, row.id, value);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    dataSubjectId: row.data_subject_id,
    type: row.type as RightsRequestType,
    receivedOn: row.received_on,
    channel: row.channel as RightsChannel,
    caseReference: row.case_reference,
    requesterName: open('requester_name', row.requester_name)!,
    requesterContact: open('requester_contact', row.requester_contact)!,
    identityMethod: row.identity_method as IdentityMethod,
    identityNote: open('identity_note', row.identity_note),
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    status: row.status as RightsRequestStatus,
    extensionMonths: row.extension_months,
    dueOn: row.due_on,
  };
}

/** One request, locked for the transaction when `forUpdate`. */
export async function findRightsRequest(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RightsRequestData | null> {
  let query = selectRequests(db, organisationId).where('r.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('r');
  const row = await query.executeTakeFirst();
  return row ? opened(keyring, row) : null;
}

export type RightsRequestFilter = { status?: RightsRequestStatus; ownerId?: string; dueBefore?: string };

/** Requests by due date (stopped clocks last, then by date received). */
export async function listRightsRequests(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  filter: RightsRequestFilter,
): Promise<RightsRequestData[]> {
  let query = selectRequests(db, organisationId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.ownerId) query = query.where('r.owner_id', '=', filter.ownerId);
  if (filter.dueBefore)
    query = query
      .where(sql<boolean>`r.due_on < ${filter.dueBefore}::date`)
      .where('r.status', 'not in', ['completed', 'refused', 'withdrawn']);
  const rows = await query
    .orderBy(sql`r.due_on ASC NULLS LAST`)
    .orderBy('r.received_on')
    .orderBy('r.id')
    .limit(500)
    .execute();
  return rows.map((row) => opened(keyring, row));
}

/** A request's steps, oldest first, their reasons opened with the requester's key. */
export async function listRightsSteps(
  db: DbOrTx,
  keyring: Keyring,
  request: Pick<RightsRequestData, 'id' | 'organisationId' | 'dataSubjectId'>,
): Promise<RightsStepData[]> {
  const rows = await db
    .selectFrom('rights_request_steps as t')
    .leftJoin('staff as a', 'a.id', 't.actor_id')
    .leftJoin('staff as o', 'o.id', 't.owner_id')
    .select(['t.id', 't.occurred_at', 't.action', 't.actor_id', 't.status', 't.months', 't.reason'])
    .select([
      sql<string>`t.effective_on::text`.as('effective_on'),
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('actor_name'),
      sql<string | null>`o.first_name || ' ' || o.last_name`.as('owner_name'),
    ])
    .where('t.organisation_id', '=', request.organisationId)
    .where('t.request_id', '=', request.id)
    .orderBy('t.occurred_at')
    .execute();
  const key = (await loadSubjectKeys(db, keyring, [request.dataSubjectId])).get(request.dataSubjectId) ?? null;
  return rows.map((row) => ({
    at: row.occurred_at,
    on: row.effective_on,
    action: row.action as RightsStepAction,
    actorId: row.actor_id,
    actorName: row.actor_name,
    status: row.status as RightsRequestStatus,
    ownerName: row.owner_name,
    months: row.months,
    reason: openField(key, 'rights_request_steps', 'reason', row.id, row.reason),
  }));
}

export async function updateRightsRequest(
  db: DbOrTx,
  organisationId: string,
  id: string,
  change: {
    status?: RightsRequestStatus;
    dueOn?: string | null;
    extensionMonths?: number;
    ownerId?: string;
    closedAt?: Date;
  },
): Promise<void> {
  await db
    .updateTable('rights_requests')
    .set({
      ...(change.status !== undefined && { status: change.status }),
      ...(change.dueOn !== undefined && { due_on: change.dueOn }),
      ...(change.extensionMonths !== undefined && { extension_months: change.extensionMonths }),
      ...(change.ownerId !== undefined && { owner_id: change.ownerId }),
      ...(change.closedAt !== undefined && { closed_at: change.closedAt }),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Records how the requester's identity was checked; the note sealed under their key. */
export async function updateRightsIdentity(
  db: DbOrTx,
  keyring: Keyring,
  request: Pick<RightsRequestData, 'id' | 'organisationId' | 'dataSubjectId'>,
  method: IdentityMethod,
  note: string | null,
): Promise<void> {
  const key = (await loadSubjectKeys(db, keyring, [request.dataSubjectId])).get(request.dataSubjectId);
  if (!key) throw new Error('The requester’s key was destroyed');
  await db
    .updateTable('rights_requests')
    .set({
      identity_method: method,
      identity_note: sealField(key, 'rights_requests', 'identity_note', request.id, note),
    })
    .where('organisation_id', '=', request.organisationId)
    .where('id', '=', request.id)
    .execute();
}

/** A member of staff who may own a request: active, and doing privacy work. */
export async function findRightsOwner(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
): Promise<{ id: string; role: string } | null> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Deletes the requests closed before `closedBefore` (their steps go with them) and destroys their
 * requesters' data keys, so nothing sealed under them can be read again. Returns how many. A request
 * whose restriction is still in force stays until it is lifted (ADR 33).
 */
export async function deleteRequestsClosedBefore(
  db: DbOrTx,
  organisationId: string,
  closedBefore: Date,
  now: Date,
): Promise<number> {
  const deleted = await db
    .deleteFrom('rights_requests')
    .where('organisation_id', '=', organisationId)
    .where('closed_at', '<', closedBefore)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('processing_restrictions as p')
            .select('p.request_id')
            .whereRef('p.request_id', '=', 'rights_requests.id'),
        ),
      ),
    )
    .returning('data_subject_id')
    .execute();
  if (deleted.length === 0) return 0;
  await db
    .updateTable('data_subjects')
    .set({ wrapped_key: null, shredded_at: now })
    .where(
      'id',
      'in',
      deleted.map((row) => row.data_subject_id),
    )
    .execute();
  return deleted.length;
}
