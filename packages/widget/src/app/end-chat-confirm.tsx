import { m } from './i18n.ts';

interface Props {
  question: { current: HTMLParagraphElement | null };
  error: string | null;
  onEnd: () => void;
  onCancel: () => void;
}

/** End chat's confirm step: fetched with the steps after a chat, once the chat has started. */
export function EndChatConfirm({ question, error, onEnd, onCancel }: Props) {
  return (
    <div class="ward-end-chat ward-end-chat--confirm" role="group" aria-labelledby="end-chat-question">
      <p id="end-chat-question" class="ward-body ward-bold" tabindex={-1} ref={question}>
        {m.endQuestion}
      </p>
      {error && (
        <p class="ward-error-message" role="alert">
          <span class="ward-visually-hidden">{m.error}</span> {error}
        </p>
      )}
      <div class="ward-button-group">
        <button type="button" class="ward-button ward-button--warning" onClick={onEnd}>
          {m.endYes}
        </button>
        <button type="button" class="ward-button ward-button--secondary" onClick={onCancel}>
          {m.endNo}
        </button>
      </div>
    </div>
  );
}
