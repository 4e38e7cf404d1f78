import type { ChatNote } from '@ward/protocol';
import { formatTime } from '../../ui/format.ts';
import { noteHeading } from './chat-notes.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useChatWorkTexts } from './texts.ts';

/** A note, transfer note or whisper in the message log: styled apart, and saying the resident does not see it. */
export function ChatNoteItem({ note }: { note: ChatNote }) {
  const says = useChatWorkTexts();
  const language = useLanguage();
  return (
    <li className={`ward-message ward-message--note ward-message--${note.kind}`}>
      <p className="ward-message__meta">
        <span className="ward-message__sender">{noteHeading(note, says)}</span>{' '}
        <time dateTime={note.createdAt}>{formatTime(note.createdAt, language)}</time>
      </p>
      {note.body ? <p className="ward-message__body">{note.body}</p> : null}
    </li>
  );
}
