import { randomUUID } from 'node:crypto';
import type { ChatNote } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canWhisperInChat, canWriteChatNote } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { departmentLabel } from '../cases/department-labels.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { toChatNote } from './chat-note.presenters.ts';
import { insertChatNote, listChatNotes } from './chat-notes.repository.ts';
import { accessFactsOf } from './conversation-access.ts';
import { lockConversation } from './conversations.repository.ts';

/**
 * Adds an internal note to a chat (the agent handling it, or a watcher), or a supervisor's whisper
 * to the agent handling it. Staff only: never a message, so never the resident's (ADR 41). Redacted
 * again here as well as at the door (ADR 9), sealed under the chat's data subject key, audited.
 */
export async function addChatNote(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  kind: 'note' | 'whisper',
  text: string,
): Promise<ChatNote> {
  const note = await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== staff.organisationId) throw notFound('The conversation');
    const scope = await staffScopeOf(tx, staff);
    const facts = accessFactsOf(row);
    if (!canWriteChatNote(scope, facts)) throw notFound('The conversation');
    if (kind === 'whisper' && !canWhisperInChat(scope, facts))
      throw new AppError('forbidden', 'Only a supervisor can whisper, to the adviser handling a live chat');
    if (!row.data_key) throw new AppError('conflict', 'This resident’s personal data has been erased');
    const id = randomUUID();
    await insertChatNote(tx, row.data_key, {
      id,
      organisation_id: row.organisation_id,
      conversation_id: row.id,
      kind,
      author_staff_id: staff.id,
      to_department_id: null,
      to_staff_id: kind === 'whisper' ? row.assigned_staff_id : null,
      body: redactFor(ctx.organisation.settings, text).text,
    });
    const [stored] = await listChatNotes(tx, row.data_key, row.id, id);
    if (!stored) throw notFound('The note');
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'create',
        purpose: 'handle-chat',
        fields: ['conversation_notes.body'],
      }),
    );
    return toChatNote(stored, departmentLabel(ctx));
  });
  ctx.events.publish('chat-note.added', { organisationId: staff.organisationId, conversationId, note });
  return note;
}
