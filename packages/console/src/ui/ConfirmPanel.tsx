import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/errors.ts';
import { useShellTexts } from '../i18n/shell.ts';
import { useUiTexts } from './texts.ts';

/**
 * An "Are you sure?" step before an action that cannot be undone, asked about one item of a
 * table: the question takes focus; cancelling returns focus to the button that asked.
 * `act` does the action and what follows it; if it fails, its error is shown in the panel.
 */
export function useConfirmation<T>(act: (item: T) => Promise<void>) {
  const [confirming, setConfirming] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  function ask(item: T, button: HTMLElement) {
    returnFocusTo.current = button;
    setError(null);
    setConfirming(item);
  }

  function cancel() {
    setConfirming(null);
    setError(null);
    const button = returnFocusTo.current;
    requestAnimationFrame(() => button?.focus());
  }

  async function confirm(item: T) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await act(item);
      setConfirming(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return { confirming, error, busy, headingRef, ask, cancel, confirm };
}

/** The panel of `useConfirmation` while it asks about `item`: the question, what follows, and the buttons. */
export function ConfirmPanel<T>({
  confirmation,
  item,
  id,
  className,
  question,
  confirmText,
  children,
}: {
  confirmation: ReturnType<typeof useConfirmation<T>>;
  item: T;
  /** The question's id. */
  id: string;
  className?: string;
  question: ReactNode;
  confirmText: string;
  children: ReactNode;
}) {
  const { error, busy, headingRef, cancel, confirm } = confirmation;
  const { errorPrefix } = useShellTexts();
  const texts = useUiTexts();
  return (
    <div className={className ? `govuk-inset-text ${className}` : 'govuk-inset-text'} role="group" aria-labelledby={id}>
      <h3 className="govuk-heading-s ward-page-heading" id={id} ref={headingRef} tabIndex={-1}>
        {question}
      </h3>
      {children}
      {error ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">{errorPrefix}</span> {error}
        </p>
      ) : null}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          onClick={() => void confirm(item)}
          aria-disabled={busy || undefined}
        >
          {confirmText}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={cancel}
        >
          {texts.cancel}
        </button>
      </div>
    </div>
  );
}
