import { z } from 'zod';
import { ApiKey, CreateApiKeyBody, CreatedApiKey } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import {
  createApiKey,
  listOrganisationApiKeys,
  revokeOrganisationApiKey,
} from '../../features/api-keys/manage-api-keys.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/** Integration API keys (ADR 15): administrators only. */
export function registerApiKeyRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'api-keys';
  api.route(
    {
      method: 'POST',
      url: '/api/api-keys',
      summary: 'Create an API key (its token is shown this once)',
      tag,
      access: 'admin',
      body: CreateApiKeyBody,
      response: CreatedApiKey,
      status: 201,
    },
    async ({ body, request }) => createApiKey(ctx, staffOf(request), body),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/api-keys',
      summary: 'API keys, newest first (never their tokens)',
      tag,
      access: 'admin',
      response: z.object({ apiKeys: z.array(ApiKey) }),
    },
    async ({ request }) => ({ apiKeys: await listOrganisationApiKeys(ctx, staffOf(request)) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/api-keys/:id/revoke',
      summary: 'Revoke an API key',
      tag,
      access: 'admin',
      params: z.object({ id: z.uuid('That is not an API key id') }),
      response: z.object({ apiKey: ApiKey }),
    },
    async ({ params, request }) => ({ apiKey: await revokeOrganisationApiKey(ctx, staffOf(request), params.id) }),
  );
}
