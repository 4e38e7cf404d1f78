import type { PreChatQuestion } from '@ward/protocol';
import { checkboxAnswers } from '@ward/protocol/resident-rules';
import type { DateParts, PreChatAnswerInput } from '@ward/protocol/resident-rules';
import { Choices, inputClass } from './govuk.tsx';
import { m } from './i18n.ts';

/** Type, autocomplete and width of the typed questions, as online forms render them (GOV.UK patterns). */
const typed: Record<string, [type: 'email' | 'tel' | 'text', autocomplete: string, width?: string]> = {
  email: ['email', 'email'],
  phone: ['tel', 'tel', '20'],
  postcode: ['text', 'postal-code', '10'],
  'case-reference': ['text', 'off', '10'],
};
const dateBoxes = [
  ['day', '2'],
  ['month', '2'],
  ['year', '4'],
] as const;

interface Props {
  question: PreChatQuestion;
  field: string;
  given: PreChatAnswerInput;
  error: string | undefined;
  /** A date's boxes in error. */
  parts: readonly string[] | undefined;
  described: string | undefined;
  onAnswer: (value: PreChatAnswerInput) => void;
}

/**
 * The control of a council question other than text and radios (ADR 38): GOV.UK's email, telephone,
 * postcode and case reference inputs, select, checkbox and date input. In the chunk fetched when a
 * council asks such questions (ADR 49).
 */
export function QuestionControl({ question, field, given, error, parts, described, onAnswer }: Props) {
  const value = typeof given === 'string' ? given : '';
  const kind = typed[question.type];
  if (kind)
    return (
      <input
        class={inputClass(error, kind[2])}
        id={field}
        name={field}
        // One of email, tel or text: Preact types each apart, not their union.
        type={kind[0] as 'text'}
        autocomplete={kind[1]}
        spellcheck={false}
        value={value}
        aria-describedby={described}
        onInput={(event) => onAnswer(event.currentTarget.value)}
      />
    );
  if (question.type === 'select')
    return (
      <select
        class={error ? 'ward-select ward-select--error' : 'ward-select'}
        id={field}
        name={field}
        aria-describedby={described}
        onChange={(event) => onAnswer(event.currentTarget.value)}
      >
        <option value="">{m.chooseOption}</option>
        {question.options.map((option) => (
          <option key={option} selected={value === option}>
            {option}
          </option>
        ))}
      </select>
    );
  if (question.type === 'checkbox')
    return (
      <Choices
        type="checkbox"
        name={field}
        options={[{ value: checkboxAnswers.ticked, label: m.yes }]}
        checked={() => value === checkboxAnswers.ticked}
        onChange={(ticked, checked) => onAnswer(checked ? ticked : '')}
      />
    );
  const date: DateParts = typeof given === 'string' ? { day: '', month: '', year: '' } : given;
  return (
    <div class="ward-date-input" id={field}>
      {dateBoxes.map(([part, width]) => (
        <div class="ward-date-input__item" key={part}>
          <label class="ward-label" for={`${field}-${part}`}>
            {m[part]}
          </label>
          <input
            class={inputClass(parts?.includes(part), width)}
            id={`${field}-${part}`}
            name={`${field}-${part}`}
            type="text"
            inputmode="numeric"
            value={date[part]}
            onInput={(event) => onAnswer({ ...date, [part]: event.currentTarget.value })}
          />
        </div>
      ))}
    </div>
  );
}
