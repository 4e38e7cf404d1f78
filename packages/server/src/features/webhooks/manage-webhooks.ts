import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  webhookDeliveryLogSize,
  type CreateWebhookBody,
  type CreatedWebhook,
  type Webhook,
  type WebhookDelivery,
} from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { refuseWebhookUrl } from './webhook-address.rules.ts';
import { toWebhook, toWebhookDelivery } from './webhooks.presenters.ts';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  setWebhookPaused,
} from './webhooks.repository.ts';
import { queueDeliveries, type WebhookQueue } from './queue-webhook-deliveries.ts';

export const webhookSecretPrefix = 'whsec_';

/**
 * Administrators add a webhook; its signing secret is returned this once. A literal address on a
 * private or internal network is refused at once (names are checked at each delivery).
 */
export async function createWebhook(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  body: z.output<typeof CreateWebhookBody>,
  options: { allowedNetworks: readonly string[] },
): Promise<CreatedWebhook> {
  const refusal = refuseWebhookUrl(body.url, options.allowedNetworks);
  if (refusal) throw new AppError('bad_request', refusal);
  const secret = webhookSecretPrefix + randomBytes(32).toString('base64url');
  const row = await insertWebhook(ctx.db, ctx.keyring, {
    id: randomUUID(),
    organisationId: admin.organisationId,
    url: body.url,
    description: body.description,
    events: [...new Set(body.events)],
    secret,
    createdBy: admin.id,
  });
  return { webhook: toWebhook(row), secret };
}

export async function listOrganisationWebhooks(ctx: ServiceContext, admin: StaffPrincipal): Promise<Webhook[]> {
  return (await listWebhooks(ctx.db, admin.organisationId)).map(toWebhook);
}

export async function readWebhook(ctx: ServiceContext, admin: StaffPrincipal, id: string): Promise<Webhook> {
  const row = await findWebhook(ctx.db, admin.organisationId, id);
  if (!row) throw notFound('The webhook');
  return toWebhook(row);
}

/** Paused: no new deliveries are made for it; resuming starts again from the next event. */
export async function pauseWebhook(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  id: string,
  paused: boolean,
): Promise<Webhook> {
  const row = await setWebhookPaused(ctx.db, admin.organisationId, id, paused ? new Date() : null);
  if (!row) throw notFound('The webhook');
  return toWebhook(row);
}

export async function removeWebhook(ctx: ServiceContext, admin: StaffPrincipal, id: string): Promise<void> {
  if (!(await deleteWebhook(ctx.db, admin.organisationId, id))) throw notFound('The webhook');
}

/** Sends a `ping` now (a paused webhook too: the administrator asked for it). */
export async function pingWebhook(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  id: string,
  queue: WebhookQueue,
): Promise<WebhookDelivery> {
  const row = await findWebhook(ctx.db, admin.organisationId, id);
  if (!row) throw notFound('The webhook');
  await queueDeliveries(ctx, queue, admin.organisationId, [row.id], { event: 'ping', data: { webhookId: row.id } });
  const [delivery] = await listDeliveries(ctx.db, admin.organisationId, row.id, 1);
  if (!delivery) throw notFound('The delivery');
  return toWebhookDelivery(delivery);
}

/** The delivery log: the newest deliveries first, with each attempt's outcome. */
export async function listWebhookDeliveries(
  ctx: ServiceContext,
  admin: StaffPrincipal,
  id: string,
): Promise<WebhookDelivery[]> {
  const row = await findWebhook(ctx.db, admin.organisationId, id);
  if (!row) throw notFound('The webhook');
  return (await listDeliveries(ctx.db, admin.organisationId, row.id, webhookDeliveryLogSize)).map(toWebhookDelivery);
}
