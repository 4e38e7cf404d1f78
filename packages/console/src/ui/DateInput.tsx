import type { ReactNode } from 'react';
import { ErrorMessage, Hint } from './Field.tsx';
import { useUiTexts } from './texts.ts';

export type DateInputPart = 'day' | 'month' | 'year';

interface DateInputProps {
  /** The day field's id is `${id}-day`, and so on; the error summary links to the first part in error. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  /** The parts to highlight; all three when the error is about the whole date. */
  errorParts?: DateInputPart[];
  value: Record<DateInputPart, string>;
  onValueChange: (part: DateInputPart, value: string) => void;
}

/** Where a date's error in the error summary links to: its first part in error (the day when it is the whole date). */
export function dateInputFieldId(id: string, errorParts: readonly DateInputPart[]): string {
  return `${id}-${errorParts[0] ?? 'day'}`;
}

const parts: { part: DateInputPart; width: string }[] = [
  { part: 'day', width: 'govuk-input--width-2' },
  { part: 'month', width: 'govuk-input--width-2' },
  { part: 'year', width: 'govuk-input--width-4' },
];

/** The GOV.UK date input pattern: a fieldset with day, month and year fields. */
export function DateInput({
  id,
  legend,
  legendClassName,
  hint,
  error,
  errorParts,
  value,
  onValueChange,
}: DateInputProps) {
  const labels = useUiTexts().dateParts;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const highlighted = new Set(
    error ? (errorParts && errorParts.length > 0 ? errorParts : ['day', 'month', 'year']) : [],
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend ${legendClassName ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {labels[part]}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input ${width}${highlighted.has(part) ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={value[part]}
                  onChange={(event) => onValueChange(part, event.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
