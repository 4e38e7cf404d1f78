import { setTimeout } from 'node:timers/promises';
import { deletedByRetentionMarker, type RetentionCategory } from '@ward/protocol';
import type { Db, Tx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { OrganisationSettings } from '../../shared/organisation-settings.ts';
import {
  categoryExpiredBefore,
  categoryExpiresAt,
  enforcedCategories,
  ruleFor,
  unitOf,
  type EnforcedCategory,
  type RetentionUnit,
} from './retention.rules.ts';
import {
  countDue,
  deleteDueMessages,
  deleteDuePersonalData,
  deleteDueSurveyAnswers,
  listOrganisations,
  recordDestruction,
  type BatchResult,
  type DueScope,
} from './retention.repository.ts';
import { conversationEntry, recordAudit, systemActor } from '../audit/record-audit.ts';

export type CategoryOutcome = {
  /** A database category, or `emails` (the outbox, swept by sweep-outbox.ts). */
  category: RetentionCategory;
  rule: string;
  unit: RetentionUnit;
  /** Deleted (or, in a dry run, that would be deleted). */
  count: number;
  /** Dry run only: when the longest-expired of them expired. */
  oldestExpiry: Date | null;
};

export type RetentionRun = {
  jobId: string;
  runAt: Date;
  dryRun: boolean;
  organisations: Array<{ slug: string; outcomes: CategoryOutcome[] }>;
};

export type RetentionOptions = {
  now: Date;
  jobId: string;
  dryRun?: boolean;
  /** Rows per transaction: small enough that live chat never waits long behind the job. */
  batchSize?: number;
  /**
   * Rest between batches, so a large backlog gives way to live chat (the database is shared):
   * a backlog takes longer to clear (with 50 ms, a batch of 1,000 every 100–150 ms on 2 busy
   * cores), and chat latency stays steadier. 50 ms rather than 15: docs/PERFORMANCE.md has the
   * runs. The run already uses one connection at a time (its batches are sequential), so it
   * needs no pool of its own: one was tried and did not help.
   */
  pauseBetweenBatchesMs?: number;
};

/**
 * Deletes what has expired and is not held, for every organisation, category by category:
 * transcripts, consent evidence, then the conversation's personal data, then survey answers.
 * Each batch is its own short transaction that skips rows locked by live traffic, so the job can
 * run beside chat, be stopped, and run again. Writes one destruction-log row per category.
 */
export async function runRetention(
  deps: { db: Db; keyring: Keyring },
  options: RetentionOptions,
): Promise<RetentionRun> {
  const { db } = deps;
  const { now, jobId, dryRun = false, batchSize = 1000, pauseBetweenBatchesMs = 50 } = options;
  const run: RetentionRun = { jobId, runAt: now, dryRun, organisations: [] };
  for (const organisation of await listOrganisations(db)) {
    const settings = OrganisationSettings.parse(organisation.settings).retention;
    const outcomes: CategoryOutcome[] = [];
    for (const category of enforcedCategories) {
      const scope: DueScope = {
        organisationId: organisation.id,
        cutoff: categoryExpiredBefore(category, now, settings),
        now,
      };
      const outcome = {
        category,
        rule: ruleFor(category, settings),
        unit: unitOf(category),
        count: 0,
        oldestExpiry: null as Date | null,
      };
      if (dryRun) {
        const due = await countDue(db, category, scope);
        outcome.count = due.count;
        outcome.oldestExpiry = due.oldestContact ? categoryExpiresAt(category, due.oldestContact, settings) : null;
      } else {
        outcome.count = await deleteAll(
          deps,
          category,
          scope,
          { batchSize, pauseBetweenBatchesMs },
          `${outcome.rule} (run ${jobId})`,
        );
      }
      outcomes.push(outcome);
    }
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
        })),
      );
    }
    run.organisations.push({ slug: organisation.slug, outcomes });
  }
  return run;
}

/** The fields each category's deletion removes, as the audit trail names them. */
const deletedFields: Record<EnforcedCategory, string[]> = {
  'chat-transcripts': ['messages.body'],
  'consent-evidence': ['messages.body', 'messages.consent_evidence'],
  'contact-summaries': [
    'visitor_name',
    'visitor_email',
    'ip_address',
    'summary',
    'transcript_email',
    'browser',
    'operating_system',
    'pre_chat_answers',
    'location',
    'visitor_token_hash',
    'conversation_corrections',
    'conversation_notes',
  ],
  'survey-answers': ['survey_rating', 'survey_comment'],
};

async function deleteAll(
  deps: { db: Db; keyring: Keyring },
  category: EnforcedCategory,
  scope: DueScope,
  { batchSize, pauseBetweenBatchesMs }: { batchSize: number; pauseBetweenBatchesMs: number },
  reason: string,
): Promise<number> {
  const batch = (tx: Tx): Promise<BatchResult> => {
    switch (category) {
      case 'chat-transcripts':
        return deleteDueMessages(tx, false, scope, batchSize);
      case 'consent-evidence':
        return deleteDueMessages(tx, true, scope, batchSize);
      case 'survey-answers':
        return deleteDueSurveyAnswers(tx, scope, batchSize);
      case 'contact-summaries':
        return deleteDuePersonalData(tx, deps.keyring, scope, batchSize, deletedByRetentionMarker);
    }
  };
  let total = 0;
  for (;;) {
    // Each batch and its audit entries (one per conversation touched) commit together (ADR 12).
    const count = await deps.db.transaction().execute(async (tx) => {
      const result = await batch(tx);
      await recordAudit(
        tx,
        result.touched.map((c) =>
          conversationEntry(c, {
            actor: systemActor,
            action: 'delete',
            purpose: 'retention',
            fields: deletedFields[category],
            reason,
          }),
        ),
      );
      return result.count;
    });
    total += count;
    if (count < batchSize) return total;
    if (pauseBetweenBatchesMs > 0) await setTimeout(pauseBetweenBatchesMs);
  }
}
