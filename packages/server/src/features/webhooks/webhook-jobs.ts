import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { attemptWebhookDelivery } from './attempt-webhook-delivery.ts';
import { deliveryRetentionDays } from './webhook-backoff.rules.ts';
import { caseMessages, chatMessage, type WebhookMessage } from './webhook-events.rules.ts';
import { announce, type WebhookQueue } from './queue-webhook-deliveries.ts';
import { deleteDeliveriesBefore, listDueDeliveries, readCaseFacts, readChatFacts } from './webhooks.repository.ts';

const deliveryQueue = 'webhook-delivery';
const sweepQueue = 'webhook-sweep';
/** A delivery still due this long after its time lost its job (or its node): the sweep queues it again. */
const lostAfterMs = 2 * 60_000;

/**
 * Outgoing webhooks (ADR 24). Domain events become delivery rows (ids, statuses and times only),
 * each sent by a pg-boss job carrying only the delivery's id. Every quarter of an hour the sweep
 * queues deliveries whose job was lost and deletes deliveries older than 30 days.
 */
export async function registerWebhookJobs(
  ctx: ServiceContext,
  boss: PgBoss,
  options: { allowedNetworks: readonly string[] },
): Promise<WebhookQueue> {
  await boss.createQueue(deliveryQueue, { retryLimit: 0 });
  const queue: WebhookQueue = {
    enqueue: async (deliveryId, startAfter) => {
      await boss.send(deliveryQueue, { deliveryId }, startAfter ? { startAfter } : {});
    },
  };
  await boss.work<{ deliveryId: string }>(deliveryQueue, { batchSize: 5 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const next = await attemptWebhookDelivery(ctx, job.data.deliveryId, options);
        if (next) await queue.enqueue(job.data.deliveryId, next);
      }),
    );
  });

  const announceAll = (organisationId: string, messages: WebhookMessage[]) =>
    announce(ctx, queue, organisationId, messages);
  const chat = (event: 'chat.started' | 'chat.accepted' | 'chat.ended') =>
    async function ({ organisationId, conversationId }: { organisationId: string; conversationId: string }) {
      const facts = await readChatFacts(ctx.db, conversationId);
      if (!facts) return;
      const messages = [chatMessage(event, facts)];
      // A chat opens its case as it starts (ADR 14): announced as any other new case.
      if (event === 'chat.started' && facts.caseId) {
        const opened = await readCaseFacts(ctx.db, facts.caseId);
        if (opened) messages.push(...caseMessages(opened, { from: null, to: opened.status }));
      }
      await announceAll(organisationId, messages);
    };
  ctx.events.subscribe('conversation.started', chat('chat.started'));
  ctx.events.subscribe('conversation.accepted', chat('chat.accepted'));
  ctx.events.subscribe('conversation.ended', chat('chat.ended'));
  ctx.events.subscribe('case.changed', async ({ organisationId, caseId, status }) => {
    const facts = await readCaseFacts(ctx.db, caseId);
    if (facts) await announceAll(organisationId, caseMessages(facts, status));
  });

  await boss.createQueue(sweepQueue, { policy: 'stately' });
  await boss.work(sweepQueue, async () => {
    await sweepWebhookDeliveries(ctx, queue, new Date());
  });
  await boss.schedule(sweepQueue, '*/15 * * * *', null, { tz: 'Europe/London' });
  return queue;
}

/** Queues deliveries whose job was lost, and deletes deliveries older than 30 days. */
export async function sweepWebhookDeliveries(
  ctx: ServiceContext,
  queue: WebhookQueue,
  now: Date,
): Promise<{ requeued: number; deleted: number }> {
  const due = await listDueDeliveries(ctx.db, new Date(now.getTime() - lostAfterMs));
  for (const id of due) await queue.enqueue(id);
  const deleted = await deleteDeliveriesBefore(ctx.db, new Date(now.getTime() - deliveryRetentionDays * 86_400_000));
  return { requeued: due.length, deleted };
}
