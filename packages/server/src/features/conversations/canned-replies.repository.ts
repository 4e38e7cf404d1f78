import type { DbOrTx } from '../../db/client.ts';
import type { CannedReplyRow } from '../../db/schema.ts';

/** Staff-written texts, not a resident's: stored as written (after redaction), not sealed. */
export async function listCannedReplies(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
  departments: readonly string[] | null,
): Promise<CannedReplyRow[]> {
  return db
    .selectFrom('canned_replies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb('owner_staff_id', '=', staffId),
        departments === null
          ? eb('department_id', 'is not', null)
          : departments.length > 0
            ? eb('department_id', 'in', [...departments])
            : eb.val(false),
      ]),
    )
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function findCannedReply(
  db: DbOrTx,
  organisationId: string,
  id: string,
): Promise<CannedReplyRow | undefined> {
  return db
    .selectFrom('canned_replies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCannedReply(
  db: DbOrTx,
  row: Omit<CannedReplyRow, 'created_at' | 'updated_at'>,
): Promise<CannedReplyRow> {
  return db.insertInto('canned_replies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCannedReply(
  db: DbOrTx,
  id: string,
  change: Pick<CannedReplyRow, 'title' | 'body' | 'department_id' | 'owner_staff_id'>,
): Promise<CannedReplyRow> {
  return db
    .updateTable('canned_replies')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCannedReply(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('canned_replies').where('id', '=', id).execute();
}
