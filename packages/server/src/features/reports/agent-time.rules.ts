import type { ContactEventKind, ReportFigures } from '@ward/protocol';

/**
 * Advisers' time from contact events (ADR 44), pure: how long each was available (status available
 * or busy), how much of that they had at least one chat, and how many chats they had at once. A
 * chat is an adviser's from its assignment (accepted, routed, transferred to them, taken over by
 * them) until it ends or moves on.
 */
export type AgentTime = NonNullable<ReportFigures['agentTime']>;

/** `agent-status` values (migration 0036). */
export const agentStatusCodes = { offline: 0, available: 1, busy: 2, away: 3 } as const;

export type AgentStatusEvent = { staffId: string; at: Date; status: number };
export type ChatHoldEvent = { contactId: string; kind: ContactEventKind; staffId: string | null; at: Date };

/** The kinds that give a chat to someone, and those that end it; the repository reads exactly these. */
export const chatHoldKinds: readonly ContactEventKind[] = [
  'chat-assigned',
  'chat-transferred',
  'chat-taken-over',
  'chat-ended',
  'chat-abandoned',
  'chat-missed',
  'chat-left-message',
];
const givingKinds = new Set<ContactEventKind>(['chat-assigned', 'chat-transferred', 'chat-taken-over']);

/** One adviser's sums over a window; `chatMs` is chats × time, for the average at once. */
export type AgentTotals = {
  availableMs: number;
  withChatMs: number;
  heldMs: number;
  chatMs: number;
  concurrentMax: number;
};

const zero = (): AgentTotals => ({ availableMs: 0, withChatMs: 0, heldMs: 0, chatMs: 0, concurrentMax: 0 });

type Change = { at: number; order: number; status?: number; chats?: number };

/** The list kept under `key`, made empty the first time. */
function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  const list = map.get(key) ?? [];
  if (list.length === 0) map.set(key, list);
  return list;
}

/**
 * A chat held by one member of staff from `from` until `until` (milliseconds since the epoch; null:
 * still held). The database keeps the same holds as chats' events are written (migration 0041).
 */
export type ChatHold = { staffId: string; from: number; until: number | null };

/** Each chat's holds from its events, in time order: the definition the database's holds follow. */
export function chatHolds(chats: readonly ChatHoldEvent[]): ChatHold[] {
  const byChat = new Map<string, ChatHoldEvent[]>();
  for (const event of chats) listOf(byChat, event.contactId).push(event);
  const holds: ChatHold[] = [];
  for (const events of byChat.values()) {
    let open: ChatHold | null = null;
    for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      if (open) open.until = event.at.getTime();
      const holder = givingKinds.has(event.kind) ? event.staffId : null;
      open = holder ? { staffId: holder, from: event.at.getTime(), until: null } : null;
      if (open) holds.push(open);
    }
  }
  return holds;
}

/** The index of the first window (in order, end to end) that ends after `instant`. */
function firstWindowEndingAfter(ends: readonly number[], instant: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each adviser's totals in each window ([start, end), in order), counting time up to `now` at most.
 * Status events before the first window give the status it starts with (offline without one).
 */
export function agentTotals(
  statuses: readonly AgentStatusEvent[],
  chats: readonly ChatHoldEvent[],
  windows: ReadonlyArray<readonly [Date, Date]>,
  now: Date,
): Map<string, AgentTotals[]> {
  return agentTotalsOfHolds(statuses, chatHolds(chats), windows, now);
}

/** The same from the chats' holds rather than their events. */
export function agentTotalsOfHolds(
  statuses: readonly AgentStatusEvent[],
  holds: readonly ChatHold[],
  windows: ReadonlyArray<readonly [Date, Date]>,
  now: Date,
): Map<string, AgentTotals[]> {
  const changes = new Map<string, Change[]>();
  for (const hold of holds) {
    const list = listOf(changes, hold.staffId);
    list.push({ at: hold.from, order: 1, chats: 1 });
    if (hold.until !== null) list.push({ at: hold.until, order: 1, chats: -1 });
  }
  for (const event of statuses)
    listOf(changes, event.staffId).push({ at: event.at.getTime(), order: 0, status: event.status });
  const starts = windows.map(([start]) => start.getTime());
  const ends = windows.map(([, end]) => end.getTime());
  const result = new Map<string, AgentTotals[]>();
  const stop = Math.min(ends.at(-1) ?? 0, now.getTime());
  for (const [staffId, list] of changes) {
    const totals = windows.map(zero);
    let status: number = agentStatusCodes.offline;
    let held = 0;
    let from = Number.NEGATIVE_INFINITY;
    list.sort((a, b) => a.at - b.at || a.order - b.order);
    const spend = (until: number) => {
      // Only the windows the span overlaps: a year by day has 366, and an adviser thousands of spans.
      const upTo = Math.min(until, stop);
      for (let i = firstWindowEndingAfter(ends, from); i < ends.length; i++) {
        const start = starts[i]!;
        if (start >= upTo) break;
        const ms = Math.min(upTo, ends[i]!) - Math.max(from, start);
        if (ms <= 0) continue;
        const total = totals[i]!;
        const available = status === agentStatusCodes.available || status === agentStatusCodes.busy;
        if (available) total.availableMs += ms;
        if (held > 0) {
          total.heldMs += ms;
          total.chatMs += ms * held;
          total.concurrentMax = Math.max(total.concurrentMax, held);
          if (available) total.withChatMs += ms;
        }
      }
    };
    for (const change of list) {
      spend(change.at);
      from = change.at;
      if (change.status !== undefined) status = change.status;
      if (change.chats !== undefined) held = Math.max(0, held + change.chats);
    }
    spend(stop);
    result.set(staffId, totals);
  }
  return result;
}

/** Several advisers' (or windows') totals as one figure. */
export function agentTimeOf(totals: readonly AgentTotals[]): AgentTime {
  const sum = totals.reduce(
    (all, t) => ({
      availableMs: all.availableMs + t.availableMs,
      withChatMs: all.withChatMs + t.withChatMs,
      heldMs: all.heldMs + t.heldMs,
      chatMs: all.chatMs + t.chatMs,
      concurrentMax: Math.max(all.concurrentMax, t.concurrentMax),
    }),
    zero(),
  );
  return {
    availableMs: sum.availableMs,
    withChatMs: sum.withChatMs,
    utilisationPermille: sum.availableMs === 0 ? null : Math.round((sum.withChatMs * 1000) / sum.availableMs),
    concurrentMax: sum.concurrentMax,
    concurrentAverageHundredths: sum.heldMs === 0 ? null : Math.round((sum.chatMs * 100) / sum.heldMs),
  };
}
