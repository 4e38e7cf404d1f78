import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { AgentStatusValue } from '../../db/schema.ts';
import { answeringStatuses, type DepartmentRoutingChange } from './routing.rules.ts';

/**
 * One router at a time per department, on every node (ADR 39): held to the end of the transaction.
 * Capacity spans departments, so giving a chat also locks the agent's row (`lockAgentForRouting`).
 */
export async function lockDepartmentRouting(tx: Tx, organisationId: string, departmentId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`ward-routing:${organisationId}:${departmentId}`}, 0))`.execute(
    tx,
  );
}

/** Active chats per agent, counted in the statement that reads them. */
const loadOf = sql<number>`(SELECT count(*)::int FROM conversations c WHERE c.assigned_staff_id = r.staff_id AND c.status = 'active')`;

/** Agents who are available now, with where they work (read fresh: an administrator may just have changed it). */
export async function availableAgents(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('agent_routing as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['r.staff_id', 's.role', 's.departments', 'r.skills', 'r.capacity', 'r.status', 'r.last_assigned_at'])
    .select(loadOf.as('load'))
    .where('r.organisation_id', '=', organisationId)
    .where('r.status', '=', 'available')
    .where('s.disabled_at', 'is', null)
    .execute();
}

/**
 * Where the staff answering now work (issue 11): one small read for every department, on the index on
 * (organisation_id, status); the same role and departments are read once.
 */
export async function answeringStaff(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('agent_routing as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['s.role', 's.departments'])
    .distinct()
    .where('r.organisation_id', '=', organisationId)
    .where('r.status', 'in', [...answeringStatuses])
    .where('s.disabled_at', 'is', null)
    .execute();
}

/**
 * Locks an agent's routing row and reads them as they are now, with their name for the resident.
 * The load is counted by a second statement, after the lock is held: in READ COMMITTED a statement
 * that waited for the lock still sees the snapshot it started with, so a count in the locking
 * statement could miss the chat another router gave them just before (ADR 39).
 */
export async function lockAgentForRouting(tx: Tx, organisationId: string, staffId: string) {
  const row = await tx
    .selectFrom('agent_routing as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['r.staff_id', 's.role', 's.departments', 's.disabled_at', 'r.skills', 'r.capacity', 'r.status'])
    .select(['r.last_assigned_at', 's.email', 's.first_name', 's.last_name', 's.organisation_id'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.staff_id', '=', staffId)
    .forUpdate('r')
    .executeTakeFirst();
  if (!row) return undefined;
  const { load } = await tx
    .selectFrom('agent_routing as r')
    .select(loadOf.as('load'))
    .where('r.staff_id', '=', staffId)
    .executeTakeFirstOrThrow();
  return { ...row, load };
}

/** A department's waiting chats (its topics'), oldest first. */
export async function waitingChatsOf(db: DbOrTx, organisationId: string, topicIds: readonly string[], limit: number) {
  if (topicIds.length === 0) return [];
  return db
    .selectFrom('conversations')
    .select(['id', 'topic_id', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'waiting')
    .where('topic_id', 'in', [...topicIds])
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function chatTopic(db: DbOrTx, conversationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conversations')
    .select('topic_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row?.topic_id ?? null;
}

export async function lastAssignedIn(tx: Tx, organisationId: string, departmentId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('routing_departments')
    .select('last_staff_id')
    .where('organisation_id', '=', organisationId)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
  return row?.last_staff_id ?? null;
}

/** Round robin's place and least busy's tie-break move on. */
export async function markAssigned(tx: Tx, organisationId: string, departmentId: string, staffId: string) {
  await tx
    .insertInto('routing_departments')
    .values({ organisation_id: organisationId, department_id: departmentId, last_staff_id: staffId })
    .onConflict((oc) => oc.columns(['organisation_id', 'department_id']).doUpdateSet({ last_staff_id: staffId }))
    .execute();
  await tx.updateTable('agent_routing').set({ last_assigned_at: new Date() }).where('staff_id', '=', staffId).execute();
}

/** Each department's strategy and capacity set in the console (ADR 47). */
export async function departmentRoutingChanges(db: DbOrTx, organisationId: string): Promise<DepartmentRoutingChange[]> {
  const rows = await db
    .selectFrom('routing_departments')
    .select(['department_id', 'strategy', 'capacity'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('strategy', 'is not', null), eb('capacity', 'is not', null)]))
    .execute();
  return rows.map((row) => ({ departmentId: row.department_id, strategy: row.strategy, capacity: row.capacity }));
}

export async function upsertDepartmentRouting(tx: Tx, organisationId: string, change: DepartmentRoutingChange) {
  const values = { strategy: change.strategy, capacity: change.capacity };
  await tx
    .insertInto('routing_departments')
    .values({ organisation_id: organisationId, department_id: change.departmentId, ...values })
    .onConflict((oc) => oc.columns(['organisation_id', 'department_id']).doUpdateSet(values))
    .execute();
}

// ---- status ----

/** The database's clock: every node compares times on one clock. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db);
  return rows[0]!.now;
}

/** A console tab connected: back to the status they last chose if they were offline; active now. */
export async function markConnected(db: DbOrTx, organisationId: string, staffId: string): Promise<AgentStatusValue> {
  const row = await db
    .insertInto('agent_routing')
    .values({ staff_id: staffId, organisation_id: organisationId })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute()
    .then(() =>
      db
        .updateTable('agent_routing')
        .set({
          status: sql`CASE WHEN status = 'offline' THEN chosen_status ELSE status END`,
          status_changed_at: sql`CASE WHEN status = 'offline' THEN clock_timestamp() ELSE status_changed_at END`,
          connected_at: sql`clock_timestamp()`,
          last_active_at: sql`clock_timestamp()`,
        })
        .where('staff_id', '=', staffId)
        .returning('status')
        .executeTakeFirstOrThrow(),
    );
  return row.status;
}

/**
 * Their last console tab closed: offline, unless a tab connected since `since` (on any node).
 * Returns whether they went offline.
 */
export async function markOffline(db: DbOrTx, staffId: string, since: Date): Promise<boolean> {
  const result = await db
    .updateTable('agent_routing')
    .set({ status: 'offline', status_changed_at: sql`clock_timestamp()` })
    .where('staff_id', '=', staffId)
    .where('status', '!=', 'offline')
    .where((eb) => eb.or([eb('connected_at', 'is', null), eb('connected_at', '<', since)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The agent chose a status: it is theirs now, and again when they next connect. */
export async function markChosen(db: DbOrTx, organisationId: string, staffId: string, status: AgentStatusValue) {
  await db
    .insertInto('agent_routing')
    .values({ staff_id: staffId, organisation_id: organisationId, status, chosen_status: status })
    .onConflict((oc) =>
      oc.column('staff_id').doUpdateSet({
        status,
        chosen_status: status,
        status_changed_at: sql`clock_timestamp()`,
        last_active_at: sql`clock_timestamp()`,
      }),
    )
    .execute();
}

export async function markActive(db: DbOrTx, staffId: string): Promise<void> {
  await db
    .updateTable('agent_routing')
    .set({ last_active_at: sql`clock_timestamp()` })
    .where('staff_id', '=', staffId)
    .execute();
}

/** Available or busy agents with no console activity since `before` become away; returns who. */
export async function markIdleAway(db: DbOrTx, organisationId: string, before: Date) {
  return db
    .updateTable('agent_routing')
    .set({ status: 'away', status_changed_at: sql`clock_timestamp()` })
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['available', 'busy'])
    .where('last_active_at', '<', before)
    .returning('staff_id')
    .execute();
}

export async function statusOf(db: DbOrTx, staffId: string): Promise<AgentStatusValue> {
  const row = await db.selectFrom('agent_routing').select('status').where('staff_id', '=', staffId).executeTakeFirst();
  return row?.status ?? 'offline';
}

// ---- what administrators set ----

export async function upsertAgentSettings(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
  settings: { skills: string[]; capacity: number | null },
) {
  await db
    .insertInto('agent_routing')
    .values({ staff_id: staffId, organisation_id: organisationId, ...settings })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(settings))
    .execute();
}

/** Every active member of staff with their routing (defaults for those without a row). */
export async function listAgentRouting(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('staff as s')
    .leftJoin('agent_routing as r', 'r.staff_id', 's.id')
    .select(['s.id as staff_id', 'r.skills', 'r.capacity', 'r.status'])
    .select(
      sql<number>`(SELECT count(*)::int FROM conversations c WHERE c.assigned_staff_id = s.id AND c.status = 'active')`.as(
        'load',
      ),
    )
    .where('s.organisation_id', '=', organisationId)
    .where('s.disabled_at', 'is', null)
    .orderBy('s.first_name')
    .orderBy('s.last_name')
    .execute();
}
