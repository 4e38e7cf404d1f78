import type { ChatNote } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canReadConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { departmentLabel } from '../cases/department-labels.ts';
import { toChatNote } from './chat-note.presenters.ts';
import { listChatNotes } from './chat-notes.repository.ts';
import { accessFactsOf } from './conversation-access.ts';
import { findConversation } from './conversations.repository.ts';

/** A chat's notes, transfer notes and whispers, for staff who may read the chat; the read is audited. */
export async function readChatNotes(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<ChatNote[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row || !canReadConversation(await staffScopeOf(tx, staff), accessFactsOf(row)))
      throw notFound('The conversation');
    const notes = await listChatNotes(tx, row.data_key, row.id);
    if (notes.length > 0)
      await recordAudit(
        tx,
        conversationEntry(row, {
          actor: staffActor(staff),
          action: 'read',
          purpose: row.status === 'ended' ? 'review-contact' : 'handle-chat',
          fields: ['conversation_notes.body'],
        }),
      );
    return notes.map((note) => toChatNote(note, departmentLabel(ctx)));
  });
}
