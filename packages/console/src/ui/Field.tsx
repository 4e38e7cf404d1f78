import { useShellTexts } from '../i18n/shell.ts';
import type { ChangeEvent, InputHTMLAttributes, KeyboardEvent, ReactNode, Ref, TextareaHTMLAttributes } from 'react';

/** The ids a field's `aria-describedby` points at: its hint and its error message. */
function describedBy(id: string, hint: ReactNode | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{useShellTexts().errorPrefix}</span> {children}
    </p>
  );
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

function FieldShell({ id, label, labelClassName, hint, error, children }: FieldShellProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClassName ?? ''}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> & {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onValueChange: (value: string) => void;
  /** e.g. "govuk-input--width-20" */
  widthClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

export function TextInput({
  id,
  label,
  labelClassName,
  hint,
  error,
  value,
  onValueChange,
  widthClassName,
  ref,
  ...rest
}: InputProps) {
  return (
    <FieldShell id={id} label={label} labelClassName={labelClassName} hint={hint} error={error}>
      <input
        ref={ref}
        id={id}
        name={id}
        type="text"
        className={`govuk-input${widthClassName ? ` ${widthClassName}` : ''}${error ? ' govuk-input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onValueChange(event.target.value)}
        {...rest}
      />
    </FieldShell>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'className'> & {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onValueChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  ref?: Ref<HTMLTextAreaElement>;
};

export function Textarea({
  id,
  label,
  labelClassName,
  hint,
  error,
  value,
  onValueChange,
  ref,
  rows = 5,
  ...rest
}: TextareaProps) {
  return (
    <FieldShell id={id} label={label} labelClassName={labelClassName} hint={hint} error={error}>
      <textarea
        ref={ref}
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...rest}
      />
    </FieldShell>
  );
}

export interface RadioItem<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** The label's language when it is not the page's ("Cymraeg" on an English page). */
  lang?: string;
}

interface RadiosProps<T extends string> {
  /** The first radio's id is `id`, so the error summary can link to it. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  items: RadioItem<T>[];
  value: T | '';
  onValueChange: (value: T) => void;
}

export function Radios<T extends string>({
  id,
  legend,
  legendClassName,
  hint,
  error,
  items,
  value,
  onValueChange,
}: RadiosProps<T>) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClassName ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-radios">
          {items.map((item, index) => {
            const itemId = index === 0 ? id : `${id}-${item.value}`;
            return (
              <div className="govuk-radios__item" key={item.value}>
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={id}
                  type="radio"
                  value={item.value}
                  checked={value === item.value}
                  onChange={() => onValueChange(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={itemId} lang={item.lang}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
