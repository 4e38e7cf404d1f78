/**
 * What happens to a chat whose resident has gone, or that nobody takes (issue 15, issue 11), pure.
 * A waiting chat ends when its resident has been gone `leftMinutes`, or when it has waited
 * `maxWaitMinutes`, so nothing waits for ever; an active chat whose resident has been gone
 * `leftMinutes` is not ended (they may come back) but its agent is told, once.
 */
export type AbandonPolicy = { leftMinutes: number; maxWaitMinutes: number };

export type OpenChatFacts = {
  status: 'waiting' | 'active';
  createdAt: Date;
  visitorLeftAt: Date | null;
  visitorLeftToldAt: Date | null;
};

export type AbandonDecision = 'end-gone' | 'end-waited-too-long' | 'tell-agent' | 'leave';

const minutes = (n: number) => n * 60_000;

export function decideAbandoned(chat: OpenChatFacts, now: Date, policy: AbandonPolicy): AbandonDecision {
  const gone =
    chat.visitorLeftAt !== null && now.getTime() - chat.visitorLeftAt.getTime() >= minutes(policy.leftMinutes);
  if (chat.status === 'waiting') {
    if (gone) return 'end-gone';
    if (now.getTime() - chat.createdAt.getTime() >= minutes(policy.maxWaitMinutes)) return 'end-waited-too-long';
    return 'leave';
  }
  return gone && chat.visitorLeftToldAt === null ? 'tell-agent' : 'leave';
}

/** What the resident (if they come back) and the agent read in the chat. */
export const abandonedMessages = {
  'end-gone':
    'The chat has ended because you left before an adviser was free. Start a new chat if you still need help.',
  'end-waited-too-long':
    'Sorry, no adviser was free to answer. The chat has ended: start a new chat later, or contact us another way.',
  'tell-agent': 'The resident seems to have left the chat (their window was closed).',
} as const;
