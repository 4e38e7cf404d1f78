import type { ApiKeyScope } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findApiKeyByHash, markApiKeyUsed } from './api-keys.repository.ts';
import { keyAllows, keyIsLive, looksLikeApiKey, shouldMarkUse } from './api-keys.rules.ts';
import { hashApiKeyToken } from './manage-api-keys.ts';

/** The system calling with an API key: the audit trail and created_by name the key. */
export type ApiKeyPrincipal = { id: string; name: string; organisationId: string };

/** The key behind a bearer token, when it is the organisation's, live, and holds the scope. */
export async function apiKeyForToken(ctx: ServiceContext, token: string, scope: ApiKeyScope): Promise<ApiKeyPrincipal> {
  const row = looksLikeApiKey(token) ? await findApiKeyByHash(ctx.db, hashApiKeyToken(token)) : undefined;
  const now = new Date();
  if (!row || row.organisation_id !== ctx.organisation.id || row.revoked_at !== null) {
    throw new AppError('unauthenticated', 'This API key is not valid or has been revoked');
  }
  const key = { scopes: row.scopes, revokedAt: row.revoked_at, expiresAt: row.expires_at };
  if (!keyIsLive(key, now)) throw new AppError('unauthenticated', 'This API key has expired: ask for a new one');
  if (!keyAllows(key, scope, now)) throw new AppError('forbidden', `This API key does not have the ${scope} scope`);
  if (shouldMarkUse(row.last_used_at, now)) await markApiKeyUsed(ctx.db, row.id, now);
  return { id: row.id, name: row.name, organisationId: row.organisation_id };
}
