import type { ScopeMessagesResponse } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { openScopeConversations } from './export-pack.repository.ts';
import { messageKey } from './export-pack.rules.ts';
import { listWithheld } from './export-packs.repository.ts';
import { findRightsRequest } from './rights.repository.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';

/**
 * The messages of the request's chats, for the officer to mark what names other people before
 * release (ADR 34). Reading them is reading each chat: audited per chat.
 */
export async function readScopeMessages(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
): Promise<ScopeMessagesResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId);
    if (!request) throw notFound('The request');
    const scope = await scopeOfRequest(tx, staff.organisationId, requestId);
    const chats = await openScopeConversations(tx, ctx.keyring, scope);
    const withheld = new Set(
      (await listWithheld(tx, staff.organisationId, requestId)).map((m) => messageKey(m.conversationId, m.seq)),
    );
    await recordAudit(
      tx,
      scope.conversations.map((chat) => ({
        organisationId: staff.organisationId,
        actor: staffActor(staff),
        action: 'read' as const,
        purpose: 'rights-request' as const,
        recordType: 'conversation',
        recordId: chat.id,
        dataSubjectId: chat.dataSubjectId,
        caseReference: scope.cases.find((c) => c.id === chat.caseId)?.caseReference ?? null,
        fields: ['messages'],
      })),
    );
    return {
      chats: chats.map((chat) => ({
        conversationId: chat.id,
        caseReference: chat.caseReference,
        topic: chat.topic,
        startedAt: chat.startedAt.toISOString(),
        messages: chat.messages.map((m) => ({
          seq: m.seq,
          at: m.at.toISOString(),
          from: m.sender === 'visitor' ? 'Resident' : m.sender === 'agent' ? (m.senderName ?? 'Council') : 'Ward',
          text: m.text,
          withheld: withheld.has(messageKey(chat.id, m.seq)),
        })),
      })),
    };
  });
}
