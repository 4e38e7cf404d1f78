import type { PgBoss } from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { auditKeysOf } from './audit-key.ts';
import { writeAuditCheckpoint } from './write-audit-checkpoint.ts';

export const auditCheckpointQueue = 'audit-checkpoint';

/** Writes a signed checkpoint on a schedule (ADR 26), on one node at a time. */
export async function registerAuditCheckpointJobs(
  db: Db,
  boss: PgBoss,
  options: { dir: string; cron: string },
): Promise<void> {
  const keys = auditKeysOf(db);
  await boss.createQueue(auditCheckpointQueue, {
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 600,
  });
  await boss.work(auditCheckpointQueue, async (jobs) => {
    for (const _job of jobs) await writeAuditCheckpoint(db, keys, { dir: options.dir });
  });
  await boss.schedule(auditCheckpointQueue, options.cron, null, { tz: 'Europe/London' });
}
