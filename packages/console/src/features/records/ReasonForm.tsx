import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { checkReason } from './validate-record.ts';
import { useRecordsTexts } from './texts.ts';

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
  reasonMissing,
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
  /** What to say when the reason is left out; `checkReason`'s own by default. */
  reasonMissing?: string;
  submitText: string;
  cancelHref: string;
  send: (reason: string) => Promise<void>;
}) {
  const texts = useRecordsTexts();
  const [reason, setReason] = useState('');
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit({ reason: reasonId }, ['reason']);

  function check() {
    const problem = checkReason(reason, reasonMissing ?? texts.errors.enterReason, texts.errors);
    return problem ? { errors: { reason: problem } } : { send: () => send(reason.trim()) };
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={title} caption={caption} hasErrors={hasErrors} />
        <p className="govuk-body">{intro}</p>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <Textarea
            id={reasonId}
            label={reasonLabel}
            labelClassName="govuk-label--s"
            hint={reasonHint}
            rows={3}
            value={reason}
            onValueChange={setReason}
            error={errors.reason}
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
              {texts.cancel}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
