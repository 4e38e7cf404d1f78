import { RetentionUnit, type DestructionLogEntry, type RetentionCategory, type RetentionHold } from '@ward/protocol';
import { holdStatus, unitOf } from './retention.rules.ts';
import type { HoldRow } from './holds.repository.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toRetentionHold(row: HoldRow, now: Date): RetentionHold {
  return {
    id: row.id,
    covers: row.conversation_id ? 'conversation' : row.case_id ? 'case' : 'resident',
    conversationId: row.conversation_id,
    caseId: row.case_id,
    caseReferences: row.case_references,
    reason: row.reason,
    placedBy: { id: row.placed_by_id, name: row.placed_by_name },
    placedAt: row.placed_at.toISOString(),
    endsAt: iso(row.ends_at),
    liftedAt: iso(row.lifted_at),
    liftedBy: row.lifted_by_id ? { id: row.lifted_by_id, name: row.lifted_by_name ?? '' } : null,
    status: holdStatus({ endsAt: row.ends_at, liftedAt: row.lifted_at }, now),
  };
}

export function toDestructionLogEntry(row: {
  category: string;
  rule: string;
  count: number;
  run_at: Date;
  job_id: string;
  unit: string | null;
}): DestructionLogEntry {
  const category = row.category as RetentionCategory;
  const stated = RetentionUnit.safeParse(row.unit);
  return {
    category,
    rule: row.rule,
    count: row.count,
    unit: stated.success ? stated.data : unitOf(category),
    runAt: row.run_at.toISOString(),
    jobId: row.job_id,
  };
}
