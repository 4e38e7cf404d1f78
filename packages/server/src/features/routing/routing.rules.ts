import type { StaffRole } from '@ward/protocol';
import type { RoutingSettings, RoutingStrategy } from '../../shared/routing-settings.ts';
import { handlesChats, worksIn } from '../access/access.rules.ts';

/** What an agent has chosen, or what Ward set for them: only `available` agents are given chats. */
export const agentStatuses = ['available', 'busy', 'away', 'offline'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

/** An agent as routing sees them: where they work, what they can do, how busy they are. */
export interface RoutingAgent {
  id: string;
  role: StaffRole;
  status: AgentStatus;
  /** Empty: every department (ADR 14). */
  departments: readonly string[];
  skills: readonly string[];
  /** Their own capacity; null: their department's, else the council's default. */
  capacity: number | null;
  /** Active chats they are handling now, in every department. */
  load: number;
  /** When they were last given a chat (ms), or null if never. */
  lastAssignedAt: number | null;
}

/** A chat waiting in its department's queue. */
export interface WaitingChat {
  id: string;
  topicId: string;
  departmentId: string;
  queuedAt: number;
}

/** A department's strategy and default capacity set in the console (ADR 47); null: as in the settings file. */
export interface DepartmentRoutingChange {
  departmentId: string;
  strategy: RoutingStrategy | null;
  capacity: number | null;
}

/** The routing that applies: the settings file's, with what administrators set in the console over it. */
export function withConsoleChanges(
  routing: RoutingSettings,
  changes: readonly DepartmentRoutingChange[],
): RoutingSettings {
  const departments = { ...routing.departments };
  for (const { departmentId, strategy, capacity } of changes) {
    if (strategy === null && capacity === null) continue;
    const file = routing.departments[departmentId];
    const chosenCapacity = capacity ?? file?.capacity;
    departments[departmentId] = {
      strategy: strategy ?? file?.strategy ?? 'least-busy',
      ...(chosenCapacity === undefined ? {} : { capacity: chosenCapacity }),
    };
  }
  return { ...routing, departments };
}

export const strategyOf = (routing: RoutingSettings, departmentId: string): RoutingStrategy =>
  routing.departments[departmentId]?.strategy ?? 'least-busy';

export const skillsNeeded = (routing: RoutingSettings, topicId: string): readonly string[] =>
  routing.topicSkills[topicId] ?? [];

/** The most chats this agent may be given while taking a chat of this department. */
export const capacityOf = (agent: Pick<RoutingAgent, 'capacity'>, routing: RoutingSettings, departmentId: string) =>
  agent.capacity ?? routing.departments[departmentId]?.capacity ?? routing.defaultCapacity;

/** Whether routing may give this chat to this agent now: available, in its department, skilled, with room. */
export function mayBeGiven(agent: RoutingAgent, chat: WaitingChat, routing: RoutingSettings): boolean {
  return (
    agent.status === 'available' &&
    handlesChats(agent.role) &&
    worksIn(agent, chat.departmentId) &&
    skillsNeeded(routing, chat.topicId).every((skill) => agent.skills.includes(skill)) &&
    agent.load < capacityOf(agent, routing, chat.departmentId)
  );
}

const byId = (a: RoutingAgent, b: RoutingAgent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The agent a chat goes to under its department's strategy, or null (manual, or nobody may take it).
 * Least busy: the fewest active chats, then the longest since their last chat. Round robin: the next
 * agent after `lastAssignedId` in a fixed order, going round.
 */
export function chooseAgent(
  chat: WaitingChat,
  agents: readonly RoutingAgent[],
  routing: RoutingSettings,
  lastAssignedId: string | null,
): RoutingAgent | null {
  const strategy = strategyOf(routing, chat.departmentId);
  if (strategy === 'manual') return null;
  const eligible = agents.filter((agent) => mayBeGiven(agent, chat, routing));
  if (eligible.length === 0) return null;
  if (strategy === 'round-robin') {
    const ordered = [...eligible].sort(byId);
    return ordered.find((agent) => lastAssignedId !== null && agent.id > lastAssignedId) ?? ordered[0] ?? null;
  }
  // Never given a chat comes first; -Infinity minus itself would be NaN, so compare, not subtract.
  const since = (a: RoutingAgent, b: RoutingAgent) => {
    const [x, y] = [a.lastAssignedAt ?? -Infinity, b.lastAssignedAt ?? -Infinity];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return [...eligible].sort((a, b) => a.load - b.load || since(a, b) || byId(a, b))[0] ?? null;
}

const oldestFirst = (a: WaitingChat, b: WaitingChat) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1);

/**
 * The next assignment in a department: the oldest waiting chat that someone may take, with the
 * agent its strategy picks. A chat nobody may take (a skill nobody available has) does not hold up
 * the chats behind it.
 */
export function nextAssignment(
  chats: readonly WaitingChat[],
  agents: readonly RoutingAgent[],
  routing: RoutingSettings,
  lastAssignedId: string | null,
): { chat: WaitingChat; agent: RoutingAgent } | null {
  for (const chat of [...chats].sort(oldestFirst)) {
    const agent = chooseAgent(chat, agents, routing, lastAssignedId);
    if (agent) return { chat, agent };
  }
  return null;
}

/** The chat an agent with room should be given: the oldest of those they may take in routed departments. */
export function chooseChat(
  agent: RoutingAgent,
  chats: readonly WaitingChat[],
  routing: RoutingSettings,
): WaitingChat | null {
  return (
    [...chats]
      .sort(oldestFirst)
      .find((chat) => strategyOf(routing, chat.departmentId) !== 'manual' && mayBeGiven(agent, chat, routing)) ?? null
  );
}

/** An agent's status after their last console tab closed, or after idling (`status` is what they had). */
export function statusAfterIdle(status: AgentStatus): AgentStatus {
  return status === 'available' || status === 'busy' ? 'away' : status;
}

/** Statuses of an agent with their console open and not away: they answer chats, routed or taken by hand. */
export const answeringStatuses = ['available', 'busy'] as const satisfies readonly AgentStatus[];

/**
 * The departments someone answering now works in (issue 11: the widget says whether a topic is staffed):
 * roles that handle chats, in their departments, or every department when they list none, as routing
 * gives chats. `agents` are those in an answering status.
 */
export function staffedDepartments(
  agents: readonly Pick<RoutingAgent, 'role' | 'departments'>[],
  departmentIds: readonly string[],
): Set<string> {
  const answering = agents.filter((agent) => handlesChats(agent.role));
  return new Set(departmentIds.filter((departmentId) => answering.some((agent) => worksIn(agent, departmentId))));
}

/** The status a connecting agent gets: what they last chose, unless they were already connected. */
export function statusOnConnect(current: AgentStatus, chosen: AgentStatus): AgentStatus {
  return current === 'offline' ? chosen : current;
}
