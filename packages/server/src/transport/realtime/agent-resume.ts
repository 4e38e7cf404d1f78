import type { Socket } from 'socket.io';
import type { AgentResumeResult } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { handlesConversation, resumeForAgent } from '../../features/conversations/read-conversations.ts';
import { conversationRoom } from './rooms.ts';

/**
 * A staff socket's `resume`: what it missed in one chat, read and audited once. A socket that hears
 * a chat's messages must be in its room before that read, or a message stored between the read and
 * the join would never reach it. So a chat this agent handles is joined first (who handles a chat is
 * not personal data: that check is not audited), and left again if the read finds it is not theirs.
 * After a reconnection the console resumes every open chat, so one read per chat, not two, is what
 * a storm of reconnecting advisers costs.
 */
export async function resumeInRoom(
  socket: Socket,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  afterSeq: number,
): Promise<AgentResumeResult> {
  const room = conversationRoom(conversationId);
  const joinedHere = !socket.rooms.has(room) && (await handlesConversation(ctx, staff, conversationId));
  if (joinedHere) await socket.join(room);
  let result: AgentResumeResult;
  try {
    result = await resumeForAgent(ctx, staff, conversationId, afterSeq);
  } catch (error) {
    if (joinedHere) await socket.leave(room);
    throw error;
  }
  const theirs = result.conversation.assignedStaffId === staff.id;
  if (joinedHere && !theirs) await socket.leave(room);
  if (!theirs || socket.rooms.has(room)) return result;
  // Theirs since the check (taken in another tab): join, then read what came in between.
  await socket.join(room);
  const later = await resumeForAgent(ctx, staff, conversationId, result.messages.at(-1)?.seq ?? afterSeq);
  return { conversation: later.conversation, messages: [...result.messages, ...later.messages] };
}
