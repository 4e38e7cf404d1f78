import type { FormEvent, ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import type { Checked } from './validate-case.ts';

/** A `CaseForm` check from a field's check: its error, or the action to run with the checked value. */
export function runIfValid<T>(
  checked: Checked<T>,
  run: (value: T) => Promise<void>,
): { error: string } | { run: () => Promise<void> } {
  return 'error' in checked ? checked : { run: () => run(checked.value) };
}

/**
 * One of the case page's small forms: its own error summary (it is one of several forms on the
 * page), a submit button that says when it is busy, and the server's refusal shown at its top.
 * `check` returns the field's error or the action to run; the action resolves when it is done.
 */
export function CaseForm({
  id,
  fieldId,
  heading,
  submitText,
  secondary,
  check,
  onErrorChange,
  children,
}: {
  id: string;
  fieldId: string;
  heading?: ReactNode;
  submitText: string;
  secondary?: boolean;
  check: () => { error: string } | { run: () => Promise<void> };
  /** Tells the page which of its forms show errors (its title then starts "Error:"). */
  onErrorChange?: (formId: string, hasErrors: boolean) => void;
  children: (error: string | undefined) => ReactNode;
}) {
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const hasErrors = Boolean(fieldError || formError);
  useEffect(() => onErrorChange?.(id, hasErrors), [id, hasErrors, onErrorChange]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = check();
    setFormError(null);
    setAttempt((value) => value + 1);
    if ('error' in checked) {
      setFieldError(checked.error);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await checked.run();
    } catch (error) {
      setFormError(messageOf(error));
      setAttempt((value) => value + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary
        errors={[...(formError ? [{ text: formError }] : []), ...(fieldError ? [{ fieldId, text: fieldError }] : [])]}
        attempt={attempt}
      />
      <form noValidate onSubmit={handleSubmit} aria-labelledby={heading ? `${id}-heading` : undefined}>
        {heading ? (
          <h3 className="govuk-heading-s" id={`${id}-heading`}>
            {heading}
          </h3>
        ) : null}
        {children(fieldError)}
        <button
          type="submit"
          className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
          data-module="govuk-button"
          aria-disabled={busy || undefined}
        >
          {submitText}
        </button>
      </form>
    </>
  );
}
