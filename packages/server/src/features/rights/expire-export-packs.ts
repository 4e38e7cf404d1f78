import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { deleteExpiredExportPacks } from './export-packs.repository.ts';

/**
 * Export packs (ADR 34) are deleted when they expire: every hour, on one node at a time, the
 * content of each pack past its expiry (its link's, once sent) becomes NULL. A purged request
 * takes its packs with it.
 */
export async function expireExportPacks(ctx: ServiceContext, now = new Date()): Promise<number> {
  return deleteExpiredExportPacks(ctx.db, ctx.organisation.id, now);
}

export const exportPackExpiryQueue = 'rights-export-expiry';

export async function registerExportPackExpiryJob(ctx: ServiceContext, boss: PgBoss): Promise<void> {
  await boss.createQueue(exportPackExpiryQueue, { policy: 'stately', retryLimit: 3, retryDelay: 300 });
  await boss.work(exportPackExpiryQueue, async () => {
    await expireExportPacks(ctx);
  });
  await boss.schedule(exportPackExpiryQueue, '23 * * * *', null, { tz: 'Europe/London', missed: 'once' });
}
