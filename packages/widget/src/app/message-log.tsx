import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '@ward/protocol';
import { formatTime, senderLabel } from './format.ts';
import { logEntries } from './outbox.ts';
import type { PendingMessage } from './outbox.ts';
import { m } from './i18n.ts';

/**
 * The conversation as an ordered list inside `role="log"`. The log itself is not a live region
 * (aria-live="off"): new messages are announced once by the dialogue's own polite region, so the
 * screen reader does not re-read the log. Bodies are text nodes only, never HTML.
 */
export function MessageLog({ messages, outbox }: { messages: Message[]; outbox: PendingMessage[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const entries = logEntries(messages, outbox);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [entries.length]);

  return (
    <div
      class="ward-log"
      role="log"
      aria-live="off"
      aria-label={m.messagesLabel}
      tabindex={0}
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      {entries.length === 0 ? <p class="ward-log__empty">{m.noMessages}</p> : null}
      <ol class="ward-log__list">
        {entries.map((entry) =>
          entry.kind === 'message' ? (
            <MessageItem key={`m${entry.message.seq}`} message={entry.message} />
          ) : (
            <li
              key={`p${entry.pending.clientMessageId}`}
              class="ward-message ward-message--visitor ward-message--pending"
            >
              <p class="ward-message__meta">
                <span class="ward-message__sender">{m.you}</span>
              </p>
              <p class="ward-message__body">{entry.pending.body}</p>
              <p class="ward-message__status">{m.sending}</p>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

function MessageItem({ message }: { message: Message }) {
  const time = (
    <time class="ward-message__time" dateTime={message.sentAt}>
      {formatTime(message.sentAt)}
    </time>
  );
  if (message.sender === 'system') {
    return (
      <li class="ward-message ward-message--system">
        <p class="ward-message__body">
          {message.body} <span class="ward-visually-hidden">{m.at}</span>
          {time}
        </p>
      </li>
    );
  }
  const fromVisitor = message.sender === 'visitor';
  return (
    <li class={fromVisitor ? 'ward-message ward-message--visitor' : 'ward-message ward-message--agent'}>
      <p class="ward-message__meta">
        <span class="ward-message__sender">{senderLabel(message)}</span>{' '}
        <span class="ward-visually-hidden">{m.at}</span>
        {time}
      </p>
      <p class="ward-message__body">{message.body}</p>
      {fromVisitor && (
        <p class="ward-message__status">
          <span aria-hidden="true">✓</span>
          <span class="ward-visually-hidden">{m.delivered}</span>
        </p>
      )}
    </li>
  );
}
