import { z } from 'zod';
import { CreateWebhookBody, CreatedWebhook, Webhook, WebhookDelivery } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import {
  createWebhook,
  listOrganisationWebhooks,
  listWebhookDeliveries,
  pauseWebhook,
  pingWebhook,
  readWebhook,
  removeWebhook,
} from '../../features/webhooks/manage-webhooks.ts';
import type { WebhookQueue } from '../../features/webhooks/queue-webhook-deliveries.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/** Outgoing webhooks (ADR 24): administrators only. */
export function registerWebhookRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { allowedNetworks: readonly string[]; queue: WebhookQueue },
): void {
  const tag = 'webhooks';
  const params = z.object({ id: z.uuid('That is not a webhook id') });
  const one = z.object({ webhook: Webhook });

  api.route(
    {
      method: 'POST',
      url: '/api/webhooks',
      summary: 'Add a webhook (its signing secret is shown this once)',
      tag,
      access: 'admin',
      body: CreateWebhookBody,
      response: CreatedWebhook,
      status: 201,
    },
    async ({ body, request }) => createWebhook(ctx, staffOf(request), body, options),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/webhooks',
      summary: 'Webhooks, newest first (never their secrets)',
      tag,
      access: 'admin',
      response: z.object({ webhooks: z.array(Webhook) }),
    },
    async ({ request }) => ({ webhooks: await listOrganisationWebhooks(ctx, staffOf(request)) }),
  );

  api.route(
    { method: 'GET', url: '/api/webhooks/:id', summary: 'A webhook', tag, access: 'admin', params, response: one },
    async ({ params, request }) => ({ webhook: await readWebhook(ctx, staffOf(request), params.id) }),
  );

  for (const [verb, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    api.route(
      {
        method: 'POST',
        url: `/api/webhooks/:id/${verb}`,
        summary: paused ? 'Pause a webhook: nothing new is sent to it' : 'Resume a paused webhook',
        tag,
        access: 'admin',
        params,
        response: one,
      },
      async ({ params, request }) => ({ webhook: await pauseWebhook(ctx, staffOf(request), params.id, paused) }),
    );
  }

  api.route(
    {
      method: 'DELETE',
      url: '/api/webhooks/:id',
      summary: 'Delete a webhook and its delivery log',
      tag,
      access: 'admin',
      params,
    },
    async ({ params, request }) => {
      await removeWebhook(ctx, staffOf(request), params.id);
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/webhooks/:id/ping',
      summary: 'Send a test ping to a webhook',
      tag,
      access: 'admin',
      params,
      response: z.object({ delivery: WebhookDelivery }),
      status: 202,
    },
    async ({ params, request }) => ({
      delivery: await pingWebhook(ctx, staffOf(request), params.id, options.queue),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/webhooks/:id/deliveries',
      summary: "A webhook's delivery log: the newest 50 deliveries and each attempt's outcome",
      tag,
      access: 'admin',
      params,
      response: z.object({ deliveries: z.array(WebhookDelivery) }),
    },
    async ({ params, request }) => ({ deliveries: await listWebhookDeliveries(ctx, staffOf(request), params.id) }),
  );
}
