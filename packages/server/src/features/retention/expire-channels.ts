import type { Db } from '../../db/client.ts';
import { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { recordDestruction, listOrganisations } from './retention.repository.ts';
import type { ChannelOutcome } from './retention-batches.ts';
import type { RetentionRun } from './run-retention.ts';
import { expireCases } from './expire-cases.ts';
import { expireEmails } from './expire-emails.ts';
import { expireFormSubmissions } from './expire-form-submissions.ts';
import { expireRecords } from './expire-records.ts';
import { expireContactEvents } from './expire-contact-events.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';

export type ChannelRunOptions = {
  now: Date;
  jobId: string;
  dryRun?: boolean;
  /** Rows per transaction (smaller than a conversation step's: these rows are wider). */
  batchSize?: number;
  /** Rest between batches, as in run-retention.ts. */
  pauseBetweenBatchesMs?: number;
};

export type ChannelRun = Array<{ slug: string; outcomes: ChannelOutcome[] }>;

/**
 * Retention of what came with customer records, for every organisation, after the conversations
 * (run-retention.ts) and on the same clock: cases, form submissions and emails on cases, then the
 * records themselves (last: a record goes only once nothing of its contacts holds personal data).
 * Writes one destruction-log row per step (per category for forms, and emails and attachments
 * apart), never personal data.
 */
export async function expireChannels(deps: { db: Db }, options: ChannelRunOptions): Promise<ChannelRun> {
  const { db } = deps;
  const { now, jobId, dryRun = false, batchSize = 200, pauseBetweenBatchesMs = 50 } = options;
  const run: ChannelRun = [];
  for (const organisation of await listOrganisations(db)) {
    const settings = OrganisationSettings.parse(organisation.settings);
    const step = {
      db,
      organisationId: organisation.id,
      settings: settings.retention,
      forms: formsOf(settings),
      now,
      jobId,
      dryRun,
      batchSize,
      pauseBetweenBatchesMs,
    };
    const outcomes: ChannelOutcome[] = [
      await expireCases(step),
      ...(await expireFormSubmissions(step)),
      ...(await expireEmails(step)),
      await expireRecords(step),
      await expireContactEvents(step),
    ];
    if (!dryRun) {
      await recordDestruction(
        db,
        outcomes.map((o) => ({
          organisationId: organisation.id,
          category: o.category,
          rule: o.rule,
          count: o.count,
          runAt: now,
          jobId,
          unit: o.unit,
        })),
      );
    }
    run.push({ slug: organisation.slug, outcomes });
  }
  return run;
}

/**
 * A retention run with each organisation's channel outcomes after its conversation categories (for `ward retention
 * run`).
 */
export function withChannelOutcomes(run: RetentionRun, channels: ChannelRun): RetentionRun {
  return {
    ...run,
    organisations: run.organisations.map((organisation) => ({
      ...organisation,
      outcomes: [
        ...organisation.outcomes,
        ...channels.filter((c) => c.slug === organisation.slug).flatMap((c) => c.outcomes),
      ],
    })),
  };
}
