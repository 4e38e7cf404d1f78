import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../shared/service-context.ts';
import {
  decideInactivity,
  inactivityWarningMinutes,
  type InactivityDecision,
  type InactivityPolicy,
} from './chat-inactivity.rules.ts';
import {
  clearInactivityWarning,
  listInactivityCandidates,
  markInactivityWarned,
  readInactivityFacts,
} from './chat-inactivity.repository.ts';
import { appendMessage, lockConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';
import { endConversation } from './end-conversation.ts';
import { chatLinesIn } from './chat-lines.rules.ts';

/**
 * Warns the residents of live chats where nobody has written for a while, clears the warnings someone
 * answered, and ends the chats still silent at their closing time (chat-inactivity.rules.ts). Each
 * step decides again with the chat's row locked, so a message that came meanwhile wins, and two nodes
 * never warn or end one chat twice. Returns what it did, for the log and the tests.
 */
export async function endInactiveChats(
  ctx: ServiceContext,
  policy: InactivityPolicy,
  now = new Date(),
): Promise<{ warned: number; cleared: number; ended: number }> {
  const acceptedBefore = new Date(now.getTime() - (policy.inactiveMinutes - inactivityWarningMinutes) * 60_000);
  const chats = await listInactivityCandidates(ctx.db, ctx.organisation.id, acceptedBefore);
  const done = { warned: 0, cleared: 0, ended: 0 };
  for (const chat of chats) {
    const decision = decideInactivity(chat, now, policy);
    if (decision.kind === 'end') {
      const ended = await endConversation(ctx, chat.id, {
        kind: 'system',
        reason: 'no activity',
        message: (lines) => lines.inactivityEnded,
        stillDue: async (tx) => {
          const facts = await readInactivityFacts(tx, chat.id);
          return facts !== undefined && decideInactivity(facts, now, policy).kind === 'end';
        },
      }).then(
        () => true,
        () => false,
      );
      if (ended) done.ended++;
    } else if (decision.kind === 'warn' || decision.kind === 'clear') {
      if (await warnOrClear(ctx, chat.id, decision, policy, now))
        done[decision.kind === 'warn' ? 'warned' : 'cleared']++;
    }
  }
  return done;
}

async function warnOrClear(
  ctx: ServiceContext,
  conversationId: string,
  decision: InactivityDecision & { kind: 'warn' | 'clear' },
  policy: InactivityPolicy,
  now: Date,
): Promise<boolean> {
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    const facts = conversation && (await readInactivityFacts(tx, conversationId));
    if (!conversation || !facts || decideInactivity(facts, now, policy).kind !== decision.kind) return null;
    if (decision.kind === 'clear') {
      await clearInactivityWarning(tx, conversationId);
      return { message: null };
    }
    await markInactivityWarned(tx, conversationId, now, decision.closesAt);
    const message = await appendMessage(tx, conversation, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body: chatLinesIn(conversation.language).inactivityWarning(decision.closesAt),
    });
    return { message };
  });
  if (!outcome) return false;
  const organisationId = ctx.organisation.id;
  if (outcome.message)
    ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(outcome.message) });
  ctx.events.publish('conversation.changed', { organisationId, conversationId });
  return true;
}
