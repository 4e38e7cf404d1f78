import type { WithheldMessagesBody } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { replaceWithheld } from './export-packs.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import { findRightsRequest } from './rights.repository.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';

/**
 * Sets which of the scope's messages are withheld as third-party information (ADR 34): the next
 * pack shows `[withheld: third-party information]` in their place. Only the messages' places are
 * kept. A message of a chat outside the request's scope is refused and nothing changes.
 */
export async function withholdMessages(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  body: WithheldMessagesBody,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId, { forUpdate: true });
    if (!request) throw notFound('The request');
    const scope = await scopeOfRequest(tx, staff.organisationId, requestId);
    const chats = new Set(scope.conversations.map((c) => c.id));
    if (body.messages.some((m) => !chats.has(m.conversationId)))
      throw new AppError('bad_request', 'A message to withhold is not in a chat of this request');
    await replaceWithheld(tx, {
      organisationId: staff.organisationId,
      requestId,
      markedBy: staff.id,
      messages: body.messages,
    });
    await recordAudit(tx, rightsAuditEntry(staff, request, 'update', ['withheld_messages']));
  });
}
