import type { Tx } from '../../db/client.ts';
import type { DomainEvents } from '../../shared/domain-events.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, systemActor } from '../audit/record-audit.ts';
import { encodeDetail, statusWhenChatEnds } from './case-access.rules.ts';
import { findCaseOfConversation, insertCaseEntry, updateCase } from './cases.repository.ts';
import { caseAuditEntry } from './case-audit.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';

type CaseChanged = DomainEvents['case.changed'];

/**
 * Keeps a chat's case in step with the chat, in the chat's own transaction: the agent who accepts
 * the chat owns its case. Returns the event to publish after the commit (null when nothing changed).
 */
export async function chatCaseAccepted(
  tx: Tx,
  conversationId: string,
  staff: StaffPrincipal,
): Promise<CaseChanged | null> {
  const row = await findCaseOfConversation(tx, conversationId);
  if (!row || row.owner_staff_id === staff.id) return null;
  await updateCase(tx, row.id, { owner_staff_id: staff.id });
  await insertCaseEntry(tx, {
    organisationId: row.organisation_id,
    caseId: row.id,
    kind: 'owner',
    detail: encodeDetail({ from: row.owner_staff_id, to: staff.id }),
    authorStaffId: staff.id,
  });
  await recordAudit(
    tx,
    caseAuditEntry(row, {
      actor: staffActor(staff),
      action: 'update',
      purpose: 'handle-chat',
      fields: ['owner_staff_id'],
    }),
  );
  return {
    organisationId: row.organisation_id,
    caseId: row.id,
    departmentId: row.department_id,
    ownerStaffId: staff.id,
  };
}

/**
 * A chat that ends closes its case, unless staff already moved the case on (awaiting the resident
 * or the council): that choice stands. `staff` is null when the resident ended the chat.
 */
export async function chatCaseEnded(
  tx: Tx,
  conversationId: string,
  staff: StaffPrincipal | null,
): Promise<CaseChanged | null> {
  const row = await findCaseOfConversation(tx, conversationId);
  if (!row) return null;
  const status = statusWhenChatEnds(row.status);
  if (status === row.status) return null;
  await updateCase(tx, row.id, { status, closed_at: status === 'closed' ? new Date() : null });
  await insertCaseEntry(tx, {
    organisationId: row.organisation_id,
    caseId: row.id,
    kind: 'status',
    detail: encodeDetail({ from: row.status, to: status }),
    authorStaffId: staff?.id ?? null,
  });
  if (status === 'closed') await recordCaseEvent(tx, { caseId: row.id, kind: 'case-closed' });
  await recordAudit(
    tx,
    caseAuditEntry(row, {
      actor: staff ? staffActor(staff) : systemActor,
      action: 'update',
      purpose: 'handle-chat',
      fields: ['status', 'closed_at'],
    }),
  );
  return {
    organisationId: row.organisation_id,
    caseId: row.id,
    departmentId: row.department_id,
    ownerStaffId: row.owner_staff_id,
    status: { from: row.status, to: status },
  };
}

/**
 * A chat transferred (issue 11): its case moves with it, by the rules of a case transfer
 * (transfer-case.ts): to the new department, owned by the agent who receives the chat, or by
 * nobody while it waits in the new department's queue. Returns the event to publish after the commit.
 */
export async function chatCaseTransferred(
  tx: Tx,
  conversationId: string,
  staff: StaffPrincipal,
  to: { departmentId: string; ownerStaffId: string | null },
): Promise<CaseChanged | null> {
  const row = await findCaseOfConversation(tx, conversationId);
  if (!row) return null;
  const entry = { organisationId: row.organisation_id, caseId: row.id, authorStaffId: staff.id };
  const fields: string[] = [];
  if (row.department_id !== to.departmentId) {
    await insertCaseEntry(tx, {
      ...entry,
      kind: 'department',
      detail: encodeDetail({ from: row.department_id, to: to.departmentId }),
    });
    fields.push('department_id');
  }
  if (row.owner_staff_id !== to.ownerStaffId) {
    await insertCaseEntry(tx, {
      ...entry,
      kind: 'owner',
      detail: encodeDetail({ from: row.owner_staff_id, to: to.ownerStaffId }),
    });
    fields.push('owner_staff_id');
  }
  if (fields.length === 0) return null;
  await updateCase(tx, row.id, { department_id: to.departmentId, owner_staff_id: to.ownerStaffId });
  await recordAudit(
    tx,
    caseAuditEntry(row, { actor: staffActor(staff), action: 'update', purpose: 'handle-chat', fields }),
  );
  return {
    organisationId: row.organisation_id,
    caseId: row.id,
    departmentId: to.departmentId,
    ownerStaffId: to.ownerStaffId,
    previous: { departmentId: row.department_id, ownerStaffId: row.owner_staff_id },
  };
}
