import type { Tx } from '../../db/client.ts';
import { truncateIp } from '../../shared/ip-address.rules.ts';
import { chainHead, insertChainedEntries, lockAuditChain } from './audit.repository.ts';
import { chainEntries, type AuditAction, type AuditContent, type AuditPurpose } from './audit-chain.rules.ts';
import { auditKeysOf } from './audit-key.ts';

/** Who is acting: a member of staff (with their role and where they are), or Ward itself. */
export type AuditActor = { kind: 'staff'; id: string; role: string; source: string } | { kind: 'system' };

export const systemActor: AuditActor = { kind: 'system' };

export function staffActor(staff: { id: string; role: string; source?: string }): AuditActor {
  return { kind: 'staff', id: staff.id, role: staff.role, source: staff.source ?? 'unknown' };
}

/** A request's address as the audit trail keeps it: truncated, never the full address. */
export function auditSource(ip: string | undefined): string {
  return (ip && truncateIp(ip)) ?? 'unknown';
}

export type AuditEntry = {
  organisationId: string;
  actor: AuditActor;
  action: AuditAction;
  purpose: AuditPurpose;
  recordType: string;
  recordId?: string | null;
  dataSubjectId?: string | null;
  caseReference?: string | null;
  /** The names of the fields touched, never their values. */
  fields: readonly string[];
  reason?: string | null;
};

/** What a conversation read shows staff: its personal-data fields (the messages when they were read). */
export const conversationFields = [
  'visitor_name',
  'visitor_email',
  'ip_address',
  'browser',
  'operating_system',
  'location',
  'summary',
  'survey_comment',
  'pre_chat_answers',
] as const;

export function conversationEntry(
  conversation: { id: string; organisation_id: string; data_subject_id: string; case_reference: string },
  entry: Pick<AuditEntry, 'actor' | 'action' | 'purpose' | 'fields'> & { reason?: string | null },
): AuditEntry {
  return {
    organisationId: conversation.organisation_id,
    recordType: 'conversation',
    recordId: conversation.id,
    dataSubjectId: conversation.data_subject_id,
    caseReference: conversation.case_reference,
    ...entry,
  };
}

/**
 * Appends entries to the audit trail in the caller's transaction: if this fails, the access
 * fails with it. Call it last in the transaction: it takes the organisation's chain lock
 * (transaction-scoped), reads the chain head and inserts, so the lock is held only to the commit.
 * Entries are keyed with the audit key the database handle carries (ADR 26, `withAuditKeys`).
 */
export async function recordAudit(tx: Tx, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const { hashes } = auditKeysOf(tx);
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  const organisations = [...new Set(list.map((e) => e.organisationId))].sort(); // one lock order: no deadlocks
  for (const organisationId of organisations) {
    await lockAuditChain(tx, organisationId);
    const head = await chainHead(tx, organisationId);
    const occurredAt = new Date();
    const contents: AuditContent[] = list
      .filter((e) => e.organisationId === organisationId)
      .map((e) => ({
        organisationId,
        occurredAt,
        actorKind: e.actor.kind,
        actorId: e.actor.kind === 'staff' ? e.actor.id : 'system',
        actorRole: e.actor.kind === 'staff' ? e.actor.role : 'system',
        action: e.action,
        dataSubjectId: e.dataSubjectId ?? null,
        recordType: e.recordType,
        recordId: e.recordId ?? null,
        caseReference: e.caseReference ?? null,
        fields: [...e.fields],
        purpose: e.purpose,
        reason: e.reason ?? null,
        source: e.actor.kind === 'staff' ? e.actor.source : 'system',
      }));
    const chained = chainEntries(hashes, head ? { seq: head.seq, hash: new Uint8Array(head.hash) } : null, contents);
    await insertChainedEntries(tx, chained);
  }
}
