import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../shared/service-context.ts';
import { webhookBody, type WebhookMessage } from './webhook-events.rules.ts';
import { insertDeliveries, listListeningWebhooks } from './webhooks.repository.ts';

/** Queues a delivery's job (pg-boss in production): `deliveryId` is all it carries. */
export type WebhookQueue = { enqueue: (deliveryId: string, startAfter?: Date) => Promise<void> };

/** Writes one delivery row per webhook, then queues each: the row is durable before any job runs. */
export async function queueDeliveries(
  ctx: ServiceContext,
  queue: WebhookQueue,
  organisationId: string,
  webhookIds: readonly string[],
  message: WebhookMessage,
): Promise<void> {
  const at = new Date();
  const rows = webhookIds.map((webhookId) => {
    const id = randomUUID();
    return {
      id,
      organisationId,
      webhookId,
      event: message.event,
      body: webhookBody(message, id, at),
      at,
    };
  });
  await insertDeliveries(ctx.db, rows);
  for (const row of rows) await queue.enqueue(row.id);
}

/** Every message to every webhook listening to its event. */
export async function announce(
  ctx: ServiceContext,
  queue: WebhookQueue,
  organisationId: string,
  messages: readonly WebhookMessage[],
) {
  for (const message of messages) {
    if (message.event === 'ping') continue;
    const hooks = await listListeningWebhooks(ctx.db, organisationId, message.event);
    if (hooks.length > 0)
      await queueDeliveries(
        ctx,
        queue,
        organisationId,
        hooks.map((h) => h.id),
        message,
      );
  }
}
