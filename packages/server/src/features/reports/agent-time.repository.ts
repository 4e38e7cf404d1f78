import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { AgentStatusEvent, ChatHold } from './agent-time.rules.ts';
import type { ReportFilter } from './reports.repository.ts';

/**
 * What advisers' time is worked out from (ADR 44): the status changes in the range and each
 * adviser's last one before it, and the holds of the chats with an event in the range (ADR 48: so
 * a chat accepted before the range counts from the range's start, and one held across the whole
 * range with no event in it does not count, as when the chats' events were read). Advisers in a
 * filter's departments are those who work in one of them (or in every department); the filter's
 * adviser is just them.
 */
export async function agentTimeline(
  db: DbOrTx,
  filter: ReportFilter,
): Promise<{ statuses: AgentStatusEvent[]; holds: ChatHold[] }> {
  const org = sql`e.organisation_id = ${filter.organisationId}`;
  const staffIn = (column: RawBuilder<unknown>) =>
    filter.staffId
      ? sql`AND ${column} = ${filter.staffId}::uuid`
      : filter.departments
        ? sql`AND ${column} IN (SELECT s.id FROM staff s WHERE s.organisation_id = ${filter.organisationId}
            AND (cardinality(s.departments) = 0 OR s.departments && ${[...filter.departments]}::text[]))`
        : sql``;
  const inRange = sql`${org} AND e.kind = 'agent-status' AND e.occurred_at >= ${filter.start}
    AND e.occurred_at < ${filter.end}`;
  // The status each member of staff (or former one, seen in the range) had when the range began:
  // one index probe each.
  const statuses = await sql<{ staff_id: string; value: string; occurred_at: Date }>`
    SELECT e.staff_id, e.value, e.occurred_at FROM contact_events e WHERE ${inRange} ${staffIn(sql`e.staff_id`)}
    UNION ALL
    SELECT m.id, last.value, last.occurred_at FROM (
      SELECT s.id FROM staff s WHERE s.organisation_id = ${filter.organisationId}
      UNION SELECT e.staff_id FROM contact_events e WHERE ${inRange}
    ) m CROSS JOIN LATERAL (
      SELECT e.value, e.occurred_at FROM contact_events e
      WHERE ${org} AND e.kind = 'agent-status' AND e.staff_id = m.id AND e.occurred_at < ${filter.start}
      ORDER BY e.occurred_at DESC LIMIT 1
    ) last
    WHERE TRUE ${staffIn(sql`m.id`)}`.execute(db);
  // A hold in the range starts in it, or ends in it: one that starts before and ends after (or is
  // open) belongs to a chat with no event in the range. Times as milliseconds, as a Date would have them.
  const ms = (column: RawBuilder<unknown>) => sql`floor(extract(epoch FROM ${column}) * 1000)::float8`;
  const holds = await sql<{ staff_id: string; held_from: number; held_until: number | null }>`
    SELECT h.staff_id, ${ms(sql`h.held_from`)} AS held_from, ${ms(sql`h.held_until`)} AS held_until
    FROM chat_holds h WHERE h.organisation_id = ${filter.organisationId}
      AND h.held_from >= ${filter.start} AND h.held_from < ${filter.end} ${staffIn(sql`h.staff_id`)}
    UNION ALL
    SELECT h.staff_id, ${ms(sql`h.held_from`)}, ${ms(sql`h.held_until`)}
    FROM chat_holds h WHERE h.organisation_id = ${filter.organisationId}
      AND h.held_until > ${filter.start} AND h.held_until < ${filter.end} AND h.held_from < ${filter.start}
      ${staffIn(sql`h.staff_id`)}`.execute(db);
  return {
    statuses: statuses.rows.map((r) => ({ staffId: r.staff_id, at: new Date(r.occurred_at), status: Number(r.value) })),
    holds: holds.rows.map((r) => ({ staffId: r.staff_id, from: r.held_from, until: r.held_until })),
  };
}
