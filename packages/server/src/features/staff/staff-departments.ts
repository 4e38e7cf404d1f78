import { textIn } from '@ward/protocol';
import type { DepartmentsResponse, StaffMember } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { memberOf } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { endSessionsOf } from './sessions.ts';

/**
 * The council's departments and topics (organisation settings, in their order); each topic names the department that
 * deals with it.
 */
export function listDepartments(ctx: ServiceContext): DepartmentsResponse {
  const { departments, topics } = ctx.organisation.settings;
  return {
    departments: departments.map((d) => ({ id: d.id, label: d.label })),
    topics: topics.map((t) => ({ id: t.id, label: textIn(t.label, 'en'), departmentId: t.department })),
  };
}

/** Refuses any id that is not one of the council's departments; returns them in the settings' order. */
export function configuredDepartments(ctx: ServiceContext, ids: readonly string[]): string[] {
  const known = ctx.organisation.settings.departments.map((d) => d.id);
  if (ids.some((id) => !known.includes(id)))
    throw new AppError('bad_request', 'Select departments from the council’s list');
  return known.filter((id) => ids.includes(id));
}

/** Sets where a member of staff works (ADR 14); empty means every department. Admin only (the route says so). */
export async function setStaffDepartments(
  ctx: ServiceContext,
  staffId: string,
  departments: readonly string[],
): Promise<StaffMember> {
  const ordered = configuredDepartments(ctx, departments);
  const row = await repo.updateStaffDepartments(ctx.db, ctx.organisation.id, staffId, ordered);
  if (!row) throw new AppError('not_found', 'That member of staff was not found');
  // Where someone works decides what they may open: they sign in again under the new departments.
  await endSessionsOf(ctx, staffId);
  return memberOf(ctx, row);
}
