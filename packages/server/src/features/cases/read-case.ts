import type { CaseDetail, CaseLookupResult, CasePage } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, type AuditActor, type AuditEntry } from '../audit/record-audit.ts';
import { loadSubjectKeys, openField } from '../crypto/subject-keys.ts';
import { findConversation } from '../conversations/conversations.repository.ts';
import { canActOnCase, decodeChange, type CaseActor } from './case-access.rules.ts';
import { toCaseBrief, toCaseDetail, toCaseListItem, type Labels } from './case.presenters.ts';
import {
  findCase,
  findCaseByReference,
  listCaseEntries,
  listLinkedCases,
  listOpenCases,
  type CaseHead,
} from './cases.repository.ts';

/** What a full read of a case shows: its summary and its entries' texts. */
export const caseFields = ['summary', 'case_entries.body'] as const;

export function caseAuditEntry(
  row: { id: string; organisation_id: string; data_subject_id: string; case_reference: string },
  entry: Pick<AuditEntry, 'actor' | 'action' | 'fields'> & { purpose?: AuditEntry['purpose']; reason?: string | null },
): AuditEntry {
  return {
    organisationId: row.organisation_id,
    recordType: 'case',
    recordId: row.id,
    dataSubjectId: row.data_subject_id,
    caseReference: row.case_reference,
    purpose: 'review-contact',
    ...entry,
  };
}

/** The member of staff with the departments they work in (read fresh: an admin may have just changed them). */
export async function caseActorOf(tx: Tx, staff: StaffPrincipal): Promise<CaseActor> {
  return staffScopeOf(tx, staff);
}

export function departmentLabel(ctx: ServiceContext): (id: string) => string {
  const labels = new Map(ctx.organisation.settings.departments.map((d) => [d.id, d.label]));
  return (id) => labels.get(id) ?? id;
}

/** Refuses a case of a department the member of staff does not work in, saying nothing of its contents. */
export function assertMayActOn(actor: CaseActor, row: { department_id: string }): void {
  if (!canActOnCase(actor, row.department_id))
    throw new AppError('forbidden', 'This case belongs to a department you do not work in');
}

/** The case in full, opened with its data subject's key (a chat's summary from its conversation). */
export async function loadCaseDetail(tx: Tx, ctx: ServiceContext, head: CaseHead): Promise<CaseDetail> {
  const key = (await loadSubjectKeys(tx, ctx.keyring, [head.data_subject_id])).get(head.data_subject_id) ?? null;
  const summary = head.conversation_id
    ? ((await findConversation(tx, ctx.keyring, head.organisation_id, head.conversation_id))?.summary ?? null)
    : openField(key, 'cases', 'summary', head.id, head.summary);
  const rows = await listCaseEntries(tx, head.id);
  const entries = rows.map((row) => ({ ...row, text: openField(key, 'case_entries', 'body', row.id, row.body) }));
  const staffIds = new Set<string>();
  for (const row of rows) {
    const change = row.kind === 'owner' ? decodeChange(row.detail) : null;
    if (change?.from) staffIds.add(change.from);
    if (change?.to) staffIds.add(change.to);
  }
  const names = new Map<string, string>();
  if (staffIds.size > 0) {
    const staffRows = await tx
      .selectFrom('staff')
      .select(['id', 'first_name', 'last_name'])
      .where('organisation_id', '=', head.organisation_id)
      .where('id', 'in', [...staffIds])
      .execute();
    for (const s of staffRows) names.set(s.id, `${s.first_name} ${s.last_name}`);
  }
  const labels: Labels = { department: departmentLabel(ctx), staff: (id) => names.get(id) ?? null };
  return toCaseDetail(head, { summary, entries, linked: await listLinkedCases(tx, head.id) }, labels);
}

/** A case in full for a member of staff of its department (or an administrator); the read is audited. */
export async function getCase(ctx: ServiceContext, staff: StaffPrincipal, caseId: string): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (tx) => {
    const head = await findCase(tx, staff.organisationId, caseId);
    if (!head) throw notFound('The case');
    assertMayActOn(await caseActorOf(tx, staff), head);
    const detail = await loadCaseDetail(tx, ctx, head);
    await recordAudit(tx, caseAuditEntry(head, { actor: staffActor(staff), action: 'read', fields: caseFields }));
    return detail;
  });
}

/**
 * Finds a case by its reference on any channel. The full case when the member of staff works in
 * its department, otherwise its brief (no personal data). Audited as a search either way.
 */
export async function lookupCase(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  caseReference: string,
): Promise<CaseLookupResult> {
  return ctx.db.transaction().execute(async (tx) => {
    const head = await findCaseByReference(tx, staff.organisationId, caseReference);
    if (!head) throw notFound('A case with that reference');
    const actor: AuditActor = staffActor(staff);
    if (!canActOnCase(await caseActorOf(tx, staff), head.department_id)) {
      await recordAudit(tx, caseAuditEntry(head, { actor, action: 'read', purpose: 'search', fields: [] }));
      return { access: 'limited', case: toCaseBrief(head, { department: departmentLabel(ctx) }) };
    }
    const detail = await loadCaseDetail(tx, ctx, head);
    await recordAudit(tx, caseAuditEntry(head, { actor, action: 'read', purpose: 'search', fields: caseFields }));
    return { access: 'full', case: detail };
  });
}

/**
 * "My cases" (owned, not closed) and a department's open cases, newest contact first. The rows
 * hold no personal data (reference, channel, topic, department, status, owner), so, like the
 * chat queue, listing them is not audited; opening one is.
 */
export async function listMyCases(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  page: { limit: number; offset: number },
): Promise<CasePage> {
  const rows = await listOpenCases(ctx.db, staff.organisationId, {
    ownerStaffId: staff.id,
    limit: page.limit + 1,
    offset: page.offset,
  });
  return toPage(ctx, rows, page);
}

export async function listDepartmentCases(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  departmentId: string,
  page: { limit: number; offset: number },
): Promise<CasePage> {
  if (!ctx.organisation.settings.departments.some((d) => d.id === departmentId)) throw notFound('The department');
  const actor = await ctx.db.transaction().execute((tx) => caseActorOf(tx, staff));
  if (!canActOnCase(actor, departmentId)) throw new AppError('forbidden', 'You do not work in this department');
  const rows = await listOpenCases(ctx.db, staff.organisationId, {
    departmentId,
    limit: page.limit + 1,
    offset: page.offset,
  });
  return toPage(ctx, rows, page);
}

function toPage(ctx: ServiceContext, rows: CaseHead[], page: { limit: number; offset: number }): CasePage {
  const labels = { department: departmentLabel(ctx) };
  return {
    cases: rows.slice(0, page.limit).map((row) => toCaseListItem(row, labels)),
    nextOffset: rows.length > page.limit ? page.offset + page.limit : null,
  };
}
