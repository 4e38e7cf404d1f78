import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { createLogger, createServiceContext } from '../app.ts';
import { runRetention, type RetentionRun } from '../features/retention/run-retention.ts';
import { sweepOutbox, withOutboxOutcomes } from '../features/retention/sweep-outbox.ts';
import { expireChannels, withChannelOutcomes } from '../features/retention/expire-channels.ts';
import { outboxDirIn } from '../features/mail/mailer.ts';
import { withDatabase } from './with-database.ts';

const day = (date: Date) =>
  date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');

/** What a run did (or would do), category by category: counts and rules, never personal data. */
export function describeRun(run: RetentionRun): string {
  const lines = [
    run.dryRun ? 'Dry run: nothing was deleted. Due for deletion now:' : `Retention run ${run.jobId}: deleted`,
  ];
  for (const organisation of run.organisations) {
    lines.push(`  ${organisation.slug}`);
    for (const o of organisation.outcomes) {
      const oldest = run.dryRun && o.oldestExpiry ? `, oldest expired ${day(o.oldestExpiry)}` : '';
      const unit: string = o.count === 1 ? o.unit.slice(0, -1) : o.unit;
      lines.push(`    ${o.category.padEnd(18)} ${String(o.count).padStart(8)} ${unit.padEnd(16)} (${o.rule}${oldest})`);
    }
  }
  return lines.join('\n');
}

/**
 * `ward retention run [--dry-run]`: delete what has expired and is not held, once, now: the
 * conversations, then cases, form submissions, emails on cases and customer records, then the
 * emails in the data folder's outbox (as the hourly job does).
 */
export async function retentionRun(config: Config, options: { dryRun: boolean }): Promise<void> {
  await withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const now = new Date();
    const jobId = `command-${randomUUID()}`;
    const run = await runRetention(ctx, { now, jobId, dryRun: options.dryRun });
    const channels = await expireChannels(ctx, { now, jobId, dryRun: options.dryRun });
    const swept = await sweepOutbox(ctx.db, {
      outboxDir: outboxDirIn(config.dataDir),
      now,
      jobId,
      dryRun: options.dryRun,
    });
    console.log(describeRun(withOutboxOutcomes(withChannelOutcomes(run, channels), swept)));
  });
}
