import { sql } from 'kysely';
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
 */
export async function recordCaseEvent(
  db: DbOrTx,
  event: { caseId: string; kind: ContactEventKind; channel?: CaseChannel; staffId?: string | null },
): Promise<void> {
  const staff = event.staffId === undefined ? sql`k.owner_staff_id` : sql`${event.staffId}::uuid`;
  const value =
    event.kind === 'case-closed'
      ? sql`GREATEST(0, round(extract(epoch FROM now() - k.created_at) * 1000))::bigint`
      : sql`NULL::bigint`;
  await sql`
    INSERT INTO contact_events (organisation_id, kind, channel, contact_id, department_id, topic_id, staff_id, value)
    SELECT k.organisation_id, ${event.kind}, coalesce(${event.channel ?? null}::text, k.channel), k.id,
      k.department_id, k.topic, ${staff}, ${value}
    FROM cases k WHERE k.id = ${event.caseId}`.execute(db);
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
