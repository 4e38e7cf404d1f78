import type { FormSubmissionView } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { correctFormAnswer } from '../../api/cases.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea, TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { Select } from '../../ui/Select.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { CorrectionControls } from '../../ui/CorrectionControls.tsx';
import type { ErrorReporter } from './case-callbacks.ts';
import { validateAnswerCorrection, type AnswerCorrectionField } from './validate-answer-correction.ts';
import { useCasesTexts } from './texts.ts';

type Answer = FormSubmissionView['answers'][number];
type Correction = NonNullable<Answer['correction']>;
const ids: Record<AnswerCorrectionField, string> = { value: 'correct-answer-value', reason: 'correct-answer-reason' };

/**
 * Rectification of one form answer (issue 9): the new answer and a reason. Ward keeps the earlier
 * answer and the reason for as long as it keeps the answers.
 */
export function CorrectAnswerForm({
  submissionId,
  answer,
  correction,
  onCorrected,
  onCancel,
  onErrorChange,
}: {
  submissionId: string;
  answer: Answer;
  correction: Correction;
  onCorrected: (view: FormSubmissionView) => void;
  onCancel: () => void;
  onErrorChange: ErrorReporter;
}) {
  const t = useCasesTexts();
  const [value, setValue] = useState(correction.current);
  const [reason, setReason] = useState('');
  const [rightsRequest, setRightsRequest] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<AnswerCorrectionField>(ids, [
    'value',
    'reason',
  ]);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => onErrorChange('correct-answer', hasErrors), [hasErrors, onErrorChange]);

  return (
    <div className="govuk-inset-text">
      <ErrorSummary errors={summary} attempt={attempt} />
      <h3 className="govuk-heading-s ward-page-heading" id="correct-answer-heading" tabIndex={-1} ref={heading}>
        {t.correctHeading(answer.label)}
      </h3>
      <form
        noValidate
        aria-labelledby="correct-answer-heading"
        onSubmit={(event) =>
          void submit(event, () =>
            sendIfValid(validateAnswerCorrection({ value, reason }, correction, t), async () =>
              onCorrected(
                await correctFormAnswer(submissionId, answer.fieldId, {
                  value: value.trim(),
                  reason: reason.trim(),
                  rightsRequest,
                }),
              ),
            ),
          )
        }
      >
        {correction.type === 'choice' ? (
          <Select
            id={ids.value}
            label={t.rightAnswer}
            labelClassName="govuk-label--s"
            options={correction.options.map((o) => ({ value: o.value, text: o.label }))}
            value={value}
            onValueChange={setValue}
            error={errors.value}
          />
        ) : (
          <TextInput
            id={ids.value}
            label={t.rightAnswer}
            labelClassName="govuk-label--s"
            hint={correction.type === 'date' ? t.dateHint : undefined}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onValueChange={setValue}
            error={errors.value}
          />
        )}
        <Textarea
          id={ids.reason}
          label={t.correctionReason}
          labelClassName="govuk-label--s"
          hint={t.correctionReasonHint}
          rows={3}
          value={reason}
          onValueChange={setReason}
          error={errors.reason}
          spellCheck
        />
        <CorrectionControls
          id="correct-answer-rights-request"
          rightsRequest={rightsRequest}
          onRightsRequestChange={setRightsRequest}
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </div>
  );
}
