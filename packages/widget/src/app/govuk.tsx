import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { m } from './i18n.ts';

/** Small GOV.UK Design System patterns, rebuilt without the GOV.UK font or JavaScript. */

export interface SummaryItem {
  /** The field id to link to; items without one (server errors) are not links. */
  field?: string;
  message: string;
  /** A date's boxes in error. */
  parts?: string[];
}

/** Joins the ids that describe a field, skipping the empty ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** Moves focus to a field and scrolls its label or legend into view, as GOV.UK's error summary does. */
function focusField(field: string): void {
  const input = document.getElementById(field);
  if (!input) return;
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/**
 * GOV.UK error summary: shown at the top of the form after a failed submit, takes focus, and
 * links to each field. `attempt` changes on every submit so focus moves again each time.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length === 0) return;
    ref.current?.focus();
    const prefix = m.errorTitlePrefix;
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [attempt, items.length > 0]);
  if (items.length === 0) return null;
  return (
    <div class="ward-error-summary" ref={ref} tabindex={-1}>
      <div role="alert">
        <h2 class="ward-error-summary__title">{m.thereIsAProblem}</h2>
        <ul class="ward-error-summary__list">
          {items.map((item) => (
            <li key={`${item.field ?? ''}:${item.message}`}>
              {item.field ? (
                <a
                  href={`#${item.field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(item.field ?? '');
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="ward-error-message">
      <span class="ward-visually-hidden">{m.error}</span> {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={id} class="ward-hint">
      {children}
    </div>
  );
}

export function FormGroup({ error, children }: { error: boolean; children: ComponentChildren }) {
  return <div class={error ? 'ward-form-group ward-form-group--error' : 'ward-form-group'}>{children}</div>;
}

/** The first error message for a field, if any. */
export function errorFor(items: readonly SummaryItem[], field: string): string | undefined {
  return items.find((item) => item.field === field)?.message;
}

/** A heading that receives focus when its step appears (tabindex -1, no tab stop). */
export function StepHeading({ children, class: className }: { children: ComponentChildren; class?: string }) {
  return (
    <h1 class={className ?? 'ward-heading-l'} tabindex={-1} data-step-heading>
      {children}
    </h1>
  );
}

/** A text input's classes: GOV.UK's fixed widths (`20`, `10`, `4`, `2` characters) and error border. */
export const inputClass = (error: unknown, width?: string) =>
  `ward-input${width ? ` ward-input--width-${width}` : ''}${error ? ' ward-input--error' : ''}`;

interface QuestionProps {
  /** The control's id (a fieldset's first control's); the hint and error take `<id>-hint` and `<id>-error`. */
  id: string;
  label: ComponentChildren;
  hint?: string | null;
  error: string | undefined;
  /** Several controls: a fieldset with a legend (`group`: a date's boxes) instead of a label. */
  fieldset?: boolean | 'group';
  /** The control, given the ids that describe it (a fieldset is described itself). */
  children: (describedBy: string | undefined) => ComponentChildren;
}

/** One question of a form as GOV.UK lays it out: label or legend, hint, error message, the control. */
export function Question({ id, label, hint, error, fieldset, children }: QuestionProps) {
  const described = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  const top = (
    <>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <ErrorMessage id={`${id}-error`} message={error} />
    </>
  );
  return (
    <FormGroup error={Boolean(error)}>
      {fieldset ? (
        <fieldset class="ward-fieldset" role={fieldset === 'group' ? 'group' : undefined} aria-describedby={described}>
          <legend class="ward-fieldset__legend">{label}</legend>
          {top}
          {children(undefined)}
        </fieldset>
      ) : (
        <>
          <label class="ward-label" for={id}>
            {label}
          </label>
          {top}
          {children(described)}
        </>
      )}
    </FormGroup>
  );
}

/**
 * GOV.UK radios or checkboxes: the first option takes the name as its id (error links go there), the
 * others `<name>-2`, `<name>-3`…
 */
export function Choices({
  type = 'radio',
  name,
  options,
  checked,
  onChange,
  hintOf,
}: {
  type?: 'radio' | 'checkbox';
  name: string;
  options: ReadonlyArray<{ value: string; label: ComponentChildren }>;
  checked: (value: string) => boolean;
  onChange: (value: string, checked: boolean) => void;
  /** An option's own hint, shown under it and describing it. */
  hintOf?: (value: string) => ComponentChildren;
}) {
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div class={`ward-${kind}`}>
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${index + 1}`;
        const hint = hintOf?.(option.value);
        return (
          <div class={`ward-${kind}__item`} key={option.value}>
            <input
              class={`ward-${kind}__input`}
              id={id}
              name={name}
              type={type}
              value={option.value}
              checked={checked(option.value)}
              onChange={(event) => onChange(option.value, event.currentTarget.checked)}
              aria-describedby={hint ? `${id}-hint` : undefined}
            />
            <label class={`ward-${kind}__label`} for={id}>
              {option.label}
            </label>
            {hint && (
              <div class={`ward-hint ward-${kind}__hint`} id={`${id}-hint`}>
                {hint}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * A consent question (ADR 37): the council's summary and privacy notice link describe one checkbox,
 * labelled with the exact words the proof of consent quotes. `<id>-summary` and `<id>-error` describe it.
 */
export function ConsentFieldset(props: {
  id: string;
  legend: ComponentChildren;
  summary: string;
  privacyNoticeUrl: string | null;
  inset?: boolean;
  error: string | undefined;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { id, error, privacyNoticeUrl } = props;
  return (
    <FormGroup error={Boolean(error)}>
      <fieldset class="ward-fieldset" aria-describedby={describedBy(`${id}-summary`, error && `${id}-error`)}>
        {props.legend}
        <div id={`${id}-summary`} class={props.inset ? 'ward-inset-text' : undefined}>
          <p class="ward-body">{props.summary}</p>
          {privacyNoticeUrl && /^https?:\/\//i.test(privacyNoticeUrl) && (
            <p class="ward-body">
              <a class="ward-link" href={privacyNoticeUrl} target="_blank" rel="noopener noreferrer">
                Read our privacy notice (opens in new tab)
              </a>
            </p>
          )}
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <Choices
          type="checkbox"
          name={id}
          options={[{ value: 'yes', label: props.label }]}
          checked={() => props.checked}
          onChange={(_, checked) => props.onChange(checked)}
        />
      </fieldset>
    </FormGroup>
  );
}
