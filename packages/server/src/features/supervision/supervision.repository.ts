import type { DbOrTx } from '../../db/client.ts';
import type { StaffRole } from '@ward/protocol';
import type { AgentStatusValue } from '../../db/schema.ts';

/**
 * The live chats of some departments (null: all), with the name of the member of staff handling
 * each: no resident's data, so nothing here needs sealing or auditing.
 */
export async function listLiveChats(
  db: DbOrTx,
  organisationId: string,
  departments: readonly string[] | null,
): Promise<
  Array<{
    id: string;
    case_reference: string;
    topic_label: string;
    department_id: string;
    assigned_staff_id: string | null;
    accepted_at: Date | null;
    first_name: string | null;
    last_name: string | null;
  }>
> {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('cases as cs', 'cs.conversation_id', 'c.id')
    .leftJoin('staff as s', 's.id', 'c.assigned_staff_id')
    .select([
      'c.id',
      'c.case_reference',
      'c.topic_label',
      'cs.department_id',
      'c.assigned_staff_id',
      'c.accepted_at',
      's.first_name',
      's.last_name',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.status', '=', 'active');
  if (departments) query = query.where('cs.department_id', 'in', departments.length > 0 ? [...departments] : ['']);
  return query.orderBy('c.accepted_at', 'asc').limit(500).execute();
}

/**
 * Staff who work in any of these departments (or in every one: none listed); null: all staff. With
 * their routing status, since when, and own capacity (null where they have no routing row yet).
 */
export async function listStaffOfDepartments(
  db: DbOrTx,
  organisationId: string,
  departments: readonly string[] | null,
): Promise<
  Array<{
    id: string;
    firstName: string;
    lastName: string;
    role: StaffRole;
    departments: string[];
    status: AgentStatusValue | null;
    statusSince: Date | null;
    capacity: number | null;
  }>
> {
  let query = db
    .selectFrom('staff as s')
    .leftJoin('agent_routing as r', 'r.staff_id', 's.id')
    .select(['s.id', 's.first_name as firstName', 's.last_name as lastName', 's.role', 's.departments'])
    .select(['r.status', 'r.status_changed_at as statusSince', 'r.capacity'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.disabled_at', 'is', null);
  if (departments)
    query = query.where((eb) =>
      eb.or([
        eb('s.departments', '=', eb.val<string[]>([])),
        eb('s.departments', '&&', eb.val<string[]>([...departments])),
      ]),
    );
  return query.orderBy('s.first_name').limit(1000).execute();
}

/** How many live chats each of these members of staff handles now (in any department). */
export async function countActiveChatsOf(
  db: DbOrTx,
  organisationId: string,
  staffIds: readonly string[],
): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select(['assigned_staff_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('assigned_staff_id', 'in', [...staffIds])
    .groupBy('assigned_staff_id')
    .execute();
  return new Map(rows.map((row) => [row.assigned_staff_id ?? '', Number(row.n)]));
}
