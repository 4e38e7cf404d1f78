import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { runRetention } from './run-retention.ts';
import { expireChannels } from './expire-channels.ts';
import { sweepOutbox } from './sweep-outbox.ts';
import { expirePrivacyChoicesLinks } from '../consents/withdraw-consent.ts';

export const retentionQueue = 'retention';

/**
 * The retention job: every hour (and once after downtime), on one node at a time. The job holds
 * no data; what it deleted goes to the destruction log. Conversations first, then cases, form
 * submissions, emails on cases and customer records. With `outboxDir` (the embedded default's
 * transcript outbox) expired outbox emails go in the same run, on the same clock.
 */
export async function registerRetentionJobs(
  ctx: ServiceContext,
  boss: PgBoss,
  options: { now?: () => Date; cron?: string; outboxDir?: string } = {},
): Promise<void> {
  const now = options.now ?? (() => new Date());
  await boss.createQueue(retentionQueue, { policy: 'stately', retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 });
  await boss.work(retentionQueue, async (jobs) => {
    for (const job of jobs) {
      const at = now();
      await runRetention(ctx, { now: at, jobId: job.id });
      await expireChannels(ctx, { now: at, jobId: job.id });
      if (options.outboxDir) await sweepOutbox(ctx.db, { outboxDir: options.outboxDir, now: at, jobId: job.id });
      await expirePrivacyChoicesLinks(ctx.db, at);
    }
  });
  await boss.schedule(retentionQueue, options.cron ?? '7 * * * *', null, { tz: 'Europe/London', missed: 'once' });
}
