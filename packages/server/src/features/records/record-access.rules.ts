import { canActOnCase, canOpenRecord, seesEveryDepartment, type StaffScope } from '../access/access.rules.ts';

/**
 * Who sees what of customer records (ADR 14), decided by access.rules.ts (ADR 21). Administrators,
 * and staff who list no departments, see everything. An agent who works in some departments:
 * - sees the full cases (topic, summary) of those departments, and of other departments only
 *   the reference, channel, date, department and status;
 * - finds and opens a record when it has at least one case in one of their departments, or no
 *   case at all (a record just created, or whose contacts have all gone): a record known only to
 *   other departments is theirs to see, not this agent's;
 * - is shown, while handling a chat, only likely records they may open; others are only counted.
 */
export type RecordViewer = Pick<StaffScope, 'role' | 'departments'>;

export { canOpenRecord, seesEveryDepartment };

export function seesFullCase(viewer: RecordViewer, departmentId: string): boolean {
  return canActOnCase(viewer, departmentId);
}
