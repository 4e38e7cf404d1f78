import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { describePeriod, expiredBefore } from '../retention/retention.rules.ts';
import { recordDestruction } from '../retention/retention.repository.ts';
import { deleteRequestsClosedBefore } from './rights.repository.ts';

/**
 * Retention of residents' rights requests (ADR 28): a request and its history go the period in
 * `settings.retention['rights-requests']` (24 months by default) after it closed, with the
 * requester's key, and the destruction log says how many (no personal data).
 */
export async function purgeRightsRequests(ctx: ServiceContext, run: { now: Date; jobId: string }): Promise<number> {
  const period = ctx.organisation.settings.retention['rights-requests'];
  return ctx.db.transaction().execute(async (tx) => {
    const count = await deleteRequestsClosedBefore(tx, ctx.organisation.id, expiredBefore(run.now, period), run.now);
    await recordDestruction(
      tx,
      count === 0
        ? []
        : [
            {
              organisationId: ctx.organisation.id,
              category: 'rights-requests',
              rule: `${describePeriod(period)} after the request closed`,
              count,
              runAt: run.now,
              jobId: run.jobId,
            },
          ],
    );
    return count;
  });
}

export const rightsRetentionQueue = 'rights-retention';

/** Every hour, on one node at a time, like the retention job. */
export async function registerRightsRetentionJob(ctx: ServiceContext, boss: PgBoss): Promise<void> {
  await boss.createQueue(rightsRetentionQueue, { policy: 'stately', retryLimit: 3, retryDelay: 300 });
  await boss.work(rightsRetentionQueue, async (jobs) => {
    for (const job of jobs) await purgeRightsRequests(ctx, { now: new Date(), jobId: job.id });
  });
  await boss.schedule(rightsRetentionQueue, '17 * * * *', null, { tz: 'Europe/London', missed: 'once' });
}
