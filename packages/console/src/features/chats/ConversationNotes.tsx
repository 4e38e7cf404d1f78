import type { AgentConversation } from '@ward/protocol';
import { useChatNotes } from '../../realtime/use-chat-work.ts';
import { useStaff } from '../../session/session.tsx';
import { ChatNoteItem } from './ChatNoteItem.tsx';
import { NotesForm } from './NotesForm.tsx';
import { useChatWorkTexts } from './texts.ts';

/**
 * Staff's notes on a conversation's page: the internal notes, transfer notes and whispers (an
 * audited read); a supervisor or administrator may whisper to the adviser handling a live chat.
 */
export function ConversationNotes({ conversation }: { conversation: AgentConversation }) {
  const me = useStaff();
  const { notes, problem } = useChatNotes(conversation.id);
  const says = useChatWorkTexts();
  const mayWhisper =
    (me.role === 'supervisor' || me.role === 'admin') &&
    conversation.status === 'active' &&
    conversation.assignedStaffId !== null &&
    conversation.assignedStaffId !== me.id;
  return (
    <>
      <h2 className="govuk-heading-m">{says.staffNotes}</h2>
      <p className="govuk-body">{says.staffNotesExplained}</p>
      {problem ? <p className="govuk-body">{says.notesNotRead(problem)}</p> : null}
      {notes.length === 0 && !problem ? <p className="govuk-body">{says.noStaffNotes}</p> : null}
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
