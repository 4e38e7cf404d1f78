import type { AgentConversation } from '@ward/protocol';
import { useChatNotes } from '../../realtime/use-chat-work.ts';
import { useStaff } from '../../session/session.tsx';
import { ChatNoteItem } from './ChatNoteItem.tsx';
import { NotesForm } from './NotesForm.tsx';

/**
 * Staff's notes on a conversation's page: the internal notes, transfer notes and whispers (an
 * audited read); a supervisor or administrator may whisper to the adviser handling a live chat.
 */
export function ConversationNotes({ conversation }: { conversation: AgentConversation }) {
  const me = useStaff();
  const { notes, problem } = useChatNotes(conversation.id);
  const mayWhisper =
    (me.role === 'supervisor' || me.role === 'admin') &&
    conversation.status === 'active' &&
    conversation.assignedStaffId !== null &&
    conversation.assignedStaffId !== me.id;
  return (
    <>
      <h2 className="govuk-heading-m">Staff notes</h2>
      <p className="govuk-body">Internal notes, transfer notes and whispers. The resident does not see them.</p>
      {problem ? <p className="govuk-body">The notes could not be read: {problem}</p> : null}
      {notes.length === 0 && !problem ? <p className="govuk-body">There are no staff notes.</p> : null}
      {notes.length > 0 ? (
        <ol className="ward-messages">
          {notes.map((note) => (
            <ChatNoteItem key={note.id} note={note} />
          ))}
        </ol>
      ) : null}
      {mayWhisper ? <NotesForm conversationId={conversation.id} kind="whisper" /> : null}
    </>
  );
}
