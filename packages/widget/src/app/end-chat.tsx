import { useEffect, useRef, useState } from 'preact/hooks';

/** "End chat" with a confirm step, so a slip of the finger does not end the conversation. */
export function EndChat({ onEnd }: { onEnd: () => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (confirming) question.current?.focus();
    else endButton.current?.focus();
  }, [confirming]);

  async function end() {
    if (ending) return;
    setEnding(true);
    const problem = await onEnd();
    setEnding(false);
    setError(problem);
  }

  if (!confirming) {
    return (
      <div class="ward-end-chat">
        <button
          type="button"
          class="ward-button ward-button--secondary"
          ref={endButton}
          onClick={() => setConfirming(true)}
        >
          End chat
        </button>
      </div>
    );
  }
  return (
    <div class="ward-end-chat ward-end-chat--confirm" role="group" aria-labelledby="end-chat-question">
      <p id="end-chat-question" class="ward-body ward-bold" tabindex={-1} ref={question}>
        Are you sure you want to end this chat?
      </p>
      {error && (
        <p class="ward-error-message" role="alert">
          <span class="ward-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div class="ward-button-group">
        <button type="button" class="ward-button ward-button--warning" onClick={end}>
          Yes, end chat
        </button>
        <button
          type="button"
          class="ward-button ward-button--secondary"
          onClick={() => {
            setError(null);
            setConfirming(false);
          }}
        >
          No, keep chatting
        </button>
      </div>
    </div>
  );
}
