import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { CaseChannel, CaseEntriesTable, CaseRow, CaseStatus } from '../../db/schema.ts';
import { sealField } from '../crypto/subject-keys.ts';
import { linkPair } from './case-access.rules.ts';

/** A case with its owner's name: what the presenters need besides the entries and links. */
export type CaseHead = CaseRow & { owner_first_name: string | null; owner_last_name: string | null };

function selectCases(db: DbOrTx) {
  return db
    .selectFrom('cases as c')
    .leftJoin('staff as o', 'o.id', 'c.owner_staff_id')
    .selectAll('c')
    .select(['o.first_name as owner_first_name', 'o.last_name as owner_last_name']);
}

export async function findCase(db: DbOrTx, organisationId: string, id: string): Promise<CaseHead | undefined> {
  return selectCases(db).where('c.organisation_id', '=', organisationId).where('c.id', '=', id).executeTakeFirst();
}

export async function findCaseByReference(
  db: DbOrTx,
  organisationId: string,
  caseReference: string,
): Promise<CaseHead | undefined> {
  return selectCases(db)
    .where('c.organisation_id', '=', organisationId)
    .where('c.case_reference', '=', caseReference)
    .executeTakeFirst();
}

export async function findCaseOfConversation(db: DbOrTx, conversationId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findCasesByReferences(
  db: DbOrTx,
  organisationId: string,
  references: readonly string[],
): Promise<CaseHead[]> {
  if (references.length === 0) return [];
  return selectCases(db)
    .where('c.organisation_id', '=', organisationId)
    .where('c.case_reference', 'in', [...references])
    .execute();
}

export type NewCase = {
  organisationId: string;
  channel: CaseChannel;
  /** Not personal data: the platform, the form's id… */
  channelDetail?: string | null;
  topic: string;
  departmentId: string;
  /** The subject whose key seals the case's personal data: the record's, or the conversation's. */
  dataSubjectId: string;
  dataKey: Buffer;
  recordId?: string | null;
  conversationId?: string | null;
  ownerStaffId?: string | null;
  summary?: string | null;
  contactedAt?: Date;
  /** A staff id, or `system:<channel>`. */
  createdBy: string;
  /** Given when the case reference was already shown (a chat's); otherwise a new one is drawn. */
  caseReference?: string;
};

/** Inserts the case with its summary sealed; false when its reference is already taken in the organisation. */
export async function insertCase(db: DbOrTx, caseId: string, caseReference: string, input: NewCase): Promise<boolean> {
  const inserted = await db
    .insertInto('cases')
    .values({
      id: caseId,
      organisation_id: input.organisationId,
      case_reference: caseReference,
      data_subject_id: input.dataSubjectId,
      record_id: input.recordId ?? null,
      conversation_id: input.conversationId ?? null,
      channel: input.channel,
      channel_detail: input.channelDetail ?? null,
      status: 'open',
      topic: input.topic,
      department_id: input.departmentId,
      owner_staff_id: input.ownerStaffId ?? null,
      summary: input.summary ? sealField(input.dataKey, 'cases', 'summary', caseId, input.summary) : null,
      contacted_at: input.contactedAt ?? new Date(),
      created_by: input.createdBy,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'case_reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The case's data subject as stored now. */
export async function caseDataSubject(db: DbOrTx, caseId: string): Promise<{ data_subject_id: string }> {
  return db.selectFrom('cases').select('data_subject_id').where('id', '=', caseId).executeTakeFirstOrThrow();
}

/** Locks the case row: every change to one case is serialised through it. */
export async function lockCase(db: DbOrTx, organisationId: string, id: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCase(
  db: DbOrTx,
  id: string,
  changes: Partial<{
    status: CaseStatus;
    closed_at: Date | null;
    owner_staff_id: string | null;
    department_id: string;
    summary: Buffer | null;
  }>,
): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

export type NewCaseEntry = {
  organisationId: string;
  caseId: string;
  kind: CaseEntriesTable['kind'];
  /** Sealed under the case's data key (notes, requests). */
  text?: { key: Buffer; value: string } | null;
  detail?: string | null;
  authorStaffId: string | null;
};

export async function insertCaseEntry(db: DbOrTx, entry: NewCaseEntry): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('case_entries')
    .values({
      id,
      organisation_id: entry.organisationId,
      case_id: entry.caseId,
      kind: entry.kind,
      body: entry.text ? sealField(entry.text.key, 'case_entries', 'body', id, entry.text.value) : null,
      detail: entry.detail ?? null,
      author_staff_id: entry.authorStaffId,
      // now() is the transaction's start: entries written together still need their order.
      created_at: sql<Date>`clock_timestamp()`,
    })
    .execute();
  return id;
}

export async function listCaseEntries(db: DbOrTx, caseId: string) {
  return db
    .selectFrom('case_entries as e')
    .leftJoin('staff as a', 'a.id', 'e.author_staff_id')
    .selectAll('e')
    .select(['a.first_name as author_first_name', 'a.last_name as author_last_name'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(1000)
    .execute();
}
export type CaseEntryWithAuthor = Awaited<ReturnType<typeof listCaseEntries>>[number];

/** The cases linked to this one, whichever side the link was made from. */
export async function listLinkedCases(db: DbOrTx, caseId: string): Promise<CaseRow[]> {
  const result = await sql<CaseRow>`
    SELECT c.* FROM case_links l JOIN cases c ON c.id = l.linked_case_id WHERE l.case_id = ${caseId}
    UNION ALL
    SELECT c.* FROM case_links l JOIN cases c ON c.id = l.case_id WHERE l.linked_case_id = ${caseId}
    ORDER BY contacted_at DESC
    LIMIT 200`.execute(db);
  return result.rows;
}

/** Stores the link once per pair; false when it was already there. */
export async function insertCaseLink(
  db: DbOrTx,
  organisationId: string,
  a: string,
  b: string,
  createdBy: string | null,
): Promise<boolean> {
  const inserted = await db
    .insertInto('case_links')
    .values({ organisation_id: organisationId, ...linkPair(a, b), created_by: createdBy })
    .onConflict((oc) => oc.columns(['case_id', 'linked_case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteCaseLink(db: DbOrTx, a: string, b: string): Promise<boolean> {
  const pair = linkPair(a, b);
  const result = await db
    .deleteFrom('case_links')
    .where('case_id', '=', pair.case_id)
    .where('linked_case_id', '=', pair.linked_case_id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Cases not closed, newest contact first: one owner's, or one department's. */
export async function listOpenCases(
  db: DbOrTx,
  organisationId: string,
  filter: {
    ownerStaffId?: string;
    departmentId?: string;
    /** Only cases of this channel detail (a form's id) without a reply by email yet. */
    unansweredDetail?: string;
    limit: number;
    offset: number;
  },
): Promise<CaseHead[]> {
  let query = selectCases(db).where('c.organisation_id', '=', organisationId).where('c.status', '<>', 'closed');
  if (filter.ownerStaffId) query = query.where('c.owner_staff_id', '=', filter.ownerStaffId);
  if (filter.departmentId) query = query.where('c.department_id', '=', filter.departmentId);
  if (filter.unansweredDetail)
    query = query
      .where('c.channel_detail', '=', filter.unansweredDetail)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('emails as e')
              .select('e.id')
              .whereRef('e.case_id', '=', 'c.id')
              .where('e.direction', '=', 'out'),
          ),
        ),
      );
  return query.orderBy('c.contacted_at', 'desc').orderBy('c.id').limit(filter.limit).offset(filter.offset).execute();
}

/** A member of staff of the organisation, with the departments they work in. */
export async function findStaffMember(db: DbOrTx, organisationId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'role', 'departments', 'first_name', 'last_name', 'disabled_at'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .executeTakeFirst();
}
