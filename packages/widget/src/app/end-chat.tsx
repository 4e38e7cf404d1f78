import { useEffect, useRef, useState } from 'preact/hooks';
import { m } from './i18n.ts';
import { loadLater } from './lazy.ts';
import type { Later } from './lazy.ts';

/** "End chat" with a confirm step, so a slip of the finger does not end the conversation. */
export function EndChat({ onEnd }: { onEnd: () => Promise<string | null> }) {
  // The confirm step comes with the steps after a chat, usually fetched by the time it is needed.
  const [confirm, setConfirm] = useState<Later['EndChatConfirm'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
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
    return (
      <div class="ward-end-chat">
        <button
          type="button"
          class="ward-button ward-button--secondary"
          ref={endButton}
          onClick={() =>
            void loadLater().then(
              (later) => setConfirm(() => later.EndChatConfirm),
              () => undefined,
            )
          }
        >
          {m.endChat}
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
