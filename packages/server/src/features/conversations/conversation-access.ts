import type { ConversationAccessFacts } from '../access/access.rules.ts';
import type { ConversationRecord } from './conversation-records.repository.ts';

/** What the access rules look at of a conversation. */
export function accessFactsOf(
  row: Pick<ConversationRecord, 'status' | 'assigned_staff_id' | 'department_id'>,
): ConversationAccessFacts {
  return { status: row.status, assignedStaffId: row.assigned_staff_id, departmentId: row.department_id };
}
