import { useState } from 'preact/hooks';
import { limits } from '@ward/protocol/resident-rules';
import { sendSurvey } from './api.ts';
import { characterCount } from './format.ts';
import { surveyFields, validateSurvey } from './post-chat-validation.ts';
import type { SurveyValues } from './post-chat-validation.ts';
import { ErrorMessage, ErrorSummary, FormGroup, Hint, Choices, describedBy, errorFor } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import { m } from './i18n.ts';

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
        {m.surveyHeading}
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
            <legend class="ward-fieldset__legend">{m.rateLegend}</legend>
            <ErrorMessage id="rating-error" message={ratingError} />
            <Choices
              name={surveyFields.rating}
              options={m.ratings.map((label, index) => ({ value: String(index + 1), label }))}
              checked={(rating) => values.rating === rating}
              onChange={(rating) => setValues((current) => ({ ...current, rating }))}
            />
          </fieldset>
        </FormGroup>
        <FormGroup error={Boolean(commentError) || count.over}>
          <label class="ward-label" for={surveyFields.comment}>
            {m.commentsOptional}
          </label>
          <Hint id="comment-hint">{m.commentHint}</Hint>
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
          {m.sendFeedback}
        </button>
      </form>
    </section>
  );
}
