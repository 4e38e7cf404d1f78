import type { DbOrTx } from '../../db/client.ts';

/** The resident has a connection to the chat again: not gone (and the agent may be told afresh). */
export async function markVisitorPresent(db: DbOrTx, conversationId: string): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ visitor_left_at: null, visitor_left_told_at: null })
    .where('id', '=', conversationId)
    .where('status', '!=', 'ended')
    .where('visitor_left_at', 'is not', null)
    .execute();
}

/** The resident's last connection to the chat closed at `at`. */
export async function markVisitorLeft(db: DbOrTx, conversationId: string, at: Date): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ visitor_left_at: at })
    .where('id', '=', conversationId)
    .where('status', '!=', 'ended')
    .execute();
}

/** Open chats that may be abandoned: their resident gone, or waiting since before `waitedSince`. */
export async function listPossiblyAbandoned(db: DbOrTx, organisationId: string, waitedSince: Date) {
  return db
    .selectFrom('conversations')
    .select(['id', 'status', 'created_at', 'visitor_left_at', 'visitor_left_told_at'])
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['waiting', 'active']), eb('visitor_left_at', 'is not', null)]),
        eb.and([eb('status', '=', 'waiting'), eb('created_at', '<', waitedSince)]),
      ]),
    )
    .orderBy('created_at')
    .limit(500)
    .execute();
}

export async function markAgentTold(db: DbOrTx, conversationId: string, at: Date): Promise<void> {
  await db.updateTable('conversations').set({ visitor_left_told_at: at }).where('id', '=', conversationId).execute();
}
