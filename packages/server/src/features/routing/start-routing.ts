import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { createRoutingScheduler, type RoutingScheduler } from './routing-scheduler.ts';
import { markIdleAgentsAway } from './agent-status.ts';
import { chatTopic } from './routing.repository.ts';

/**
 * Routing runs when a chat is queued, when an agent becomes available, when a chat ends (its agent
 * has room), and every minute as a safety net (a node that stopped mid-pass, an agent's row lock
 * that was busy), which also makes idle agents away. Returns the node's scheduler.
 */
export function startRouting(ctx: ServiceContext, report: (error: unknown) => void): RoutingScheduler {
  const scheduler = createRoutingScheduler(ctx, report);
  ctx.events.subscribe('conversation.started', ({ conversationId }) => {
    scheduler.track(
      chatTopic(ctx.db, conversationId).then((topicId) => {
        const department = ctx.organisation.settings.topics.find((topic) => topic.id === topicId)?.department;
        if (department) scheduler.request(department);
      }),
    );
  });
  ctx.events.subscribe('conversation.ended', () => scheduler.requestAll());
  ctx.events.subscribe('routing.department-changed', ({ departmentId }) => scheduler.request(departmentId));
  ctx.events.subscribe('agent.status-changed', ({ status }) => {
    if (status === 'available') scheduler.requestAll();
  });
  return scheduler;
}

export const routingQueue = 'routing';

/** Every minute, on one node at a time: idle agents away, then every department routed. */
export async function registerRoutingJobs(
  ctx: ServiceContext,
  boss: PgBoss,
  scheduler: RoutingScheduler,
  options: { awayMinutes: number },
): Promise<void> {
  await boss.createQueue(routingQueue, { policy: 'stately', retryLimit: 1, expireInSeconds: 300 });
  await boss.work(routingQueue, async () => {
    await markIdleAgentsAway(ctx, options.awayMinutes);
    scheduler.requestAll();
    await scheduler.settled();
  });
  await boss.schedule(routingQueue, '* * * * *', null, { tz: 'Europe/London' });
}
