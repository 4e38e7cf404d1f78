import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';

export type NoticeRow = {
  id: string;
  version: string;
  url: string | null;
  body: string | null;
  effectiveFrom: Date;
};

export async function listNotices(db: DbOrTx, organisationId: string): Promise<NoticeRow[]> {
  const rows = await db
    .selectFrom('privacy_notices')
    .select(['id', 'version', 'url', 'body', 'effective_from'])
    .where('organisation_id', '=', organisationId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, url: r.url, body: r.body, effectiveFrom: r.effective_from }));
}

/** The notice in effect at `now`, or null when the council has published none in Ward. */
export async function noticeInEffectAt(db: DbOrTx, organisationId: string, now: Date): Promise<NoticeRow | null> {
  const row = await db
    .selectFrom('privacy_notices')
    .select(['id', 'version', 'url', 'body', 'effective_from'])
    .where('organisation_id', '=', organisationId)
    .where('effective_from', '<=', now)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { id: row.id, version: row.version, url: row.url, body: row.body, effectiveFrom: row.effective_from }
    : null;
}

export async function findNoticeByVersion(
  db: DbOrTx,
  organisationId: string,
  version: string,
): Promise<NoticeRow | null> {
  const row = await db
    .selectFrom('privacy_notices')
    .select(['id', 'version', 'url', 'body', 'effective_from'])
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row
    ? { id: row.id, version: row.version, url: row.url, body: row.body, effectiveFrom: row.effective_from }
    : null;
}

/** Adds a version; false when the organisation already has that version (versions never change). */
export async function insertNotice(
  db: DbOrTx,
  notice: Omit<NoticeRow, 'id'> & { organisationId: string; createdBy: string },
): Promise<string | null> {
  const id = randomUUID();
  const inserted = await db
    .insertInto('privacy_notices')
    .values({
      id,
      organisation_id: notice.organisationId,
      version: notice.version,
      url: notice.url,
      body: notice.body,
      effective_from: notice.effectiveFrom,
      created_by: notice.createdBy,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? id : null;
}

export async function findNoticeById(db: DbOrTx, id: string): Promise<NoticeRow | null> {
  const row = await db
    .selectFrom('privacy_notices')
    .select(['id', 'version', 'url', 'body', 'effective_from'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, version: row.version, url: row.url, body: row.body, effectiveFrom: row.effective_from }
    : null;
}
