import type { WebhookAttempt } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { nextAttemptAt } from './webhook-backoff.rules.ts';
import { sendWebhook, webhookTimeoutMs } from './webhook-client.ts';
import { webhookHeaders } from './webhook-signature.ts';
import { claimDelivery, recordAttempt } from './webhooks.repository.ts';

/**
 * One attempt of one delivery: claim it (so no other node sends it at the same time), sign and send,
 * record the outcome. A failure is tried again on the back-off schedule (webhook-backoff.rules.ts);
 * a refused address is final. Returns when the next attempt is due (null: none).
 */
export async function attemptWebhookDelivery(
  ctx: ServiceContext,
  deliveryId: string,
  options: { allowedNetworks: readonly string[]; now?: () => Date; jitter?: () => number },
): Promise<Date | null> {
  const now = options.now ?? (() => new Date());
  const started = now();
  // Longer than one attempt can take: a node that stops mid-attempt leaves it due again after this.
  const lease = new Date(started.getTime() + webhookTimeoutMs * 6);
  const delivery = await claimDelivery(ctx.db, ctx.keyring, deliveryId, started, lease);
  if (!delivery) return null;
  const headers = webhookHeaders({
    webhookId: delivery.webhookId,
    deliveryId: delivery.id,
    event: delivery.event,
    secret: delivery.secret,
    body: delivery.body,
    now: started,
  });
  const outcome = await sendWebhook(delivery.url, headers, delivery.body, { allowedNetworks: options.allowedNetworks });
  const attempt = delivery.attempts + 1;
  const next =
    outcome.ok || outcome.errorKind === 'address-not-allowed'
      ? null
      : nextAttemptAt(attempt, now(), (options.jitter ?? Math.random)());
  const entry: WebhookAttempt = {
    attempt,
    at: started.toISOString(),
    statusCode: outcome.statusCode,
    errorKind: outcome.errorKind,
    durationMs: outcome.durationMs,
    nextAttemptAt: next ? next.toISOString() : null,
  };
  await recordAttempt(ctx.db, delivery.id, {
    state: outcome.ok ? 'delivered' : next ? 'pending' : 'failed',
    attemptLog: [...delivery.attemptLog, entry],
  });
  return next;
}
