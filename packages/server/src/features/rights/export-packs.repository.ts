import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { open, seal } from '../crypto/envelope.ts';
import { loadSubjectKeys } from '../crypto/subject-keys.ts';

/**
 * Built export packs (ADR 34, migration 0027): the ZIP sealed under the request's own data
 * subject key, the resident's link kept only as its SHA-256, and the messages withheld per request.
 */
export type ExportPackRow = {
  id: string;
  requestId: string;
  dataSubjectId: string;
  size: number;
  sha256: string;
  files: Array<{ name: string; bytes: number }>;
  builtAt: Date;
  expiresAt: Date;
  linkSentAt: Date | null;
  linkDownloadsLeft: number | null;
  available: boolean;
};

const place = (id: string) => `rights_export_packs.content:${id}`;

export async function insertExportPack(
  db: DbOrTx,
  keyring: Keyring,
  pack: {
    id: string;
    organisationId: string;
    requestId: string;
    dataSubjectId: string;
    zip: Buffer;
    sha256: string;
    files: Array<{ name: string; bytes: number }>;
    builtBy: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  const key = (await loadSubjectKeys(db, keyring, [pack.dataSubjectId])).get(pack.dataSubjectId);
  if (!key) throw new Error('The request’s key was destroyed');
  await db
    .insertInto('rights_export_packs')
    .values({
      id: pack.id,
      organisation_id: pack.organisationId,
      request_id: pack.requestId,
      data_subject_id: pack.dataSubjectId,
      content: seal(key, pack.zip, place(pack.id)),
      size: pack.zip.length,
      sha256: pack.sha256,
      files: JSON.stringify(pack.files),
      built_by: pack.builtBy,
      expires_at: pack.expiresAt,
    })
    .execute();
}

function selectPacks(db: DbOrTx) {
  return db
    .selectFrom('rights_export_packs')
    .select([
      'id',
      'organisation_id',
      'request_id',
      'data_subject_id',
      'size',
      'sha256',
      'files',
      'built_at',
      'expires_at',
      'link_sent_at',
      'link_downloads_left',
      sql<boolean>`content IS NOT NULL`.as('available'),
    ]);
}
type PackSelection = Awaited<ReturnType<ReturnType<typeof selectPacks>['executeTakeFirstOrThrow']>>;

const toPack = (row: PackSelection): ExportPackRow => ({
  id: row.id,
  requestId: row.request_id,
  dataSubjectId: row.data_subject_id,
  size: row.size,
  sha256: row.sha256,
  files: row.files,
  builtAt: row.built_at,
  expiresAt: row.expires_at,
  linkSentAt: row.link_sent_at,
  linkDownloadsLeft: row.link_downloads_left,
  available: row.available,
});

/** A request's packs, newest first. */
export async function listExportPacks(db: DbOrTx, organisationId: string, requestId: string): Promise<ExportPackRow[]> {
  const rows = await selectPacks(db)
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .orderBy('built_at', 'desc')
    .limit(20)
    .execute();
  return rows.map(toPack);
}

export async function findExportPack(
  db: DbOrTx,
  organisationId: string,
  requestId: string,
  packId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ExportPackRow | null> {
  let query = selectPacks(db)
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .where('id', '=', packId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toPack(row) : null;
}

/** The pack a link's token opens, locked for the download that counts. */
export async function findExportPackByLink(
  db: DbOrTx,
  tokenHash: Buffer,
): Promise<(ExportPackRow & { organisationId: string }) | null> {
  const row = await selectPacks(db).where('link_token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
  return row ? { ...toPack(row), organisationId: row.organisation_id } : null;
}

/** The ZIP, opened with the request's key; null once deleted (or the key destroyed). */
export async function openExportPackContent(db: DbOrTx, keyring: Keyring, pack: ExportPackRow): Promise<Buffer | null> {
  const row = await db.selectFrom('rights_export_packs').select('content').where('id', '=', pack.id).executeTakeFirst();
  if (!row?.content) return null;
  const key = (await loadSubjectKeys(db, keyring, [pack.dataSubjectId])).get(pack.dataSubjectId);
  return key ? open(key, row.content, place(pack.id)) : null;
}

/** The request's data key, for the link email in the outbox; null once destroyed. */
export async function exportPackKey(db: DbOrTx, keyring: Keyring, pack: ExportPackRow): Promise<Buffer | null> {
  return (await loadSubjectKeys(db, keyring, [pack.dataSubjectId])).get(pack.dataSubjectId) ?? null;
}

export async function setExportPackLink(
  db: DbOrTx,
  packId: string,
  link: { tokenHash: Buffer; sentAt: Date; expiresAt: Date; downloads: number },
): Promise<void> {
  await db
    .updateTable('rights_export_packs')
    .set({
      link_token_hash: link.tokenHash,
      link_sent_at: link.sentAt,
      link_downloads_left: link.downloads,
      expires_at: link.expiresAt,
    })
    .where('id', '=', packId)
    .execute();
}

/** Counts one download by link; the last one deletes the content. */
export async function countLinkDownload(db: DbOrTx, packId: string, now: Date): Promise<void> {
  await db
    .updateTable('rights_export_packs')
    .set((eb) => ({
      link_downloads_left: eb('link_downloads_left', '-', 1),
      content: sql<Buffer | null>`CASE WHEN link_downloads_left <= 1 THEN NULL ELSE content END`,
      deleted_at: sql<Date | null>`CASE WHEN link_downloads_left <= 1 THEN ${now}::timestamptz ELSE deleted_at END`,
    }))
    .where('id', '=', packId)
    .execute();
}

/** Deletes the content of every pack past its expiry; returns how many. */
export async function deleteExpiredExportPacks(db: DbOrTx, organisationId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('rights_export_packs')
    .set({ content: null, deleted_at: now })
    .where('organisation_id', '=', organisationId)
    .where('content', 'is not', null)
    .where('expires_at', '<', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the content of a request's packs (its resident was erased: the copies go too). */
export async function deleteRequestExportPacks(db: DbOrTx, requestId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('rights_export_packs')
    .set({ content: null, deleted_at: now, link_token_hash: null })
    .where('request_id', '=', requestId)
    .where('content', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes the content of every pack built for a request that confirmed one of these records or
 * cases: another request about the same resident (an access request) holds copies of what was
 * erased. More than the erased items may go; a pack can be built again.
 */
export async function deleteExportPacksCovering(
  db: DbOrTx,
  organisationId: string,
  recordAndCaseIds: readonly string[],
  now: Date,
): Promise<number> {
  if (recordAndCaseIds.length === 0) return 0;
  const result = await db
    .updateTable('rights_export_packs')
    .set({ content: null, deleted_at: now, link_token_hash: null })
    .where('organisation_id', '=', organisationId)
    .where('content', 'is not', null)
    .where('request_id', 'in', (q) =>
      q
        .selectFrom('rights_request_items')
        .select('request_id')
        .where('organisation_id', '=', organisationId)
        .where('item_id', 'in', [...recordAndCaseIds]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Withheld messages ----

export type MessagePlace = { conversationId: string; seq: number };

export async function listWithheld(db: DbOrTx, organisationId: string, requestId: string): Promise<MessagePlace[]> {
  const rows = await db
    .selectFrom('rights_request_withheld')
    .select(['conversation_id', 'seq'])
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .orderBy('conversation_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ conversationId: r.conversation_id, seq: r.seq }));
}

/** Replaces a request's list of withheld messages. */
export async function replaceWithheld(
  db: DbOrTx,
  change: { organisationId: string; requestId: string; markedBy: string; messages: readonly MessagePlace[] },
): Promise<void> {
  await db
    .deleteFrom('rights_request_withheld')
    .where('organisation_id', '=', change.organisationId)
    .where('request_id', '=', change.requestId)
    .execute();
  if (change.messages.length === 0) return;
  await db
    .insertInto('rights_request_withheld')
    .values(
      change.messages.map((m) => ({
        request_id: change.requestId,
        organisation_id: change.organisationId,
        conversation_id: m.conversationId,
        seq: m.seq,
        marked_by: change.markedBy,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
