import { textIn } from '@ward/protocol';
import type { Language } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import { leaveAMessageFormOf, leaveAMessageTopicField } from '../../shared/leave-a-message-form.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { endConversation } from '../conversations/end-conversation.ts';
import { conversationForVisitorToken } from '../conversations/visitor-access.ts';
import type { SubmissionInput } from './form-answers.rules.ts';
import { submitForm, type SubmittedForm } from './submit-form.ts';

/**
 * A resident leaves a message instead of chatting (issue 11, ADR 40): the "Leave a message" form,
 * sent like any online form, opens a case in the department of the topic they chose (a sealed,
 * audited submission; the confirmation email when they gave an address), counted as
 * `chat-left-message`. The chat they were waiting in, if any, then ends so it leaves the queue;
 * their message is safe before that, so a chat that cannot be ended never loses it.
 */
export async function leaveAMessage(
  ctx: ServiceContext,
  input: SubmissionInput,
  chatToken: string | null,
  now = new Date(),
  language: Language = 'en',
): Promise<SubmittedForm> {
  const { settings } = ctx.organisation;
  const form = leaveAMessageFormOf(settings);
  const chosen = input.answers[leaveAMessageTopicField];
  const topic =
    settings.topics.length === 1 ? settings.topics[0] : (settings.topics.find((t) => t.id === chosen) ?? undefined);
  const routed = topic ? { ...form, department: topic.department, topic: textIn(topic.label, 'en') } : form;
  const chat = chatToken ? await waitingChat(ctx, chatToken) : null;
  const submitted = await submitForm(ctx, routed, input, now, 'chat-left-message', language);
  if (chat)
    await endConversation(ctx, chat, {
      kind: 'system',
      reason: 'left-a-message',
      leftMessage: true,
      message: (lines) => lines.leftMessage(submitted.caseReference),
    }).catch((error: unknown) => {
      // Ended meanwhile (by the resident or an adviser): nothing more to do.
      if (!(error instanceof AppError && error.code === 'conversation_ended')) throw error;
    });
  return submitted;
}

/** The topic of the chat the resident's token opens (the form starts with it chosen); null when gone. */
export async function topicOfChat(ctx: ServiceContext, token: string): Promise<string | null> {
  return (await chatOfToken(ctx, token))?.topic_id ?? null;
}

/** The chat the resident's token opens, unless it has ended or is gone. */
async function waitingChat(ctx: ServiceContext, token: string): Promise<string | null> {
  const chat = await chatOfToken(ctx, token);
  return chat && chat.status !== 'ended' ? chat.id : null;
}

async function chatOfToken(ctx: ServiceContext, token: string) {
  try {
    return await conversationForVisitorToken(ctx, token);
  } catch (error) {
    // A chat that is gone (expired, erased) does not stop the message.
    if (error instanceof AppError && error.code === 'unauthenticated') return null;
    throw error;
  }
}
