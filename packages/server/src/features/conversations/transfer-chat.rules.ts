import type { ErrorDetail, Language } from '@ward/protocol';
import { chatLinesIn } from './chat-lines.rules.ts';
import { canReceiveChat, type StaffScope } from '../access/access.rules.ts';

/** The chat as a transfer sees it. */
export type TransferFrom = {
  status: 'waiting' | 'active' | 'ended';
  assignedStaffId: string | null;
  departmentId: string | null;
};

/** Where to: a department (its queue), an agent (read fresh: null when there is no such active colleague), or both. */
export type TransferTo = {
  departmentId?: string;
  staff?: (Pick<StaffScope, 'staffId' | 'role' | 'departments'> & { active: boolean }) | null;
};

/** What the chat becomes: queued in a department (nobody's), or an agent's, in a department. */
export type TransferPlan = {
  departmentId: string;
  status: 'waiting' | 'active';
  assignedStaffId: string | null;
  /** Whether the chat changes department (the resident is told its name). */
  departmentChanged: boolean;
};

type Decision = { ok: true; plan: TransferPlan } | { ok: false; error: ErrorDetail };
const refuse = (code: ErrorDetail['code'], message: string): Decision => ({ ok: false, error: { code, message } });

/**
 * Decides a transfer (issue 11): a department must be one of the council's; an agent must answer
 * chats and work in the department the chat goes to (the same rule as accepting it). Pure.
 */
export function planTransfer(from: TransferFrom, to: TransferTo, departmentIds: readonly string[]): Decision {
  if (from.status === 'ended') return refuse('conversation_ended', 'This chat has ended');
  const departmentId = to.departmentId ?? from.departmentId;
  if (!departmentId || !departmentIds.includes(departmentId))
    return refuse('bad_request', 'Choose one of the council’s departments');
  const departmentChanged = departmentId !== from.departmentId;
  if (to.staff !== undefined) {
    const staff = to.staff;
    if (!staff || !staff.active) return refuse('bad_request', 'Choose an adviser who can take the chat');
    if (staff.staffId === from.assignedStaffId) return refuse('conflict', 'The chat is already theirs');
    if (!canReceiveChat(staff, departmentId))
      return refuse('bad_request', 'That adviser does not answer chats for that department');
    return { ok: true, plan: { departmentId, status: 'active', assignedStaffId: staff.staffId, departmentChanged } };
  }
  if (!departmentChanged && from.status === 'waiting')
    return refuse('conflict', 'The chat is already waiting in that department’s queue');
  return { ok: true, plan: { departmentId, status: 'waiting', assignedStaffId: null, departmentChanged } };
}

/** What the resident reads in the chat, in its language: the department's name when it changes, else an adviser. */
export function transferNotice(plan: TransferPlan, departmentLabel: string, language: Language = 'en'): string {
  const lines = chatLinesIn(language);
  return plan.departmentChanged ? lines.transferredTo(departmentLabel) : lines.transferred;
}
