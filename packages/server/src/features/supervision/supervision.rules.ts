import type { AgentStatus, LiveViewAgent, LiveViewDepartment, StaffRole } from '@ward/protocol';
import type { RoutingSettings } from '../../shared/routing-settings.ts';
import { handlesChats } from '../access/access.rules.ts';
import { capacityOf } from '../routing/routing.rules.ts';
import { longestWaitSeconds } from '../reports/wallboard.rules.ts';
import { chatLinesIn } from '../conversations/chat-lines.rules.ts';

/** The live view and take-over (issue 11), pure. */

/** What the resident reads when a supervisor takes their chat over: no name (in each language, chat-lines.rules.ts). */
export const colleagueJoinedText = chatLinesIn('en').colleagueJoined;

/** Each department's queue: how many wait and the longest wait (the wallboard's figure, per department). */
export function departmentQueues(
  departments: ReadonlyArray<{ id: string; label: string }>,
  waiting: ReadonlyArray<{ departmentId: string; waitingSince: Date }>,
  now: Date,
): LiveViewDepartment[] {
  return departments.map(({ id, label }) => {
    const mine = waiting.filter((item) => item.departmentId === id);
    const oldest = mine.reduce<Date | null>(
      (first, item) => (first === null || item.waitingSince < first ? item.waitingSince : first),
      null,
    );
    return { departmentId: id, label, waiting: mine.length, longestWaitSeconds: longestWaitSeconds(oldest, now) };
  });
}

/** A member of staff as the live view reads them: name, role, where they work and their routing row. */
export interface LiveViewStaffRow {
  id: string;
  firstName: string;
  lastName: string;
  role: StaffRole;
  /** Empty: every department (ADR 14). */
  departments: readonly string[];
  /** Null when they have no routing row yet (never connected, nothing set). */
  status: AgentStatus | null;
  statusSince: Date | null;
  /** Their own capacity; null: the department's, else the council's default. */
  capacity: number | null;
}

/**
 * The staff who answer chats in these departments, with whether their console is open, their
 * status and since when, and how many chats they have now out of how many routing gives them:
 * those connected first, then by name. Staff who do not answer chats (privacy officers) are left out.
 * Capacity depends on the department (ADR 39), so it is the largest among the departments shown
 * that they work in.
 */
export function agentLoads(
  staff: readonly LiveViewStaffRow[],
  context: {
    connectedIds: ReadonlySet<string>;
    activeChats: ReadonlyMap<string, number>;
    routing: RoutingSettings;
    /** The council's departments, in its order. */
    departments: ReadonlyArray<{ id: string; label: string }>;
    /** The departments the viewer sees; null: all. */
    shown: readonly string[] | null;
  },
): LiveViewAgent[] {
  const { connectedIds, activeChats, routing, departments, shown } = context;
  return staff
    .filter((member) => handlesChats(member.role))
    .map((member) => {
      const theirs = departments.filter((d) => member.departments.length === 0 || member.departments.includes(d.id));
      const counted = theirs.filter((d) => !shown || shown.includes(d.id)).map((d) => d.id);
      const capacities = counted.map((id) => capacityOf(member, routing, id));
      return {
        staffId: member.id,
        name: `${member.firstName} ${member.lastName}`,
        connected: connectedIds.has(member.id),
        activeChats: activeChats.get(member.id) ?? 0,
        status: member.status ?? 'offline',
        statusSince: member.status === null ? null : (member.statusSince?.toISOString() ?? null),
        capacity: capacities.length > 0 ? Math.max(...capacities) : (member.capacity ?? routing.defaultCapacity),
        departments: member.departments.length === 0 ? [] : theirs.map((d) => d.label),
      };
    })
    .sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name, 'en-GB'));
}
