import { dialogueConsentSummary } from './consent-in-chat.ts';
import type {
  AgentConversation,
  AgentResumeResult,
  ConversationWithMessages,
  QueueItem,
  ResumeResult,
} from '@ward/protocol';
import { normaliseCaseReference } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { missingRange } from './conversation.rules.ts';
import { canReadConversation, conversationListScope, type StaffScope } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import {
  findConversation,
  findConversationAssignee,
  findConversationByReference,
  listConversations,
  listWaiting,
  listMessagesAfter,
  countLiveConversations,
  type ConversationRecord,
} from './conversations.repository.ts';
import { toAgentConversation, toMessage, toQueueItem, toVisitorConversation } from './conversation.presenters.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';

/** What a resident missed in their chat (their visitor token, the only key they hold, opened it). */
export async function resumeForVisitor(
  ctx: ServiceContext,
  conversationId: string,
  afterSeq: number,
): Promise<ResumeResult> {
  const row = await findConversation(ctx.db, ctx.keyring, ctx.organisation.id, conversationId);
  if (!row) throw notFound('The conversation');
  const range = missingRange(afterSeq, row.last_seq);
  const messages = range ? await listMessagesAfter(ctx.db, row, afterSeq) : [];
  return {
    conversation: toVisitorConversation(
      row,
      ctx.organisation.settings.agentNameShown,
      dialogueConsentSummary(ctx.organisation.settings, row.language),
    ),
    messages: messages.map(toMessage),
  };
}

/** The conversation if this member of staff may read it; a 404 otherwise, saying nothing of whether it exists. */
function visibleConversation(scope: StaffScope, row: ConversationRecord | undefined): ConversationRecord {
  if (!row || !canReadConversation(scope, accessFactsOf(row))) throw notFound('The conversation');
  return row;
}

/** Staff read a live chat to handle it, an ended one to review the contact. */
const purposeOfReading = (status: ConversationRecord['status']) =>
  status === 'ended' ? 'review-contact' : 'handle-chat';

/**
 * Reads a conversation for a member of staff and records the read in the audit trail: nothing read
 * is returned until its entry is committed (with other reads', ctx.readAudit).
 */
async function readForStaff(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  find: (db: DbOrTx) => Promise<ConversationRecord | undefined>,
  afterSeq: number,
): Promise<AgentResumeResult> {
  // One connection for the three reads: each would otherwise queue again for the pool, which is
  // long when many reconnect at once.
  const { row, messages } = await ctx.db.connection().execute(async (db) => {
    const row = visibleConversation(await staffScopeOf(db, staff), await find(db));
    const range = missingRange(afterSeq, row.last_seq);
    return { row, messages: range ? await listMessagesAfter(db, row, afterSeq) : [] };
  });
  await ctx.readAudit.record(
    conversationEntry(row, {
      actor: staffActor(staff),
      action: 'read',
      purpose: purposeOfReading(row.status),
      fields: messages.length > 0 ? [...conversationFields, 'messages.body'] : conversationFields,
    }),
  );
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}

/** Whether this member of staff handles the chat now. Who handles a chat is not personal data: not audited. */
export async function handlesConversation(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<boolean> {
  return (await findConversationAssignee(ctx.db, staff.organisationId, conversationId)) === staff.id;
}

export async function resumeForAgent(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  afterSeq: number,
): Promise<AgentResumeResult> {
  return readForStaff(
    ctx,
    staff,
    (tx) => findConversation(tx, ctx.keyring, staff.organisationId, conversationId),
    afterSeq,
  );
}

export async function getConversation(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<ConversationWithMessages> {
  return resumeForAgent(ctx, staff, conversationId, 0);
}

export async function getConversationByReference(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  typed: string,
): Promise<ConversationWithMessages> {
  const reference = normaliseCaseReference(typed);
  if (!reference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  return readForStaff(
    ctx,
    staff,
    (tx) => findConversationByReference(tx, ctx.keyring, staff.organisationId, reference),
    0,
  );
}

export async function listConversationsForStaff(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  status: 'waiting' | 'active' | 'ended' | undefined,
): Promise<AgentConversation[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const scope = await staffScopeOf(tx, staff);
    const rows = (
      await listConversations(tx, ctx.keyring, staff.organisationId, {
        status,
        limit: 50,
        visibleTo: conversationListScope(scope),
      })
    ).filter((row) => canReadConversation(scope, accessFactsOf(row)));
    // One entry per conversation shown (at most 50): each names its resident and case.
    const actor = staffActor(staff);
    await recordAudit(
      tx,
      rows.map((row) =>
        conversationEntry(row, {
          actor,
          action: 'read',
          purpose: purposeOfReading(row.status),
          fields: conversationFields,
        }),
      ),
    );
    return rows.map(toAgentConversation);
  });
}

/**
 * The waiting queue of some departments, or of all (null): topic, department, wait and case
 * reference only (`toQueueItem`), no personal data, so it is not audited (ADR 12).
 */
export async function waitingQueue(
  ctx: ServiceContext,
  organisationId: string,
  departments: readonly string[] | null,
): Promise<QueueItem[]> {
  return (await listWaiting(ctx.db, organisationId, departments, 200)).map(toQueueItem);
}

/**
 * The agent's workspace, sent on every (re)connect: live chats, and ended ones still waiting for
 * their summary. It shows their residents' details, so the read is audited (one entry per
 * conversation, purpose `handle-chat`) before anything is returned.
 */
export async function openConversationsOf(ctx: ServiceContext, staff: StaffPrincipal): Promise<AgentConversation[]> {
  const rows = await ctx.db.connection().execute(async (db) => [
    ...(await listConversations(db, ctx.keyring, staff.organisationId, {
      status: 'active',
      assignedStaffId: staff.id,
      limit: 50,
      oldestFirst: true,
    })),
    ...(await listConversations(db, ctx.keyring, staff.organisationId, {
      status: 'ended',
      assignedStaffId: staff.id,
      awaitingSummary: true,
      limit: 20,
      oldestFirst: true,
    })),
  ]);
  const actor = staffActor(staff);
  await ctx.readAudit.record(
    rows.map((row) =>
      conversationEntry(row, { actor, action: 'read', purpose: 'handle-chat', fields: conversationFields }),
    ),
  );
  return rows.map(toAgentConversation);
}

/**
 * A conversation's new state for the agent handling it (fan-out.ts pushes it to that agent's
 * room). Not audited here: the agent's accept (or resume) recorded the read of this conversation
 * for handling the chat, and these pushes are that same handling (ADR 12).
 */
export async function agentConversation(
  ctx: ServiceContext,
  conversationId: string,
): Promise<AgentConversation | null> {
  const row = await findConversation(ctx.db, ctx.keyring, ctx.organisation.id, conversationId);
  return row ? toAgentConversation(row) : null;
}

/** Chats waiting and being handled now, for the operators' metrics (counts only). */
export async function liveConversationCounts(ctx: ServiceContext): Promise<{ waiting: number; active: number }> {
  return countLiveConversations(ctx.db, ctx.organisation.id);
}
