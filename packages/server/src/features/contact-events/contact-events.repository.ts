import { sql, type RawBuilder } from 'kysely';
import type { ContactEventKind } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { CaseChannel } from '../../db/schema.ts';

/**
 * One fact about a contact for reports (ADR 36): identifiers, times and numbers, never a
 * resident's details or words. Written in the transaction of the change it records, so a report
 * counts exactly what was committed; never updated.
 */
export type ContactEvent = {
  organisationId: string;
  kind: ContactEventKind;
  channel: CaseChannel;
  /** The chat's id for chat events, else the case's. */
  contactId: string;
  departmentId: string | null;
  topicId: string | null;
  staffId: string | null;
  /** Milliseconds (wait, first response, handle time) or a survey rating. */
  value?: number | null;
};

export async function recordContactEvents(db: DbOrTx, events: readonly ContactEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('contact_events')
    .values(
      events.map((event) => ({
        organisation_id: event.organisationId,
        kind: event.kind,
        channel: event.channel,
        contact_id: event.contactId,
        department_id: event.departmentId,
        topic_id: event.topicId,
        staff_id: event.staffId,
        value: event.value ?? null,
      })),
    )
    .execute();
}

/** Retention (ADR 36): an organisation's events from before `before`, at most `limit` of them. */
export async function deleteContactEventsBefore(
  db: DbOrTx,
  organisationId: string,
  before: Date,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('contact_events')
    .where('id', 'in', (q) =>
      q
        .selectFrom('contact_events')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('occurred_at', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A case's contact event, its department, topic and channel read from the case as it stands in
 * this transaction. `channel` overrides the case's (an email on a chat's case is still an email);
 * `staffId` defaults to the case's owner. A case closed carries the milliseconds since it opened.
 * `outOfHours` says, given the case's department, whether it is closed now: then the contact is
 * also an out-of-hours message (ADR 44). The case's first reply by email answers such a message,
 * with the milliseconds since it came.
 */
export async function recordCaseEvent(
  db: DbOrTx,
  event: {
    caseId: string;
    kind: ContactEventKind;
    channel?: CaseChannel;
    staffId?: string | null;
    outOfHours?: (departmentId: string | null) => boolean;
  },
): Promise<void> {
  const staff = event.staffId === undefined ? sql`k.owner_staff_id` : sql`${event.staffId}::uuid`;
  const value =
    event.kind === 'case-closed'
      ? sql`GREATEST(0, round(extract(epoch FROM now() - k.created_at) * 1000))::bigint`
      : sql`NULL::bigint`;
  const insert = (
    kind: ContactEventKind,
    value: RawBuilder<unknown>,
    where = sql``,
    channel: RawBuilder<unknown> = sql`coalesce(${event.channel ?? null}::text, k.channel)`,
  ) =>
    sql<{ department_id: string | null }>`
      INSERT INTO contact_events (organisation_id, kind, channel, contact_id, department_id, topic_id, staff_id, value)
      SELECT k.organisation_id, ${kind}, ${channel}, k.id,
        k.department_id, k.topic, ${staff}, ${value}
      FROM cases k WHERE k.id = ${event.caseId} ${where}
      RETURNING department_id`.execute(db);
  const { rows } = await insert(event.kind, value);
  const [row] = rows;
  if (row && event.outOfHours?.(row.department_id)) await insert('out-of-hours-received', sql`NULL::bigint`);
  if (event.kind === 'email-answered') {
    // The first answer only, in the channel the message came by; `first` is the out-of-hours message, if one came.
    const first = (column: RawBuilder<unknown>) => sql`(SELECT ${column} FROM contact_events r
      WHERE r.contact_id = k.id AND r.kind = 'out-of-hours-received' ORDER BY r.occurred_at LIMIT 1)`;
    const received = first(sql`r.occurred_at`);
    await insert(
      'out-of-hours-answered',
      sql`GREATEST(0, round(extract(epoch FROM now() - ${received}) * 1000))::bigint`,
      sql`AND ${received} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact_events a
        WHERE a.contact_id = k.id AND a.kind = 'out-of-hours-answered')`,
      first(sql`r.channel`),
    );
  }
}

/** How many of an organisation's events happened before `before` (a dry run of retention). */
export async function countContactEventsBefore(db: DbOrTx, organisationId: string, before: Date): Promise<number> {
  const row = await db
    .selectFrom('contact_events')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('occurred_at', '<', before)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * The waits (milliseconds) of each department's latest answered chats since `since`, at most
 * `perDepartment` each, for the usual wait a queued resident is told (issue 11).
 */
export async function recentChatWaits(
  db: DbOrTx,
  organisationId: string,
  departmentIds: readonly string[],
  since: Date,
  perDepartment: number,
): Promise<Map<string, number[]>> {
  const waits = new Map<string, number[]>();
  if (departmentIds.length === 0) return waits;
  const { rows } = await sql<{ department_id: string; value: string }>`
    SELECT department_id, value FROM (
      SELECT department_id, value,
        row_number() OVER (PARTITION BY department_id ORDER BY occurred_at DESC) AS latest
      FROM contact_events
      WHERE organisation_id = ${organisationId} AND kind = 'chat-assigned' AND occurred_at >= ${since}
        AND value IS NOT NULL AND department_id IN (${sql.join([...departmentIds])})
    ) recent WHERE latest <= ${perDepartment}`.execute(db);
  for (const row of rows) waits.set(row.department_id, [...(waits.get(row.department_id) ?? []), Number(row.value)]);
  return waits;
}
