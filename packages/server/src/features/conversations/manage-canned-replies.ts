import { randomUUID } from 'node:crypto';
import type { CannedReply, CannedReplyBody } from '@ward/protocol';
import type { CannedReplyRow } from '../../db/schema.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canManageCannedReplies, cannedReplyDepartments, type StaffScope } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import {
  deleteCannedReply,
  findCannedReply,
  insertCannedReply,
  listCannedReplies,
  updateCannedReply,
} from './canned-replies.repository.ts';

/**
 * Canned replies (issue 11): each agent's own, and each department's, which administrators and the
 * department's supervisors manage. Staff-written texts, not personal data: redacted like any free
 * text at the door (ADR 27) and again here, not sealed, not audited.
 */
const toCannedReply = (scope: StaffScope, row: CannedReplyRow): CannedReply => ({
  id: row.id,
  title: row.title,
  body: row.body,
  departmentId: row.department_id,
  editable: canManageCannedReplies(scope, row.department_id),
});

/** Yours and your departments' (every department's for administrators and staff of every department). */
export async function listCannedRepliesFor(ctx: ServiceContext, staff: StaffPrincipal): Promise<CannedReply[]> {
  const scope = await staffScopeOf(ctx.db, staff);
  const rows = await listCannedReplies(ctx.db, staff.organisationId, staff.id, cannedReplyDepartments(scope));
  return rows.map((row) => toCannedReply(scope, row));
}

function checkDepartment(ctx: ServiceContext, scope: StaffScope, departmentId: string | null): void {
  if (departmentId !== null && !ctx.organisation.settings.departments.some((d) => d.id === departmentId))
    throw new AppError('bad_request', 'Choose one of the council’s departments');
  if (!canManageCannedReplies(scope, departmentId))
    throw new AppError(
      'forbidden',
      departmentId === null
        ? 'You cannot keep canned replies'
        : 'Only administrators and the department’s supervisors can manage its canned replies',
    );
}

const clean = (ctx: ServiceContext, text: string) => redactFor(ctx.organisation.settings, text).text;

export async function createCannedReply(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: CannedReplyBody,
): Promise<CannedReply> {
  const scope = await staffScopeOf(ctx.db, staff);
  const departmentId = body.departmentId ?? null;
  checkDepartment(ctx, scope, departmentId);
  const row = await insertCannedReply(ctx.db, {
    id: randomUUID(),
    organisation_id: staff.organisationId,
    department_id: departmentId,
    owner_staff_id: departmentId === null ? staff.id : null,
    title: clean(ctx, body.title),
    body: clean(ctx, body.body),
  });
  return toCannedReply(scope, row);
}

/** Finds a reply the caller may change: someone else's own reply is not there for them (404). */
async function changeable(tx: Tx, staff: StaffPrincipal, scope: StaffScope, id: string): Promise<CannedReplyRow> {
  const row = await findCannedReply(tx, staff.organisationId, id);
  if (!row || (row.owner_staff_id !== null && row.owner_staff_id !== staff.id)) throw notFound('The canned reply');
  const departments = cannedReplyDepartments(scope);
  const visible = row.owner_staff_id !== null || departments === null || departments.includes(row.department_id ?? '');
  if (!visible) throw notFound('The canned reply');
  if (!canManageCannedReplies(scope, row.department_id))
    throw new AppError(
      'forbidden',
      'Only administrators and the department’s supervisors can change its canned replies',
    );
  return row;
}

export async function changeCannedReply(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: CannedReplyBody,
): Promise<CannedReply> {
  return ctx.db.transaction().execute(async (tx) => {
    const scope = await staffScopeOf(tx, staff);
    const row = await changeable(tx, staff, scope, id);
    const departmentId = body.departmentId ?? null;
    checkDepartment(ctx, scope, departmentId);
    const changed = await updateCannedReply(tx, row.id, {
      title: clean(ctx, body.title),
      body: clean(ctx, body.body),
      department_id: departmentId,
      owner_staff_id: departmentId === null ? (row.owner_staff_id ?? staff.id) : null,
    });
    return toCannedReply(scope, changed);
  });
}

export async function removeCannedReply(ctx: ServiceContext, staff: StaffPrincipal, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await changeable(tx, staff, await staffScopeOf(tx, staff), id);
    await deleteCannedReply(tx, row.id);
  });
}
