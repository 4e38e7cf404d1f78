import type { PreChatQuestion } from '@ward/protocol';
import { questionsForTopic } from '@ward/protocol/resident-rules';
import { questionField } from './form-validation.ts';
import type { SummaryItem } from './govuk.tsx';
import { ErrorMessage, FormGroup, Hint, describedBy, errorFor } from './govuk.tsx';

interface Props {
  questions: readonly PreChatQuestion[];
  topic: string;
  answers: Record<string, string>;
  errors: readonly SummaryItem[];
  onAnswer: (id: string, value: string) => void;
}

/** The council's own questions (ADR 38) for the chosen topic: GOV.UK text inputs and radios. */
export function PreChatQuestionFields({ questions, topic, answers, errors, onAnswer }: Props) {
  if (topic === '') return null;
  return (
    <>
      {questionsForTopic(questions, topic).map((question) => {
        const field = questionField(question.id);
        const error = errorFor(errors, field);
        const label = question.required ? question.label : `${question.label} (optional)`;
        const hintId = question.hint ? `${field}-hint` : null;
        const errorId = `${field}-error`;
        const value = answers[question.id] ?? '';
        if (question.type === 'text')
          return (
            <FormGroup error={Boolean(error)} key={question.id}>
              <label class="ward-label" for={field}>
                {label}
              </label>
              {hintId && <Hint id={hintId}>{question.hint}</Hint>}
              <ErrorMessage id={errorId} message={error} />
              <input
                class={error ? 'ward-input ward-input--error' : 'ward-input'}
                id={field}
                name={field}
                type="text"
                spellcheck={false}
                value={value}
                aria-describedby={describedBy(hintId, error && errorId)}
                onInput={(event) => onAnswer(question.id, event.currentTarget.value)}
              />
            </FormGroup>
          );
        return (
          <FormGroup error={Boolean(error)} key={question.id}>
            <fieldset class="ward-fieldset" aria-describedby={describedBy(hintId, error && errorId)}>
              <legend class="ward-fieldset__legend">{label}</legend>
              {hintId && <Hint id={hintId}>{question.hint}</Hint>}
              <ErrorMessage id={errorId} message={error} />
              <div class="ward-radios">
                {question.options.map((option, index) => {
                  const id = index === 0 ? field : `${field}-${index + 1}`;
                  return (
                    <div class="ward-radios__item" key={option}>
                      <input
                        class="ward-radios__input"
                        id={id}
                        name={field}
                        type="radio"
                        value={option}
                        checked={value === option}
                        onChange={() => onAnswer(question.id, option)}
                      />
                      <label class="ward-radios__label" for={id}>
                        {option}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </FormGroup>
        );
      })}
    </>
  );
}
