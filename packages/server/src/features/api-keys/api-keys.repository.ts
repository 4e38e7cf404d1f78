import type { DbOrTx } from '../../db/client.ts';

const columns = [
  'id',
  'organisation_id',
  'name',
  'scopes',
  'token_prefix',
  'created_by',
  'created_at',
  'revoked_at',
  'expires_at',
  'last_used_at',
] as const;

export async function insertApiKey(
  db: DbOrTx,
  row: {
    id: string;
    organisationId: string;
    name: string;
    tokenHash: Buffer;
    tokenPrefix: string;
    scopes: string[];
    createdBy: string;
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto('api_keys')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      name: row.name,
      token_hash: row.tokenHash,
      token_prefix: row.tokenPrefix,
      scopes: row.scopes,
      created_by: row.createdBy,
      expires_at: row.expiresAt,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function listApiKeys(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('api_keys')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function findApiKeyByHash(db: DbOrTx, tokenHash: Buffer) {
  return db.selectFrom('api_keys').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Revokes the key (once: a second revoke keeps the first time). Undefined when it is not the organisation's. */
export async function revokeApiKey(db: DbOrTx, organisationId: string, id: string, now: Date) {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return db
    .selectFrom('api_keys')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

/** Records a use of the key (the caller writes at most once a minute per key). */
export async function markApiKeyUsed(db: DbOrTx, id: string, now: Date) {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
