import type { ChatNote } from '@ward/protocol';
import { formatTime } from '../../ui/format.ts';
import { noteHeading } from './chat-notes.ts';

/** A note, transfer note or whisper in the message log: styled apart, and saying the resident does not see it. */
export function ChatNoteItem({ note }: { note: ChatNote }) {
  return (
    <li className={`ward-message ward-message--note ward-message--${note.kind}`}>
      <p className="ward-message__meta">
        <span className="ward-message__sender">{noteHeading(note)}</span>{' '}
        <time dateTime={note.createdAt}>{formatTime(note.createdAt)}</time>
      </p>
      {note.body ? <p className="ward-message__body">{note.body}</p> : null}
    </li>
  );
}
