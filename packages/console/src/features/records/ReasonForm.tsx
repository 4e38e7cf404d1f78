import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary, type ErrorItem } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { checkReason } from './validate-record.ts';

/**
 * A page that asks only for the reason before changing a record for good ("remove a detail",
 * "undo a merge"): the reason is required, and `send` is given it trimmed, then moves on.
 */
export function ReasonForm({
  title,
  caption,
  intro,
  reasonId,
  reasonLabel,
  reasonHint,
  reasonWhat,
  submitText,
  cancelHref,
  send,
}: {
  title: string;
  caption: string;
  intro: ReactNode;
  reasonId: string;
  reasonLabel: string;
  reasonHint: string;
  /** What the "Enter …" error asks for; `checkReason`'s own by default. */
  reasonWhat?: string;
  submitText: string;
  cancelHref: string;
  send: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((a) => a + 1);
    const problem = checkReason(reason, reasonWhat);
    setError(problem);
    setFormError(null);
    if (problem) return;
    setBusy(true);
    try {
      await send(reason.trim());
    } catch (failure) {
      setFormError(messageOf(failure));
      setBusy(false);
    }
  }

  const summary: ErrorItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(error ? [{ fieldId: reasonId, text: error }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={title} caption={caption} hasErrors={summary.length > 0} />
        <p className="govuk-body">{intro}</p>
        <form noValidate onSubmit={handleSubmit}>
          <Textarea
            id={reasonId}
            label={reasonLabel}
            labelClassName="govuk-label--s"
            hint={reasonHint}
            rows={3}
            value={reason}
            onValueChange={setReason}
            error={error ?? undefined}
            spellCheck
          />
          <div className="govuk-button-group">
            <button
              type="submit"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              aria-disabled={busy || undefined}
            >
              {submitText}
            </button>
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
