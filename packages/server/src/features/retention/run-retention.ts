import { deletedByRetentionMarker } from '@ward/protocol';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { OrganisationSettings } from '../organisations/organisation-settings.ts';
import { categoryExpiredBefore, categoryExpiresAt, enforcedCategories, ruleFor, unitOf, type EnforcedCategory } from './retention.rules.ts';
import {
  countDue,
  deleteDueMessages,
  deleteDuePersonalData,
  deleteDueSurveyAnswers,
  listOrganisations,
  recordDestruction,
  type DueScope,
} from './retention.repository.ts';

export type CategoryOutcome = {
  category: EnforcedCategory;
  rule: string;
  unit: 'messages' | 'conversations';
  /** Deleted (or, in a dry run, that would be deleted). */
  count: number;
  /** Dry run only: when the longest-expired of them expired. */
  oldestExpiry: Date | null;
};

export type RetentionRun = { jobId: string; runAt: Date; dryRun: boolean; organisations: Array<{ slug: string; outcomes: CategoryOutcome[] }> };

export type RetentionOptions = {
  now: Date;
  jobId: string;
  dryRun?: boolean;
  /** Rows per transaction: small enough that live chat never waits long behind the job. */
  batchSize?: number;
};

/**
 * Deletes what has expired and is not held, for every organisation, category by category:
 * transcripts, consent evidence, then the conversation's personal data, then survey answers.
 * Each batch is its own short transaction that skips rows locked by live traffic, so the job can
 * run beside chat, be stopped, and run again. Writes one destruction-log row per category.
 */
export async function runRetention(deps: { db: Db; keyring: Keyring }, options: RetentionOptions): Promise<RetentionRun> {
  const { db } = deps;
  const { now, jobId, dryRun = false, batchSize = 1000 } = options;
  const run: RetentionRun = { jobId, runAt: now, dryRun, organisations: [] };
  for (const organisation of await listOrganisations(db)) {
    const settings = OrganisationSettings.parse(organisation.settings).retention;
    const outcomes: CategoryOutcome[] = [];
    for (const category of enforcedCategories) {
      const scope: DueScope = { organisationId: organisation.id, cutoff: categoryExpiredBefore(category, now, settings), now };
      const outcome = { category, rule: ruleFor(category, settings), unit: unitOf(category), count: 0, oldestExpiry: null as Date | null };
      if (dryRun) {
        const due = await countDue(db, category, scope);
        outcome.count = due.count;
        outcome.oldestExpiry = due.oldestContact ? categoryExpiresAt(category, due.oldestContact, settings) : null;
      } else {
        outcome.count = await deleteAll(deps, category, scope, batchSize);
      }
      outcomes.push(outcome);
    }
    if (!dryRun) {
      await recordDestruction(
        db,
        outcomes.map((o) => ({ organisationId: organisation.id, category: o.category, rule: o.rule, count: o.count, runAt: now, jobId })),
      );
    }
    run.organisations.push({ slug: organisation.slug, outcomes });
  }
  return run;
}

async function deleteAll(deps: { db: Db; keyring: Keyring }, category: EnforcedCategory, scope: DueScope, batchSize: number): Promise<number> {
  const batch = (): Promise<number> => {
    switch (category) {
      case 'chat-transcripts':
        return deleteDueMessages(deps.db, false, scope, batchSize);
      case 'consent-evidence':
        return deleteDueMessages(deps.db, true, scope, batchSize);
      case 'survey-answers':
        return deleteDueSurveyAnswers(deps.db, scope, batchSize);
      case 'contact-summaries':
        return deps.db.transaction().execute((tx) => deleteDuePersonalData(tx, deps.keyring, scope, batchSize, deletedByRetentionMarker));
    }
  };
  let total = 0;
  for (;;) {
    const count = await batch();
    total += count;
    if (count < batchSize) return total;
  }
}
