import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { validateSummary } from './validate-chat.ts';

interface SummaryFormProps {
  conversationId: string;
  submitText: string;
  onSubmit: (summary: string) => Promise<string | null>;
  onCancel?: () => void;
  autoFocus: boolean;
}

/** "Summary of the contact": required before a chat leaves the agent's list. */
export function SummaryForm({ conversationId, submitText, onSubmit, onCancel, autoFocus }: SummaryFormProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = `summary-${conversationId}`;

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problem = validateSummary(summary);
    setError(problem);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (problem) return;
    setBusy(true);
    const failure = await onSubmit(summary.trim());
    // On success the chat closes and this form goes away.
    if (failure) {
      setFormError(failure);
      setAttempt((value) => value + 1);
      setBusy(false);
    }
  }

  const errors = [...(formError ? [{ text: formError }] : []), ...(error ? [{ fieldId: id, text: error }] : [])];

  return (
    <form noValidate onSubmit={handleSubmit}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <Textarea
        ref={ref}
        id={id}
        label="Summary of the contact"
        labelClassName="govuk-label--m"
        hint="What the resident asked about and what you did. The resident does not see this."
        rows={5}
        value={summary}
        onValueChange={setSummary}
        error={error ?? undefined}
        spellCheck
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitText}
        </button>
        {onCancel ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
