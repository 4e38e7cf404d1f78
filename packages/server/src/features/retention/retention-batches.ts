import { setTimeout } from 'node:timers/promises';
import type { FormDefinition } from '@ward/protocol';
import type { Db, Tx } from '../../db/client.ts';
import type { RetentionSettings } from '../../shared/organisation-settings.ts';
import { systemActor, type AuditEntry } from '../audit/record-audit.ts';
import type { CategoryOutcome } from './run-retention.ts';

/** One organisation's step of a run, as the channel steps (expire-*.ts) take it. */
export type ChannelStep = {
  db: Db;
  organisationId: string;
  settings: RetentionSettings;
  forms: ReadonlyArray<Pick<FormDefinition, 'id' | 'retention'>>;
  now: Date;
  jobId: string;
  dryRun: boolean;
  /** Rows per transaction: small, so live traffic never waits long behind the job. */
  batchSize: number;
  /** Rest between batches, so a backlog gives way to live traffic (as run-retention.ts). */
  pauseBetweenBatchesMs: number;
};

/** The outcome of a channel step (its destruction-log row), counted in `unit`. */
export type ChannelOutcome = CategoryOutcome;

/**
 * Runs `batch` in its own short transaction until a batch takes fewer than `batchSize` rows,
 * resting between batches; each batch commits with its audit entries (ADR 12). Returns the sum
 * of what the batches counted.
 */
export async function inBatches<T extends Record<string, number>>(
  step: Pick<ChannelStep, 'db' | 'batchSize' | 'pauseBetweenBatchesMs'>,
  zero: T,
  batch: (tx: Tx) => Promise<{ taken: number; counts: T }>,
): Promise<T> {
  const totals: Record<string, number> = { ...zero };
  for (;;) {
    const { taken, counts } = await step.db.transaction().execute(batch);
    for (const [key, value] of Object.entries(counts)) totals[key] = (totals[key] ?? 0) + value;
    if (taken < step.batchSize) return totals as T;
    if (step.pauseBetweenBatchesMs > 0) await setTimeout(step.pauseBetweenBatchesMs);
  }
}

/** The audit entry of one row a retention step deleted: Ward itself, purpose `retention`, with the rule. */
export function retentionEntry(
  step: Pick<ChannelStep, 'organisationId'>,
  row: {
    recordType: string;
    id: string;
    dataSubjectId: string;
    caseReference: string | null;
    fields: readonly string[];
  },
  reason: string,
): AuditEntry {
  return {
    organisationId: step.organisationId,
    actor: systemActor,
    action: 'delete',
    purpose: 'retention',
    recordType: row.recordType,
    recordId: row.id,
    dataSubjectId: row.dataSubjectId,
    caseReference: row.caseReference,
    fields: row.fields,
    reason,
  };
}
