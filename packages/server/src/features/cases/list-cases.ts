import type { CasePage } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canActOnCase } from './case-access.rules.ts';
import { caseActorOf } from './case-actor.ts';
import { toCaseListItem } from './case.presenters.ts';
import { listOpenCases, type CaseHead } from './cases.repository.ts';
import { departmentLabel } from './department-labels.ts';
import { leaveAMessageFormId } from '../../shared/leave-a-message-form.ts';

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
  page: { limit: number; offset: number; show?: 'open' | 'messages-to-answer' },
): Promise<CasePage> {
  if (!ctx.organisation.settings.departments.some((d) => d.id === departmentId)) throw notFound('The department');
  const actor = await ctx.db.transaction().execute((tx) => caseActorOf(tx, staff));
  if (!canActOnCase(actor, departmentId)) throw new AppError('forbidden', 'You do not work in this department');
  const rows = await listOpenCases(ctx.db, staff.organisationId, {
    departmentId,
    ...(page.show === 'messages-to-answer' ? { unansweredDetail: leaveAMessageFormId } : {}),
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
