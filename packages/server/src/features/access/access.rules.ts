/**
 * Who may reach a resident's data, pure (ADR 21): every access decision of Ward about staff is
 * made here, by role × department × object, and used by HTTP routes and realtime events alike.
 *
 * Staff with departments listed work in those only; an empty list means every department, and
 * administrators see everything. A chat is a case: its department is its case's department.
 */
export type StaffRole = 'agent' | 'admin';

/** A member of staff as the rules see them, read fresh for each access (an admin may have just changed them). */
export type StaffScope = { staffId: string; role: StaffRole; departments: readonly string[] };

/** The parts of a conversation the rules look at. `departmentId` is null only for a chat without a case. */
export type ConversationAccessFacts = {
  status: 'waiting' | 'active' | 'ended';
  assignedStaffId: string | null;
  departmentId: string | null;
};

export function seesEveryDepartment(scope: Pick<StaffScope, 'role' | 'departments'>): boolean {
  return scope.role === 'admin' || scope.departments.length === 0;
}

/** Works in this department (a chat without a department is for those who see every department). */
export function worksIn(scope: Pick<StaffScope, 'role' | 'departments'>, departmentId: string | null): boolean {
  if (seesEveryDepartment(scope)) return true;
  return departmentId !== null && scope.departments.includes(departmentId);
}

/**
 * Reads a conversation's personal data: the agent handling (or who handled) it always; otherwise
 * only in their departments, and a live chat only once nobody else is handling it (administrators
 * excepted).
 */
export function canReadConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  if (scope.role === 'admin') return true;
  if (!worksIn(scope, conversation.departmentId)) return false;
  return conversation.status !== 'active';
}

/** Takes a waiting chat: only into a department they work in. */
export function canAcceptConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  return worksIn(scope, conversation.departmentId);
}

/**
 * Which conversations a list may show, as a filter the repository applies in SQL (so limits count
 * only what is shown): null departments means every department.
 */
export function conversationListScope(scope: StaffScope): {
  staffId: string;
  departments: readonly string[] | null;
  othersLiveChats: boolean;
} {
  return {
    staffId: scope.staffId,
    departments: seesEveryDepartment(scope) ? null : scope.departments,
    othersLiveChats: scope.role === 'admin',
  };
}

/** Acts on a case (read in full, change, note, reply): only in a department they work in. */
export function canActOnCase(scope: Pick<StaffScope, 'role' | 'departments'>, departmentId: string): boolean {
  return worksIn(scope, departmentId);
}

/**
 * Opens a customer record: when it has at least one case in one of their departments, or no case
 * at all (a record just created, or whose contacts have all gone). `caseDepartments`: the
 * department of every case of the record and of the records merged into it.
 */
export function canOpenRecord(
  scope: Pick<StaffScope, 'role' | 'departments'>,
  caseDepartments: readonly string[],
): boolean {
  if (seesEveryDepartment(scope) || caseDepartments.length === 0) return true;
  return caseDepartments.some((department) => scope.departments.includes(department));
}

/**
 * Links a chat to a record (or is shown a record as a likely match): only with access to both, so
 * that linking can never open a record of another department to this agent.
 */
export function canLinkChatToRecord(
  scope: StaffScope,
  chat: ConversationAccessFacts,
  recordCaseDepartments: readonly string[],
): boolean {
  return canReadConversation(scope, chat) && canOpenRecord(scope, recordCaseDepartments);
}
