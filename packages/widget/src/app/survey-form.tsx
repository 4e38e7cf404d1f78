import { useState } from 'preact/hooks';
import { limits } from '@ward/protocol/resident-rules';
import { sendSurvey } from './api.ts';
import { characterCount } from './format.ts';
import { surveyFields, validateSurvey } from './form-validation.ts';
import type { SurveyValues } from './form-validation.ts';
import { ErrorMessage, ErrorSummary, FormGroup, Hint, describedBy, errorFor } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';

export const ratingLabels = ['Very poor', 'Poor', 'Neither good nor poor', 'Good', 'Very good'] as const;

/** "How would you rate this chat?" from 1 (Very poor) to 5 (Very good), with an optional comment. */
export function SurveyForm({ token, onSent }: { token: string; onSent: () => void }) {
  const [values, setValues] = useState<SurveyValues>({ rating: '', comment: '' });
  const { errors, attempt, submit } = useFormSubmit();

  const ratingError = errorFor(errors, surveyFields.rating);
  const commentError = errorFor(errors, surveyFields.comment);
  const count = characterCount(values.comment.length, limits.surveyCommentMaxChars);
  return (
    <section class="ward-section" aria-labelledby="survey-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="survey-heading" class="ward-heading-s">
        Tell us what you think
      </h2>
      <form
        noValidate
        onSubmit={(event) =>
          void submit(
            event,
            () => validateSurvey(values),
            (body) => sendSurvey(token, body),
            onSent,
          )
        }
      >
        <FormGroup error={Boolean(ratingError)}>
          <fieldset class="ward-fieldset" aria-describedby={describedBy(ratingError && 'rating-error')}>
            <legend class="ward-fieldset__legend">How would you rate this chat?</legend>
            <ErrorMessage id="rating-error" message={ratingError} />
            <div class="ward-radios">
              {ratingLabels.map((label, index) => {
                const value = String(index + 1);
                const id = index === 0 ? surveyFields.rating : `${surveyFields.rating}-${index + 1}`;
                return (
                  <div class="ward-radios__item" key={value}>
                    <input
                      class="ward-radios__input"
                      id={id}
                      name="rating"
                      type="radio"
                      value={value}
                      checked={values.rating === value}
                      onChange={() => setValues((current) => ({ ...current, rating: value }))}
                    />
                    <label class="ward-radios__label" for={id}>
                      {label}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </FormGroup>
        <FormGroup error={Boolean(commentError) || count.over}>
          <label class="ward-label" for={surveyFields.comment}>
            Comments (optional)
          </label>
          <Hint id="comment-hint">Do not include personal or financial information.</Hint>
          <ErrorMessage id="comment-error" message={commentError} />
          <textarea
            class={commentError || count.over ? 'ward-textarea ward-textarea--error' : 'ward-textarea'}
            id={surveyFields.comment}
            name="comment"
            rows={3}
            value={values.comment}
            aria-describedby={describedBy(
              'comment-hint',
              commentError && 'comment-error',
              count.visible && 'comment-count',
            )}
            onInput={(event) => {
              const comment = event.currentTarget.value;
              setValues((current) => ({ ...current, comment }));
            }}
          />
          {count.visible && (
            <p
              id="comment-count"
              class={count.over ? 'ward-character-count ward-character-count--over' : 'ward-character-count'}
            >
              {count.text}
            </p>
          )}
        </FormGroup>
        <button type="submit" class="ward-button">
          Send feedback
        </button>
      </form>
    </section>
  );
}
