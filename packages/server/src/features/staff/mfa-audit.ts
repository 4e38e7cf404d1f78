import type { Tx } from '../../db/client.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import type { AuditAction } from '../audit/audit-chain.rules.ts';

/**
 * A change to someone's two-step sign-in, in the audit trail (purpose `account-security`): who
 * did it, whose it was, and what changed by name (never a secret or a code).
 */
export function recordMfaChange(
  tx: Tx,
  actor: StaffPrincipal,
  entry: { staffId: string; action: AuditAction; fields: string[]; reason: string },
) {
  return recordAudit(tx, {
    organisationId: actor.organisationId,
    actor: staffActor(actor),
    action: entry.action,
    purpose: 'account-security',
    recordType: 'staff',
    recordId: entry.staffId,
    fields: entry.fields,
    reason: entry.reason,
  });
}
