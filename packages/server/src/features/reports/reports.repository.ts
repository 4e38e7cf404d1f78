import { sql, type RawBuilder } from 'kysely';
import type { CaseChannel, ReportPeriod } from '@ward/protocol';
import type { Db, DbOrTx } from '../../db/client.ts';
import { acrossChannelKinds, type EventAggregate } from './contact-kpis.rules.ts';

/** What a report groups its events by: nothing (the summary), a London period, or a dimension. */
export type ReportGrouping = 'none' | ReportPeriod | 'department' | 'topic' | 'agent' | 'channel';

export type ReportFilter = {
  organisationId: string;
  start: Date;
  end: Date;
  /** null: every department. */
  departments: readonly string[] | null;
  topic: string | null;
  staffId: string | null;
  channel: CaseChannel | null;
};

const london = sql`(e.occurred_at AT TIME ZONE 'Europe/London')`;
/**
 * What the events are grouped by, and the key each group is shown as: the same keys as
 * report-periods.rules.ts makes in memory. Periods group by the truncated time and format only
 * each group's key, not every row's.
 */
const groupings: Record<
  ReportGrouping,
  { by: RawBuilder<unknown>; key: (by: RawBuilder<unknown>) => RawBuilder<unknown> }
> = {
  none: { by: sql`NULL::text`, key: (by) => by },
  hour: { by: sql`date_trunc('hour', ${london})`, key: (by) => sql`to_char(${by}, 'YYYY-MM-DD"T"HH24:00')` },
  day: { by: sql`date_trunc('day', ${london})`, key: (by) => sql`to_char(${by}, 'YYYY-MM-DD')` },
  week: { by: sql`date_trunc('week', ${london})`, key: (by) => sql`to_char(${by}, 'YYYY-MM-DD')` },
  month: { by: sql`date_trunc('month', ${london})`, key: (by) => sql`to_char(${by}, 'YYYY-MM-DD')` },
  department: { by: sql`e.department_id`, key: (by) => by },
  topic: { by: sql`e.topic_id`, key: (by) => by },
  agent: { by: sql`e.staff_id`, key: (by) => sql`${by}::text` },
  channel: { by: sql`e.channel`, key: (by) => by },
};

type CountRow = Pick<EventAggregate, 'group' | 'kind' | 'channel' | 'count' | 'sum' | 'max'> & {
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
};
type SpreadRow = Pick<EventAggregate, 'group' | 'kind' | 'p50' | 'p90'> & { channel: string | null };

/**
 * The kinds whose values have percentiles (waits, first responses, handle times): a fraction of the
 * events, with an index of their own (migration 0029), whose condition this matches word for word.
 */
const timedKinds = sql`e.kind IN ('chat-assigned', 'chat-first-response', 'chat-ended')`;

/**
 * The events of the range and filters counted per group, kind and channel (ADR 36), with the sums
 * and maxima of their values and, for waits, first responses and handle times, their nearest-rank
 * percentiles. Two passes on the index by organisation and time, in one read-only snapshot: the
 * counts hash-aggregate every event; the percentiles sort only the timed ones. A month of a busy
 * council is about a million narrow rows, so the sorts get the memory to stay off disk.
 */
export async function aggregateContactEvents(
  db: Db,
  filter: ReportFilter,
  grouping: ReportGrouping,
): Promise<EventAggregate[]> {
  const { by, key } = groupings[grouping];
  const group = key(by);
  const where = sql`e.organisation_id = ${filter.organisationId}
      AND e.occurred_at >= ${filter.start} AND e.occurred_at < ${filter.end}
      ${filter.departments ? sql`AND e.department_id = ANY(${[...filter.departments]}::text[])` : sql``}
      ${filter.topic ? sql`AND e.topic_id = ${filter.topic}` : sql``}
      ${filter.staffId ? sql`AND e.staff_id = ${filter.staffId}` : sql``}
      ${filter.channel ? sql`AND e.channel = ${filter.channel}` : sql``}
      AND e.kind <> 'agent-status'`;
  const rating = (n: number) => sql`count(*) FILTER (WHERE e.kind = 'survey-answered' AND e.value = ${n})::int`;
  const { counts, spreads } = await db.transaction().execute(async (tx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(tx);
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    const counts = await sql<CountRow>`
      SELECT ${group} AS "group", e.kind, e.channel, count(*)::int AS count, coalesce(sum(e.value), 0)::bigint AS sum,
        max(e.value) AS max, ${rating(1)} AS r1, ${rating(2)} AS r2, ${rating(3)} AS r3, ${rating(4)} AS r4,
        ${rating(5)} AS r5
      FROM contact_events e WHERE ${where}
      GROUP BY ${by}, e.kind, e.channel`.execute(tx);
    const spreads = await sql<SpreadRow>`
      SELECT ${group} AS "group", e.kind, e.channel,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY e.value) AS p50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY e.value) AS p90
      FROM contact_events e WHERE ${where} AND ${timedKinds}
      GROUP BY ${by}, e.kind, e.channel
      UNION ALL
      SELECT ${group} AS "group", e.kind, NULL AS channel,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY e.value) AS p50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY e.value) AS p90
      FROM contact_events e WHERE ${where} AND e.kind = 'out-of-hours-answered'
      GROUP BY ${by}, e.kind`.execute(tx);
    return { counts: counts.rows, spreads: spreads.rows };
  });
  // Out-of-hours answers' percentiles are across channels (ADR 44): every channel's row carries them.
  const spreadOf = new Map(spreads.map((row) => [JSON.stringify([row.group, row.kind, row.channel]), row]));
  const keyOf = (row: Pick<SpreadRow, 'group' | 'kind' | 'channel'>) =>
    JSON.stringify([row.group, row.kind, acrossChannelKinds.includes(row.kind) ? null : row.channel]);
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return counts.map(({ r1, r2, r3, r4, r5, ...row }) => {
    const spread = spreadOf.get(keyOf(row));
    return {
      ...row,
      kind: row.kind,
      sum: Number(row.sum),
      max: number(row.max),
      p50: number(spread?.p50),
      p90: number(spread?.p90),
      ratings: [r1, r2, r3, r4, r5],
    };
  });
}

/** Names for the agents' rows: staff of the organisation among `ids` (names only, no emails). */
export async function staffNames(
  db: DbOrTx,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'first_name', 'last_name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
}

/** The wallboard's queue: chats waiting now in these departments (null: every one), and since when the oldest. */
export async function waitingNow(
  db: DbOrTx,
  organisationId: string,
  departments: readonly string[] | null,
): Promise<{ count: number; oldest: Date | null }> {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('cases as cs', 'cs.conversation_id', 'c.id')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('c.created_at').as('oldest')])
    .where('c.organisation_id', '=', organisationId)
    .where('c.status', '=', 'waiting');
  if (departments) query = query.where('cs.department_id', 'in', departments.length > 0 ? [...departments] : ['']);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
}
