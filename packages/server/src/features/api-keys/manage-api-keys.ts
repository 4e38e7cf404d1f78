import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { insertApiKey, listApiKeys, revokeApiKey } from './api-keys.repository.ts';
import { toApiKey } from './api-keys.presenters.ts';
import { apiKeyTokenPrefix, expiryOf, visiblePrefix } from './api-keys.rules.ts';

export const hashApiKeyToken = (token: string) => createHash('sha256').update(token).digest();

/** Administrators create a key; its token is returned this once and only its hash is stored. */
export async function createApiKey(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  body: z.output<typeof CreateApiKeyBody>,
): Promise<CreatedApiKey> {
  const token = apiKeyTokenPrefix + randomBytes(32).toString('base64url');
  const row = await insertApiKey(ctx.db, {
    id: randomUUID(),
    organisationId: admin.organisationId,
    name: body.name,
    tokenHash: hashApiKeyToken(token),
    tokenPrefix: visiblePrefix(token),
    scopes: [...new Set(body.scopes)],
    createdBy: admin.id,
    expiresAt: expiryOf(new Date(), body.expiresInDays ?? null),
  });
  return { apiKey: toApiKey(row), token };
}

export async function listOrganisationApiKeys(ctx: ServiceContext, admin: StaffPrincipal): Promise<ApiKey[]> {
  return (await listApiKeys(ctx.db, admin.organisationId)).map(toApiKey);
}

/** A revoked key is refused from the next request on; revoking twice is harmless. */
export async function revokeOrganisationApiKey(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  id: string,
): Promise<ApiKey> {
  const row = await revokeApiKey(ctx.db, admin.organisationId, id, new Date());
  if (!row) throw notFound('The API key');
  return toApiKey(row);
}
