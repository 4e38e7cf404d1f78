import { chatLinesIn, type ChatLines } from './chat-lines.rules.ts';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { conversationEntry, recordAudit, staffActor, systemActor } from '../audit/record-audit.ts';
import { decideEnd, type Actor } from './conversation.rules.ts';
import { appendMessage, lockConversation, updateConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { chatCaseEnded } from '../cases/chat-case.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent, millisBetween } from './chat-events.rules.ts';

/** An agent ending a chat: the rules' actor, with who they are for the audit trail. */
export type AgentActor = Actor & { kind: 'agent'; staff: StaffPrincipal };

/**
 * Ward itself ending a chat nobody can continue (abandoned-chats.rules.ts, chat-inactivity.rules.ts),
 * saying why: `missed` when nobody was free, `leftMessage` when the resident left a message instead
 * (ADR 44). `stillDue` asks again with the row locked: a message may have come since the job looked.
 */
export type SystemEnd = {
  kind: 'system';
  reason: string;
  /** The line written into the chat, in the chat's language (chat-lines.rules.ts). */
  message: (lines: ChatLines) => string;
  missed?: boolean;
  leftMessage?: boolean;
  stillDue?: (tx: Tx) => Promise<boolean>;
};

/** Ends a chat for both parties; an agent may file the contact summary at the same time. */
export async function endConversation(
  ctx: ServiceContext,
  conversationId: string,
  actor: { kind: 'visitor' } | AgentActor | SystemEnd,
  summary?: string,
): Promise<void> {
  const { ended, caseChanged } = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    const decision = decideEnd(
      { status: conversation.status, assignedStaffId: conversation.assigned_staff_id },
      actor.kind === 'system' ? { kind: 'visitor' } : actor,
    );
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    if (actor.kind === 'system' && actor.stillDue && !(await actor.stillDue(tx)))
      throw new AppError('conflict', 'The chat is no longer due to end');
    const endedAt = new Date();
    await updateConversation(tx, conversation, {
      status: 'ended',
      ended_at: endedAt,
      // ADR 9: only the redacted summary is kept.
      ...(summary ? { summary: redactFor(ctx.organisation.settings, summary).text } : {}),
    });
    const ended = await appendMessage(tx, conversation, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body:
        actor.kind === 'system'
          ? actor.message(chatLinesIn(conversation.language))
          : chatLinesIn(conversation.language).ended,
    });
    await recordContactEvents(tx, [endEvent(ctx, conversation, actor, endedAt)]);
    const caseChanged = await chatCaseEnded(tx, conversationId, actor.kind === 'agent' ? actor.staff : null);
    // Staff (or Ward) ending a chat is audited; the resident's own actions are not.
    if (actor.kind === 'system')
      await recordAudit(
        tx,
        conversationEntry(conversation, {
          actor: systemActor,
          action: 'update',
          purpose: 'handle-chat',
          fields: ['status', 'ended_at'],
          reason: actor.reason,
        }),
      );
    if (actor.kind === 'agent') {
      await recordAudit(
        tx,
        conversationEntry(conversation, {
          actor: staffActor(actor.staff),
          action: 'update',
          purpose: 'handle-chat',
          fields: summary ? ['status', 'ended_at', 'summary'] : ['status', 'ended_at'],
        }),
      );
    }
    return { ended, caseChanged };
  });
  const organisationId = ctx.organisation.id;
  ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(ended) });
  ctx.events.publish('conversation.ended', { organisationId, conversationId });
  if (caseChanged) ctx.events.publish('case.changed', caseChanged);
}

/**
 * How the chat ended, for reports (ADR 36): handled (with its handle time), abandoned by the
 * resident before anyone answered (with how long they waited), missed: Ward ended it because
 * nobody was free to answer, or left a message instead (ADR 44), which is not abandoning it.
 */
function endEvent(
  ctx: ServiceContext,
  chat: Parameters<typeof chatEvent>[1] & { status: string; created_at: Date; accepted_at: Date | null },
  actor: { kind: 'visitor' } | AgentActor | SystemEnd,
  endedAt: Date,
) {
  const { settings } = ctx.organisation;
  if (chat.status === 'active' && chat.accepted_at)
    return chatEvent(settings, chat, 'chat-ended', { value: millisBetween(chat.accepted_at, endedAt) });
  const kind =
    actor.kind !== 'system'
      ? 'chat-abandoned'
      : actor.leftMessage
        ? 'chat-left-message'
        : actor.missed
          ? 'chat-missed'
          : 'chat-abandoned';
  return chatEvent(settings, chat, kind, { value: millisBetween(chat.created_at, endedAt) });
}
