import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { InactivityFacts } from './chat-inactivity.rules.ts';

/** When the resident or an adviser last wrote in the chat (system lines do not count). */
const lastMessageAt = (sender: 'visitor' | 'agent') =>
  sql<Date | null>`(SELECT max(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.sender = ${sender})`;

function selectFacts(db: DbOrTx) {
  return db
    .selectFrom('conversations as c')
    .select([
      'c.id',
      'c.status',
      'c.accepted_at',
      'c.inactivity_warned_at',
      'c.inactivity_closes_at',
      'c.inactivity_stayed_at',
      lastMessageAt('visitor').as('last_visitor_message_at'),
      lastMessageAt('agent').as('last_agent_message_at'),
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof selectFacts>['executeTakeFirstOrThrow']>>;

function toFacts(row: FactsRow): InactivityFacts & { id: string } {
  return {
    id: row.id,
    status: row.status,
    acceptedAt: row.accepted_at,
    lastVisitorMessageAt: row.last_visitor_message_at,
    lastAgentMessageAt: row.last_agent_message_at,
    stayedAt: row.inactivity_stayed_at,
    warnedAt: row.inactivity_warned_at,
    closesAt: row.inactivity_closes_at,
  };
}

/**
 * Open chats the inactivity rules may act on: every one with a warning standing, and the live ones
 * accepted before `acceptedBefore` (one whose silence cannot yet be long enough is left out).
 */
export async function listInactivityCandidates(db: DbOrTx, organisationId: string, acceptedBefore: Date) {
  const rows = await selectFacts(db)
    .where('c.organisation_id', '=', organisationId)
    .where('c.status', '!=', 'ended')
    .where((eb) =>
      eb.or([
        eb('c.inactivity_warned_at', 'is not', null),
        eb.and([eb('c.status', '=', 'active'), eb('c.accepted_at', '<', acceptedBefore)]),
      ]),
    )
    .orderBy('c.accepted_at')
    .limit(500)
    .execute();
  return rows.map(toFacts);
}

/** One chat's facts; with its row locked, no message can be added meanwhile (every append locks it). */
export async function readInactivityFacts(db: DbOrTx, conversationId: string) {
  const row = await selectFacts(db).where('c.id', '=', conversationId).executeTakeFirst();
  return row ? toFacts(row) : undefined;
}

export async function markInactivityWarned(db: DbOrTx, conversationId: string, warnedAt: Date, closesAt: Date) {
  await db
    .updateTable('conversations')
    .set({ inactivity_warned_at: warnedAt, inactivity_closes_at: closesAt })
    .where('id', '=', conversationId)
    .execute();
}

/** The warning no longer stands; with `stayedAt`, because the resident chose to stay. */
export async function clearInactivityWarning(db: DbOrTx, conversationId: string, stayedAt?: Date) {
  await db
    .updateTable('conversations')
    .set({
      inactivity_warned_at: null,
      inactivity_closes_at: null,
      ...(stayedAt ? { inactivity_stayed_at: stayedAt } : {}),
    })
    .where('id', '=', conversationId)
    .execute();
}
