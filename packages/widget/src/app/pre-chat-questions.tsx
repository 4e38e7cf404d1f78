import type { PreChatQuestion } from '@ward/protocol';
import { questionsForTopic } from '@ward/protocol/resident-rules';
import type { PreChatAnswerInput } from '@ward/protocol/resident-rules';
import { questionField } from './form-validation.ts';
import type { SummaryItem } from './govuk.tsx';
import { Choices, Question, inputClass } from './govuk.tsx';
import { m } from './i18n.ts';
import type { Later } from './lazy.ts';

interface Props {
  questions: readonly PreChatQuestion[];
  topic: string;
  answers: Record<string, PreChatAnswerInput>;
  errors: readonly SummaryItem[];
  onAnswer: (id: string, value: PreChatAnswerInput) => void;
  /** The other types' controls, fetched when the council asks such questions (the app waits for them). */
  controls: Later['QuestionControl'] | null;
}

/** The council's own questions (ADR 38) for the chosen topic: text and radios here, the other types' controls apart. */
export function PreChatQuestionFields({ questions, topic, answers, errors, onAnswer, controls: Control }: Props) {
  if (topic === '') return null;
  return (
    <>
      {questionsForTopic(questions, topic).map((question) => {
        const field = questionField(question.id);
        // A date's error links to its first box in error.
        const item = errors.find((e) => e.field === field || e.field?.startsWith(`${field}-`));
        const error = item?.message;
        const given = answers[question.id] ?? '';
        const value = typeof given === 'string' ? given : '';
        const answer = (next: PreChatAnswerInput) => onAnswer(question.id, next);
        const type = question.type;
        return (
          <Question
            key={question.id}
            id={field}
            label={question.required ? question.label : `${question.label} ${m.optional}`}
            hint={question.hint}
            error={error}
            fieldset={type === 'date' ? 'group' : type === 'radios' || type === 'checkbox'}
          >
            {(described) =>
              type === 'text' ? (
                <input
                  class={inputClass(error)}
                  id={field}
                  name={field}
                  type="text"
                  spellcheck={false}
                  value={value}
                  aria-describedby={described}
                  onInput={(event) => answer(event.currentTarget.value)}
                />
              ) : type === 'radios' ? (
                <Choices
                  name={field}
                  options={question.options.map((option) => ({ value: option, label: option }))}
                  checked={(option) => value === option}
                  onChange={answer}
                />
              ) : (
                Control && (
                  <Control
                    question={question}
                    field={field}
                    given={given}
                    error={error}
                    parts={item?.parts}
                    described={described}
                    onAnswer={answer}
                  />
                )
              )
            }
          </Question>
        );
      })}
    </>
  );
}
