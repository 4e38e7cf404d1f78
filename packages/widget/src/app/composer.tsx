import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { characterCount } from './format.ts';
import { messageBodyError } from './form-validation.ts';
import { m, number } from './i18n.ts';

interface Props {
  maxChars: number;
  draft: string;
  onDraft: (draft: string) => void;
  onSend: (body: string) => void;
  /** From the server or a refused message; shown until the next send. */
  error: string | null;
}

/**
 * The message box: a labelled textarea (one line, growing as the resident types) with a GOV.UK-style
 * character count, and a Send button.
 * Enter sends; Shift+Enter starts a new line. Errors never clear what was typed.
 */
export function Composer({ maxChars, draft, onDraft, onSend, error }: Props) {
  const [localError, setLocalError] = useState<string | null>(null);
  const count = characterCount(draft.length, maxChars);
  const [announcedCount, setAnnouncedCount] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);

  // One line to start with, growing with what is typed (up to its CSS max-height, then it scrolls).
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.style.height = 'auto';
    const borders = element.offsetHeight - element.clientHeight;
    element.style.height = `${element.scrollHeight + borders}px`;
  }, [draft]);

  // Like GOV.UK's character count: tell screen readers the count once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncedCount(count.visible ? count.text : ''), 1000);
    return () => clearTimeout(timer);
  }, [count.text, count.visible]);

  function send() {
    const problem = messageBodyError(draft);
    if (problem) {
      setLocalError(draft.trim() === '' ? m.messageMissing : problem);
      return;
    }
    setLocalError(null);
    onSend(draft);
    onDraft('');
  }

  const shownError = localError ?? error;
  return (
    <form
      class="ward-composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div class={shownError ? 'ward-form-group ward-form-group--error' : 'ward-form-group'}>
        <label class="ward-label" for="message">
          {m.typeMessage}
        </label>
        <div id="message-hint" class="ward-hint ward-visually-hidden">
          {m.composerHint(number(maxChars))}
        </div>
        <div role="alert" class="ward-composer__alert">
          {shownError && (
            <p id="message-error" class="ward-error-message">
              <span class="ward-visually-hidden">{m.error}</span> {shownError}
            </p>
          )}
        </div>
        <div class="ward-composer__row">
          <textarea
            class={shownError || count.over ? 'ward-textarea ward-textarea--error' : 'ward-textarea'}
            id="message"
            name="message"
            rows={1}
            ref={box}
            value={draft}
            data-autofocus
            aria-describedby={['message-hint', shownError ? 'message-error' : '', count.visible ? 'message-count' : '']
              .filter(Boolean)
              .join(' ')}
            onInput={(event) => {
              onDraft(event.currentTarget.value);
              if (localError) setLocalError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                send();
              }
            }}
          />
          <button type="submit" class="ward-button ward-composer__send">
            {m.send}
          </button>
        </div>
        {count.visible && (
          <p
            id="message-count"
            class={count.over ? 'ward-character-count ward-character-count--over' : 'ward-character-count'}
          >
            {count.text}
          </p>
        )}
        <div class="ward-visually-hidden" aria-live="polite">
          {announcedCount}
        </div>
      </div>
    </form>
  );
}
