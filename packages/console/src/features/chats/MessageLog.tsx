import type { ChatNote, Message } from '@ward/protocol';
import { useLayoutEffect, useRef, useState } from 'react';
import type { PendingMessage } from '../../realtime/workspace-state.ts';
import { formatTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { logEntries } from './chat-notes.ts';
import { ChatNoteItem } from './ChatNoteItem.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import { useChatsTexts } from './texts.ts';
import type { ChatsTexts } from './texts-en.ts';

interface MessageLogProps {
  visitorName: string;
  messages: Message[];
  /** Staff's notes, transfer notes and whispers, shown among the messages (never the resident's). */
  notes?: ChatNote[];
  pending: PendingMessage[];
  canMarkConsent: boolean;
  onMarkConsent: (seq: number) => Promise<string | null>;
  onRetry: (clientMessageId: string) => void;
}

function senderOf(message: Message, visitorName: string, texts: ChatsTexts): string {
  if (message.sender === 'visitor') return visitorName;
  if (message.sender === 'agent') return message.senderName ?? texts.agent;
  return 'Ward';
}

function ConsentAction({ message, onMark }: { message: Message; onMark: (seq: number) => Promise<string | null> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const texts = useChatsTexts();
  const { errorPrefix } = useShellTexts();
  if (message.consentEvidence) return <Tag colour="blue">{texts.consentEvidence}</Tag>;
  async function mark() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const problem = await onMark(message.seq);
    setBusy(false);
    if (problem) setError(problem);
  }
  return (
    <>
      {error ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">{errorPrefix}</span> {error}
        </p>
      ) : null}
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-font-size-16"
        onClick={() => void mark()}
      >
        {texts.markConsentEvidence}
      </button>
    </>
  );
}

/**
 * The transcript of the selected chat. role="log" with aria-live="off": new resident messages
 * are announced once, through the console's live region, so nothing is read twice.
 */
export function MessageLog({
  visitorName,
  messages,
  notes = [],
  pending,
  canMarkConsent,
  onMarkConsent,
  onRetry,
}: MessageLogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const texts = useChatsTexts();
  const { errorPrefix } = useShellTexts();
  const language = useLanguage();

  // Follow new messages unless the agent has scrolled up to read earlier ones.
  useLayoutEffect(() => {
    const log = ref.current;
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight;
  }, [messages, notes, pending]);

  function handleScroll() {
    const log = ref.current;
    if (log) stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  return (
    <div
      ref={ref}
      className="ward-message-log"
      role="log"
      aria-live="off"
      aria-label={texts.messagesWith(visitorName)}
      tabIndex={0}
      onScroll={handleScroll}
    >
      {messages.length === 0 && pending.length === 0 ? (
        <p className="govuk-body govuk-!-margin-0">{texts.noMessagesYet}</p>
      ) : null}
      <ol className="ward-messages">
        {logEntries(messages, notes).map((entry) => {
          if (entry.kind === 'note') return <ChatNoteItem key={entry.note.id} note={entry.note} />;
          const { message } = entry;
          return (
            <li key={message.seq} className={`ward-message ward-message--${message.sender}`}>
              <p className="ward-message__meta">
                <span className="ward-message__sender">{senderOf(message, visitorName, texts)}</span>{' '}
                <time dateTime={message.sentAt}>{formatTime(message.sentAt, language)}</time>
              </p>
              <p className="ward-message__body">{message.body}</p>
              {message.sender === 'visitor' && (canMarkConsent || message.consentEvidence) ? (
                <div className="ward-message__actions">
                  <ConsentAction message={message} onMark={onMarkConsent} />
                </div>
              ) : null}
            </li>
          );
        })}
        {pending.map((item) => (
          <li key={item.clientMessageId} className="ward-message ward-message--agent">
            <p className="ward-message__meta">
              <span className="ward-message__sender">{texts.you}</span>
            </p>
            <p className="ward-message__body">{item.body}</p>
            {item.state === 'sending' ? (
              <p className="ward-message__status">{texts.sending}</p>
            ) : (
              <>
                <p className="ward-message__status govuk-error-message govuk-!-margin-bottom-2">
                  <span className="govuk-visually-hidden">{errorPrefix}</span> {texts.notSent} {item.error}
                </p>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-font-size-16 govuk-!-margin-bottom-0"
                  onClick={() => onRetry(item.clientMessageId)}
                >
                  {texts.trySendingAgain}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
