import type { AgentConversation, AgentResumeResult, ConversationWithMessages, QueueItem, ResumeResult } from '@ward/protocol';
import { normaliseCaseReference } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canAgentSee, missingRange } from './conversation.rules.ts';
import {
  findConversation,
  findConversationByReference,
  findConversationByVisitorToken,
  listConversations,
  listMessagesAfter,
  type ConversationRecord,
} from './conversations.repository.ts';
import { toAgentConversation, toMessage, toQueueItem, toVisitorConversation } from './conversation.presenters.ts';
import { hashToken } from './start-conversation.ts';

/** The visitor token is the only key to a conversation a resident holds. */
export async function conversationForVisitorToken(ctx: ServiceContext, token: string): Promise<ConversationRecord> {
  const row = token.length > 0 && token.length < 200 ? await findConversationByVisitorToken(ctx.db, ctx.keyring, hashToken(token)) : undefined;
  if (!row || row.organisation_id !== ctx.organisation.id) throw new AppError('unauthenticated', 'This chat is no longer available');
  return row;
}

export async function resumeForVisitor(ctx: ServiceContext, conversationId: string, afterSeq: number): Promise<ResumeResult> {
  const row = await findConversation(ctx.db, ctx.keyring, ctx.organisation.id, conversationId);
  if (!row) throw notFound('The conversation');
  const range = missingRange(afterSeq, row.last_seq);
  const messages = range ? await listMessagesAfter(ctx.db, row, afterSeq) : [];
  return { conversation: toVisitorConversation(row, ctx.organisation.settings.agentNameShown), messages: messages.map(toMessage) };
}

async function visibleConversation(ctx: ServiceContext, staff: StaffPrincipal, row: ConversationRecord | undefined) {
  if (!row || !canAgentSee({ status: row.status, assignedStaffId: row.assigned_staff_id }, staff.id, staff.role)) {
    throw notFound('The conversation');
  }
  return row;
}

export async function resumeForAgent(ctx: ServiceContext, staff: StaffPrincipal, conversationId: string, afterSeq: number): Promise<AgentResumeResult> {
  const row = await visibleConversation(ctx, staff, await findConversation(ctx.db, ctx.keyring, staff.organisationId, conversationId));
  const range = missingRange(afterSeq, row.last_seq);
  const messages = range ? await listMessagesAfter(ctx.db, row, afterSeq) : [];
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}

export async function getConversation(ctx: ServiceContext, staff: StaffPrincipal, conversationId: string): Promise<ConversationWithMessages> {
  return resumeForAgent(ctx, staff, conversationId, 0);
}

export async function getConversationByReference(ctx: ServiceContext, staff: StaffPrincipal, typed: string): Promise<ConversationWithMessages> {
  const reference = normaliseCaseReference(typed);
  if (!reference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  const row = await visibleConversation(ctx, staff, await findConversationByReference(ctx.db, ctx.keyring, staff.organisationId, reference));
  const messages = await listMessagesAfter(ctx.db, row, 0);
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}

export async function listConversationsForStaff(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  status: 'waiting' | 'active' | 'ended' | undefined,
): Promise<AgentConversation[]> {
  const rows = await listConversations(ctx.db, ctx.keyring, staff.organisationId, { status, limit: 50 });
  return rows
    .filter((row) => canAgentSee({ status: row.status, assignedStaffId: row.assigned_staff_id }, staff.id, staff.role))
    .map(toAgentConversation);
}

export async function waitingQueue(ctx: ServiceContext, organisationId: string): Promise<QueueItem[]> {
  const rows = await listConversations(ctx.db, ctx.keyring, organisationId, { status: 'waiting', limit: 200, oldestFirst: true });
  return rows.map(toQueueItem);
}

/** The agent's workspace: live chats, and ended ones still waiting for their summary. */
export async function openConversationsOf(ctx: ServiceContext, staff: StaffPrincipal): Promise<AgentConversation[]> {
  const [active, unsummarised] = await Promise.all([
    listConversations(ctx.db, ctx.keyring, staff.organisationId, { status: 'active', assignedStaffId: staff.id, limit: 50, oldestFirst: true }),
    listConversations(ctx.db, ctx.keyring, staff.organisationId, { status: 'ended', assignedStaffId: staff.id, awaitingSummary: true, limit: 20, oldestFirst: true }),
  ]);
  return [...active, ...unsummarised].map(toAgentConversation);
}

export async function agentConversation(ctx: ServiceContext, conversationId: string): Promise<AgentConversation | null> {
  const row = await findConversation(ctx.db, ctx.keyring, ctx.organisation.id, conversationId);
  return row ? toAgentConversation(row) : null;
}
