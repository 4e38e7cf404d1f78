import type { Language } from '@ward/protocol';
import { chatLinesIn } from './chat-lines.rules.ts';

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
export const abandonedMessagesIn = (language: Language) => {
  const lines = chatLinesIn(language);
  return {
    'end-gone': lines.leftWhileWaiting,
    'end-waited-too-long': lines.waitedTooLong,
    'tell-agent': lines.residentLeft,
  } as const;
};
/** The same, in an English chat. */
export const abandonedMessages = abandonedMessagesIn('en');
