import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { decideAbandoned, type AbandonPolicy } from './abandoned-chats.rules.ts';
import { chatLinesIn } from './chat-lines.rules.ts';
import { listPossiblyAbandoned, markAgentTold } from './conversation-presence.repository.ts';
import { appendMessage, lockConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';
import { endConversation } from './end-conversation.ts';
import type { InactivityPolicy } from './chat-inactivity.rules.ts';
import { endInactiveChats } from './end-inactive-chats.ts';

/**
 * Ends the waiting chats whose resident has gone or that waited too long, and tells agents whose
 * resident has gone (abandoned-chats.rules.ts). Returns what it did, for the log and the tests.
 */
export async function endAbandonedChats(
  ctx: ServiceContext,
  policy: AbandonPolicy,
  now = new Date(),
): Promise<{ ended: number; told: number }> {
  const waitedSince = new Date(now.getTime() - policy.maxWaitMinutes * 60_000);
  const chats = await listPossiblyAbandoned(ctx.db, ctx.organisation.id, waitedSince);
  let ended = 0;
  let told = 0;
  for (const chat of chats) {
    if (chat.status === 'ended') continue;
    const decision = decideAbandoned(
      {
        status: chat.status,
        createdAt: chat.created_at,
        visitorLeftAt: chat.visitor_left_at,
        visitorLeftToldAt: chat.visitor_left_told_at,
      },
      now,
      policy,
    );
    if (decision === 'end-gone' || decision === 'end-waited-too-long') {
      // Another node or the agent may have ended or taken it meanwhile: the rules refuse that, and it is left.
      const done = await endConversation(ctx, chat.id, {
        kind: 'system',
        reason: decision === 'end-gone' ? 'resident left while waiting' : 'waited too long',
        message: (lines) => (decision === 'end-gone' ? lines.leftWhileWaiting : lines.waitedTooLong),
        missed: decision === 'end-waited-too-long',
      }).then(
        () => true,
        () => false,
      );
      if (done) ended++;
    } else if (decision === 'tell-agent') {
      const message = await ctx.db.transaction().execute(async (tx) => {
        const conversation = await lockConversation(tx, ctx.keyring, chat.id);
        if (!conversation || conversation.status !== 'active' || conversation.visitor_left_told_at) return null;
        await markAgentTold(tx, chat.id, now);
        return appendMessage(tx, conversation, {
          client_message_id: randomUUID(),
          sender: 'system',
          sender_staff_id: null,
          sender_name: null,
          body: chatLinesIn(conversation.language).residentLeft,
        });
      });
      if (message) {
        told++;
        ctx.events.publish('message.appended', {
          organisationId: ctx.organisation.id,
          conversationId: chat.id,
          message: toMessage(message),
        });
      }
    }
  }
  return { ended, told };
}

export const abandonedChatsQueue = 'abandoned-chats';

/** Every minute, on one node at a time: abandoned chats, then silent ones (end-inactive-chats.ts). */
export async function registerAbandonedChatJobs(
  ctx: ServiceContext,
  boss: PgBoss,
  policy: AbandonPolicy,
  inactivity: InactivityPolicy,
) {
  await boss.createQueue(abandonedChatsQueue, { policy: 'stately', retryLimit: 1, expireInSeconds: 300 });
  await boss.work(abandonedChatsQueue, async () => {
    await endAbandonedChats(ctx, policy);
    await endInactiveChats(ctx, inactivity);
  });
  await boss.schedule(abandonedChatsQueue, '* * * * *', null, { tz: 'Europe/London' });
}
