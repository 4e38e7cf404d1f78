import type { Message } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import type { ConversationsTexts } from './texts-en.ts';
import { useConversationsTexts } from './texts.ts';

function senderOf(message: Message, visitorName: string, t: ConversationsTexts): string {
  if (message.sender === 'visitor') return t.residentSender(visitorName);
  if (message.sender === 'agent') return message.senderName ?? t.agent;
  return 'Ward';
}

/** The full transcript of a conversation, oldest first. */
export function Transcript({ messages, visitorName }: { messages: Message[]; visitorName: string }) {
  const t = useConversationsTexts();
  const language = useLanguage();
  if (messages.length === 0) return <p className="govuk-body">{t.noMessages}</p>;
  return (
    <ol className="ward-messages">
      {[...messages]
        .sort((a, b) => a.seq - b.seq)
        .map((message) => (
          <li key={message.seq} className={`ward-message ward-message--${message.sender}`}>
            <p className="ward-message__meta">
              <span className="ward-message__sender">{senderOf(message, visitorName, t)}</span>{' '}
              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, language)}</time>
            </p>
            <p className="ward-message__body">{message.body}</p>
            {message.consentEvidence ? (
              <p className="ward-message__status">
                <Tag colour="blue">{t.consentEvidence}</Tag>
              </p>
            ) : null}
          </li>
        ))}
    </ol>
  );
}
