import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { validateSummary } from './validate-chat.ts';
import { useChatsTexts } from './texts.ts';

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
  const id = `summary-${conversationId}`;
  const texts = useChatsTexts();
  const { errors, summary: problems, attempt, submit } = useFormSubmit({ summary: id }, ['summary']);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  function check() {
    const problem = validateSummary(summary, texts);
    if (problem) return { errors: { summary: problem } };
    return {
      // On success the chat closes and this form goes away.
      send: async () => {
        const refusal = await onSubmit(summary.trim());
        if (refusal) throw new ApiError(0, 'refused', refusal);
      },
    };
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event, check)}>
      <ErrorSummary errors={problems} attempt={attempt} />
      <Textarea
        ref={ref}
        id={id}
        label={texts.summaryLabel}
        labelClassName="govuk-label--m"
        hint={texts.summaryHint}
        rows={5}
        value={summary}
        onValueChange={setSummary}
        error={errors.summary}
        spellCheck
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitText}
        </button>
        {onCancel ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            {texts.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
