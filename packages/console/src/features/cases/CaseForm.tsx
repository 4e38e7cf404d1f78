import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
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
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit({ field: fieldId }, ['field']);
  useEffect(() => onErrorChange?.(id, hasErrors), [id, hasErrors, onErrorChange]);

  function checkField() {
    const checked = check();
    return 'error' in checked ? { errors: { field: checked.error } } : { send: checked.run };
  }

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => void submit(event, checkField)}
        aria-labelledby={heading ? `${id}-heading` : undefined}
      >
        {heading ? (
          <h3 className="govuk-heading-s" id={`${id}-heading`}>
            {heading}
          </h3>
        ) : null}
        {children(errors.field)}
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
