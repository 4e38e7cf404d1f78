import { useEffect, useRef, useState } from 'preact/hooks';
import { m } from './i18n.ts';
import { loadLater } from './lazy.ts';
import type { Later } from './lazy.ts';

interface Props {
  onEnd: () => Promise<string | null>;
  /** The confirm step could not be fetched (offline a moment): the app says so in its live region. */
  onLaterFailed: () => void;
}

/** "End chat" with a confirm step, so a slip of the finger does not end the conversation. */
export function EndChat({ onEnd, onLaterFailed }: Props) {
  // The confirm step comes with the steps after a chat, usually fetched by the time it is needed.
  const [confirm, setConfirm] = useState<Later['EndChatConfirm'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [fetchFailed, setFetchFailed] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  const confirming = confirm !== null;

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

  if (!confirm) {
    // Not fetched: the same button, keeping focus, becomes "Try again" under what went wrong.
    return (
      <div class="ward-end-chat">
        {fetchFailed && <p class="ward-body">{m.connectionProblem}</p>}
        <button
          type="button"
          class="ward-button ward-button--secondary"
          ref={endButton}
          onClick={() =>
            void loadLater().then(
              (later) => {
                setFetchFailed(false);
                setConfirm(() => later.EndChatConfirm);
              },
              () => {
                setFetchFailed(true);
                onLaterFailed();
              },
            )
          }
        >
          {fetchFailed ? m.tryAgain : m.endChat}
        </button>
      </div>
    );
  }
  const Confirm = confirm;
  return (
    <Confirm
      question={question}
      error={error}
      onEnd={() => void end()}
      onCancel={() => {
        setError(null);
        setConfirm(null);
      }}
    />
  );
}
