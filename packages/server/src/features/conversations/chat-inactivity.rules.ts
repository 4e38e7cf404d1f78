import { chatLinesIn } from './chat-lines.rules.ts';

export { londonClock } from './chat-lines.rules.ts';

/**
 * A live chat where nobody writes closes, after a warning the resident can answer (issue 11, WCAG
 * 2.2.1, ADR 43), pure. The silence counts only while the resident owes the reply (the adviser wrote
 * last): a resident waiting for the council is never closed on. It runs from the adviser's last
 * message, the acceptance or the resident's last "Stay", whichever is latest. `inactiveMinutes` after
 * it the chat may close; the warning comes `inactivityWarningMinutes` before, and the chat closes no
 * sooner than that long after the warning, whenever the job saw it. Any message from either side, or
 * "Stay", after the warning clears it.
 */
export type InactivityPolicy = { inactiveMinutes: number };

/** Fixed (ADR 43): well over WCAG's 20 seconds, and longer than the minute between the job's runs. */
export const inactivityWarningMinutes = 2;

export type InactivityFacts = {
  status: 'waiting' | 'active' | 'ended';
  acceptedAt: Date | null;
  lastVisitorMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  stayedAt: Date | null;
  warnedAt: Date | null;
  closesAt: Date | null;
};

export type InactivityDecision =
  { kind: 'warn'; closesAt: Date } | { kind: 'clear' } | { kind: 'end' } | { kind: 'leave' };

const minutes = (n: number) => n * 60_000;
const after = (a: Date | null, b: Date) => a !== null && a.getTime() >= b.getTime();

export function decideInactivity(chat: InactivityFacts, now: Date, policy: InactivityPolicy): InactivityDecision {
  if (chat.status === 'ended') return { kind: 'leave' };
  if (chat.warnedAt) {
    const warnedAt = chat.warnedAt;
    const answered = [chat.lastVisitorMessageAt, chat.lastAgentMessageAt, chat.stayedAt].some((at) =>
      after(at, warnedAt),
    );
    // Back in a queue (transferred), or someone wrote or stayed: the warning no longer stands.
    if (chat.status !== 'active' || answered) return { kind: 'clear' };
    const closesAt = chat.closesAt ?? new Date(warnedAt.getTime() + minutes(inactivityWarningMinutes));
    return now.getTime() >= closesAt.getTime() ? { kind: 'end' } : { kind: 'leave' };
  }
  if (chat.status !== 'active' || chat.lastAgentMessageAt === null) return { kind: 'leave' };
  // The resident wrote last: it is the council's turn, whatever the time.
  if (chat.lastVisitorMessageAt && chat.lastVisitorMessageAt.getTime() >= chat.lastAgentMessageAt.getTime())
    return { kind: 'leave' };
  const quietSince = Math.max(
    chat.lastAgentMessageAt.getTime(),
    chat.acceptedAt?.getTime() ?? 0,
    chat.stayedAt?.getTime() ?? 0,
  );
  const warnFrom = quietSince + minutes(policy.inactiveMinutes - inactivityWarningMinutes);
  if (now.getTime() < warnFrom) return { kind: 'leave' };
  return { kind: 'warn', closesAt: new Date(now.getTime() + minutes(inactivityWarningMinutes)) };
}

/**
 * What the resident and the adviser read in an English chat (system lines, kept in the transcript);
 * chat-lines.rules.ts has each language's.
 */
export const inactivityMessages = {
  warning: chatLinesIn('en').inactivityWarning,
  stayed: chatLinesIn('en').stayed,
  ended: chatLinesIn('en').inactivityEnded,
} as const;
