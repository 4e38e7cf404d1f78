import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { ChainedEntry, SequencedContent } from './audit-chain.rules.ts';

export type AuditFilters = {
  staffId?: string;
  dataSubjectId?: string;
  caseReference?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
};

const columns = [
  'id',
  'organisation_id',
  'occurred_at',
  'actor_kind',
  'actor_id',
  'actor_role',
  'action',
  'data_subject_id',
  'record_type',
  'record_id',
  'case_reference',
  'fields',
  'purpose',
  'reason',
  'source',
  'prev_hash',
  'hash',
  'seq',
  'format',
] as const;

/** An organisation's entries matching the filters, newest first; with `before`, only those older than that id. */
export async function listAuditEvents(db: DbOrTx, organisationId: string, filters: AuditFilters) {
  let query = db.selectFrom('audit_events').select(columns).where('organisation_id', '=', organisationId);
  if (filters.staffId) query = query.where('actor_kind', '=', 'staff').where('actor_id', '=', filters.staffId);
  if (filters.dataSubjectId) query = query.where('data_subject_id', '=', filters.dataSubjectId);
  if (filters.caseReference) query = query.where('case_reference', '=', filters.caseReference);
  if (filters.before !== undefined) query = query.where('id', '<', filters.before);
  if (filters.from) query = query.where('occurred_at', '>=', filters.from);
  if (filters.to) query = query.where('occurred_at', '<=', filters.to);
  return query.orderBy('id', 'desc').limit(filters.limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

export function toChainedEntry(row: AuditRow & { stored_time?: string }): ChainedEntry {
  return {
    id: row.id,
    seq: row.seq,
    format: row.format,
    ...(row.stored_time !== undefined && { storedTime: row.stored_time }),
    organisationId: row.organisation_id,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    dataSubjectId: row.data_subject_id,
    recordType: row.record_type,
    recordId: row.record_id,
    caseReference: row.case_reference,
    fields: row.fields,
    purpose: row.purpose as ChainedEntry['purpose'],
    reason: row.reason,
    source: row.source,
    prevHash: new Uint8Array(row.prev_hash),
    hash: new Uint8Array(row.hash),
  };
}

/** The organisations that have audit entries. */
export async function auditedOrganisations(db: DbOrTx): Promise<Array<{ id: string; slug: string }>> {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.slug'])
    .where((eb) =>
      eb.exists(eb.selectFrom('audit_events as a').select('a.id').whereRef('a.organisation_id', '=', 'o.id')),
    )
    .orderBy('o.slug')
    .execute();
}

/** One page of an organisation's chain, in id order, after `afterId`, with each time exactly as stored. */
export async function chainPage(
  db: DbOrTx,
  organisationId: string,
  afterId: number,
  limit: number,
): Promise<Array<AuditRow & { stored_time: string }>> {
  return db
    .selectFrom('audit_events')
    .select(columns)
    .select(sql<string>`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('stored_time'))
    .where('organisation_id', '=', organisationId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The newest entry of an organisation's chain. */
export async function chainHead(
  db: DbOrTx,
  organisationId: string,
): Promise<{ id: number; seq: number; hash: Buffer; occurred_at: Date } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['id', 'seq', 'hash', 'occurred_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every organisation with its chain's newest entry (none when its trail is empty): what a checkpoint records. */
export async function organisationHeads(
  db: DbOrTx,
): Promise<
  Array<{ id: string; slug: string; head_id: number | null; head_seq: number | null; head_hash: Buffer | null }>
> {
  return db
    .selectFrom('organisations as o')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('audit_events as a')
          .select(['a.id', 'a.seq', 'a.hash'])
          .whereRef('a.organisation_id', '=', 'o.id')
          .orderBy('a.seq', 'desc')
          .limit(1)
          .as('h'),
      (join) => join.onTrue(),
    )
    .select(['o.id', 'o.slug', 'h.id as head_id', 'h.seq as head_seq', 'h.hash as head_hash'])
    .orderBy('o.slug')
    .execute();
}

/** Every organisation, by id: checkpoints name organisations whose trail may now be empty. */
export async function organisationSlugs(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  return new Map(rows.map((row) => [row.id, row.slug]));
}

/** The case references of one resident's conversations, oldest first: how the console names them. */
export async function caseReferencesOfSubject(
  db: DbOrTx,
  organisationId: string,
  dataSubjectId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('case_reference')
    .where('organisation_id', '=', organisationId)
    .where('data_subject_id', '=', dataSubjectId)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.case_reference);
}

/** The organisation's chain lock, held to the end of the transaction: one writer of a chain at a time. */
export async function lockAuditChain(db: DbOrTx, organisationId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`ward-audit:${organisationId}`}, 0))`.execute(db);
}

/** Appends chained entries in their order. */
export async function insertChainedEntries(
  db: DbOrTx,
  chained: ReadonlyArray<SequencedContent & { prevHash: Uint8Array; hash: Uint8Array }>,
): Promise<void> {
  // One statement; VALUES rows take their ids in order, so id order is chain order.
  await db
    .insertInto('audit_events')
    .values(
      chained.map((e) => ({
        organisation_id: e.organisationId,
        occurred_at: e.occurredAt,
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_role: e.actorRole,
        action: e.action,
        data_subject_id: e.dataSubjectId,
        record_type: e.recordType,
        record_id: e.recordId,
        case_reference: e.caseReference,
        fields: [...e.fields],
        purpose: e.purpose,
        reason: e.reason,
        source: e.source,
        prev_hash: Buffer.from(e.prevHash),
        hash: Buffer.from(e.hash),
        seq: e.seq,
        format: e.format,
      })),
    )
    .execute();
}
