import type { StaffRole } from '@ward/protocol';

/**
 * Who may reach a resident's data, pure (ADR 21): every access decision of Ward about staff is
 * made here, by role × department × object, and used by HTTP routes and realtime events alike.
 *
 * Staff with departments listed work in those only; an empty list means every department, and
 * administrators and privacy officers see everything. A chat is a case: its department is its
 * case's department. The roles (ADR 25): agent, supervisor, privacy officer, administrator.
 */
export type { StaffRole };

/**
 * The work a role may do besides handling its departments' chats and cases: `privacy` is the
 * privacy officer's (audit trail, retention and holds, residents' rights); `administer` is staff,
 * integrations and settings.
 */
export type StaffDuty = 'administer' | 'privacy';

export function hasDuty(role: StaffRole, duty: StaffDuty): boolean {
  if (role === 'admin') return true;
  return duty === 'privacy' && role === 'privacy_officer';
}

/** Takes chats from the queue: everyone but privacy officers, who read contacts but do not answer them. */
export function handlesChats(role: StaffRole): boolean {
  return role !== 'privacy_officer';
}

/** Watches live chats other staff are handling: supervisors (in their departments) and administrators. */
function watchesLiveChats(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

/** A member of staff as the rules see them, read fresh for each access (an admin may have just changed them). */
export type StaffScope = { staffId: string; role: StaffRole; departments: readonly string[] };

/** The parts of a conversation the rules look at. `departmentId` is null only for a chat without a case. */
export type ConversationAccessFacts = {
  status: 'waiting' | 'active' | 'ended';
  assignedStaffId: string | null;
  departmentId: string | null;
};

export function seesEveryDepartment(scope: Pick<StaffScope, 'role' | 'departments'>): boolean {
  return scope.role === 'admin' || scope.role === 'privacy_officer' || scope.departments.length === 0;
}

/** Works in this department (a chat without a department is for those who see every department). */
export function worksIn(scope: Pick<StaffScope, 'role' | 'departments'>, departmentId: string | null): boolean {
  if (seesEveryDepartment(scope)) return true;
  return departmentId !== null && scope.departments.includes(departmentId);
}

/**
 * Reads a conversation's personal data: the agent handling (or who handled) it always; otherwise
 * only in their departments, and a live chat someone else is handling only as its watcher
 * (a supervisor of the department, or an administrator).
 */
export function canReadConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  if (!worksIn(scope, conversation.departmentId)) return false;
  return conversation.status !== 'active' || watchesLiveChats(scope.role);
}

/** Takes a waiting chat: only into a department they work in, and only those who answer chats. */
export function canAcceptConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  return handlesChats(scope.role) && worksIn(scope, conversation.departmentId);
}

/** Writes a chat's summary: the agent who handled it, or a supervisor or administrator who may read it. */
export function canWriteChatSummary(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  return watchesLiveChats(scope.role) && canReadConversation(scope, conversation);
}

/**
 * Opens a live chat read-only to supervise it (issue 11): a supervisor of its department, or an
 * administrator. Only while it is live: an ended chat is read as a contact, like any other.
 */
export function canWatchConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  return conversation.status === 'active' && watchesLiveChats(scope.role) && worksIn(scope, conversation.departmentId);
}

/** Takes over a live chat someone else is handling: whoever may watch it (and so answer chats there). */
export function canTakeOverConversation(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  return (
    canWatchConversation(scope, conversation) &&
    handlesChats(scope.role) &&
    conversation.assignedStaffId !== scope.staffId
  );
}

/**
 * Writes an internal note in a chat (issue 11): whoever may read it and is working it, i.e. the
 * agent handling it or a watcher of it (a supervisor of its department, an administrator).
 */
export function canWriteChatNote(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.assignedStaffId === scope.staffId) return true;
  return watchesLiveChats(scope.role) && worksIn(scope, conversation.departmentId);
}

/** Whispers to the agent handling a live chat: a supervisor of its department or an administrator, to another. */
export function canWhisperInChat(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.status !== 'active' || !conversation.assignedStaffId) return false;
  if (conversation.assignedStaffId === scope.staffId) return false;
  return watchesLiveChats(scope.role) && worksIn(scope, conversation.departmentId);
}

/** Transfers a chat that has not ended: the agent handling it, or a watcher of its department. */
export function canTransferChat(scope: StaffScope, conversation: ConversationAccessFacts): boolean {
  if (conversation.status === 'ended') return false;
  return canWriteChatNote(scope, conversation);
}

/** Receives a transferred chat: someone who answers chats and works in the chat's (new) department. */
export function canReceiveChat(target: Pick<StaffScope, 'role' | 'departments'>, departmentId: string | null): boolean {
  return handlesChats(target.role) && worksIn(target, departmentId);
}

/**
 * Manages canned replies (issue 11): one's own (whoever answers chats), or a department's
 * (administrators, and supervisors of that department). `departmentId` null: one's own.
 */
export function canManageCannedReplies(scope: StaffScope, departmentId: string | null): boolean {
  if (departmentId === null) return handlesChats(scope.role);
  if (scope.role === 'admin') return true;
  return scope.role === 'supervisor' && worksIn(scope, departmentId);
}

/** Which departments' canned replies someone sees beside their own: null is every department's. */
export function cannedReplyDepartments(scope: StaffScope): readonly string[] | null {
  return seesEveryDepartment(scope) ? null : scope.departments;
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
    othersLiveChats: watchesLiveChats(scope.role),
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

/**
 * Whose figures a member of staff may read in reports (issue 12, ADR 36; figures only, no
 * resident's data): administrators the whole council's; supervisors their departments' (every
 * department when none is listed); agents their own; privacy officers none (not their work). An
 * API key with the `reports` scope reads the whole council's (decided by its scope, ADR 15).
 */
export type ReportScope =
  { kind: 'organisation' } | { kind: 'departments'; departments: readonly string[] } | { kind: 'own'; staffId: string };

export function reportScopeOf(scope: StaffScope): ReportScope | null {
  if (scope.role === 'admin') return { kind: 'organisation' };
  if (scope.role === 'supervisor')
    return seesEveryDepartment(scope)
      ? { kind: 'organisation' }
      : { kind: 'departments', departments: scope.departments };
  if (scope.role === 'agent') return { kind: 'own', staffId: scope.staffId };
  return null;
}

/**
 * The live wallboard (issue 12): the queue and today's figures of a team, for those who run it —
 * administrators (the whole council) and supervisors (their departments); not agents.
 */
export function wallboardScopeOf(scope: StaffScope): Exclude<ReportScope, { kind: 'own' }> | null {
  const reports = reportScopeOf(scope);
  return reports && reports.kind !== 'own' ? reports : null;
}

/** Reports may be filtered further, never wider: another agent's or department's figures are refused. */
export function mayFilterReport(
  scope: ReportScope,
  filter: { departmentId?: string | undefined; agentId?: string | undefined },
): boolean {
  if (scope.kind === 'own') return filter.agentId === undefined || filter.agentId === scope.staffId;
  if (scope.kind === 'departments')
    return filter.departmentId === undefined || scope.departments.includes(filter.departmentId);
  return true;
}
