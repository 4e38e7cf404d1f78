import { randomUUID } from 'node:crypto';
import type { ChatNote } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canWriteChatNote } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { findStaffScopeRow } from '../access/staff-scope.repository.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { chatCaseTransferred } from '../cases/chat-case.ts';
import { departmentLabel } from '../cases/department-labels.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { chatEvent } from './chat-events.rules.ts';
import { toChatNote } from './chat-note.presenters.ts';
import { insertChatNote, listChatNotes } from './chat-notes.repository.ts';
import { accessFactsOf } from './conversation-access.ts';
import { toMessage } from './conversation.presenters.ts';
import { appendMessage, lockConversation, updateConversation } from './conversations.repository.ts';
import { planTransfer, transferNotice, type TransferTo } from './transfer-chat.rules.ts';

export type TransferTarget = { departmentId?: string; staffId?: string; note?: string };

/**
 * Transfers a chat (issue 11) to a department's queue or to an agent, in one transaction: the chat
 * and its case move (cases' transfer rules), the resident is told in the chat (one system message:
 * their seqs run on, their socket stays), the note for the receiving agent is kept with the chat
 * (a `transfer` note, never the resident's), and the contact event and audit entry are written.
 */
export async function transferChat(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  target: TransferTarget,
): Promise<ChatNote> {
  const label = departmentLabel(ctx);
  const done = await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== staff.organisationId) throw notFound('The conversation');
    const facts = accessFactsOf(row);
    if (!canWriteChatNote(await staffScopeOf(tx, staff), facts)) throw notFound('The conversation');
    const to: TransferTo = { departmentId: target.departmentId };
    if (target.staffId) {
      const found = await findStaffScopeRow(tx, staff.organisationId, target.staffId);
      to.staff = found && { staffId: target.staffId, ...found, active: found.disabled_at === null };
    }
    const departments = ctx.organisation.settings.departments.map((d) => d.id);
    const decision = planTransfer(facts, to, departments);
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    const { plan } = decision;
    if (!row.data_key) throw new AppError('conflict', 'This resident’s personal data has been erased');
    await updateConversation(tx, row, { status: plan.status, assigned_staff_id: plan.assignedStaffId });
    const caseChanged = await chatCaseTransferred(tx, row.id, staff, {
      departmentId: plan.departmentId,
      ownerStaffId: plan.assignedStaffId,
    });
    const told = await appendMessage(tx, row, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body: transferNotice(plan, label(plan.departmentId), row.language),
    });
    const noteId = randomUUID();
    await insertChatNote(tx, row.data_key, {
      id: noteId,
      organisation_id: row.organisation_id,
      conversation_id: row.id,
      kind: 'transfer',
      author_staff_id: staff.id,
      to_department_id: plan.departmentId,
      to_staff_id: plan.assignedStaffId,
      body: target.note ? redactFor(ctx.organisation.settings, target.note).text : '',
    });
    const [note] = await listChatNotes(tx, row.data_key, row.id, noteId);
    if (!note) throw notFound('The note');
    await recordContactEvents(tx, [
      {
        ...chatEvent(ctx.organisation.settings, row, 'chat-transferred', { staffId: plan.assignedStaffId }),
        departmentId: plan.departmentId,
      },
    ]);
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'update',
        purpose: 'handle-chat',
        fields: ['status', 'assigned_staff_id', 'conversation_notes.body'],
      }),
    );
    return { told, note: toChatNote(note, label), caseChanged, fromStaffId: row.assigned_staff_id, plan };
  });
  const organisationId = staff.organisationId;
  ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(done.told) });
  ctx.events.publish('chat-note.added', { organisationId, conversationId, note: done.note });
  ctx.events.publish('conversation.transferred', {
    organisationId,
    conversationId,
    fromStaffId: done.fromStaffId,
    toStaffId: done.plan.assignedStaffId,
  });
  if (done.caseChanged) ctx.events.publish('case.changed', done.caseChanged);
  return done.note;
}
