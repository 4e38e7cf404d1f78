import type { MouseEvent } from 'react';
import { useEffect, useRef } from 'react';
import { useShellTexts } from '../i18n/shell.ts';

export interface ErrorItem {
  /** The id of the field the error belongs to; omitted for errors about the whole form. */
  fieldId?: string;
  text: string;
}

/** Moves focus to the field and brings its label (or legend) into view, like GOV.UK Frontend's script. */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (legend ?? label ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/**
 * GOV.UK error summary. It takes focus whenever `attempt` changes (each time the form is
 * submitted with errors), so screen reader users hear the problems straight away.
 */
export function ErrorSummary({ errors, attempt }: { errors: ErrorItem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  const { thereIsAProblem } = useShellTexts();
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [attempt, hasErrors]);
  if (!hasErrors) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{thereIsAProblem}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ''}${error.text}`}>
                {error.fieldId ? (
                  <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId ?? '')}>
                    {error.text}
                  </a>
                ) : (
                  error.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
