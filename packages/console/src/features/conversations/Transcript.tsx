import type { Message } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';

function senderOf(message: Message, visitorName: string): string {
  if (message.sender === 'visitor') return `${visitorName} (resident)`;
  if (message.sender === 'agent') return message.senderName ?? 'Agent';
  return 'Ward';
}

/** The full transcript of a conversation, oldest first. */
export function Transcript({ messages, visitorName }: { messages: Message[]; visitorName: string }) {
  if (messages.length === 0) return <p className="govuk-body">There are no messages in this conversation.</p>;
  return (
    <ol className="ward-messages">
      {[...messages]
        .sort((a, b) => a.seq - b.seq)
        .map((message) => (
          <li key={message.seq} className={`ward-message ward-message--${message.sender}`}>
            <p className="ward-message__meta">
              <span className="ward-message__sender">{senderOf(message, visitorName)}</span>{' '}
              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
            </p>
            <p className="ward-message__body">{message.body}</p>
            {message.consentEvidence ? (
              <p className="ward-message__status">
                <Tag colour="blue">Consent evidence</Tag>
              </p>
            ) : null}
          </li>
        ))}
    </ol>
  );
}
