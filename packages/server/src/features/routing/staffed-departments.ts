import type { ServiceContext } from '../../shared/service-context.ts';
import { answeringStaff } from './routing.repository.ts';
import { staffedDepartments } from './routing.rules.ts';

/**
 * The council's departments with someone answering chats now (issue 11), for the widget's config:
 * read fresh on every request, so a status chosen on one node shows on every node at once.
 */
export async function departmentsStaffedNow(ctx: ServiceContext): Promise<Set<string>> {
  const staff = await answeringStaff(ctx.db, ctx.organisation.id);
  return staffedDepartments(
    staff,
    ctx.organisation.settings.departments.map((department) => department.id),
  );
}
