import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/** Small GOV.UK Design System patterns, rebuilt without the GOV.UK font or JavaScript. */

export interface SummaryItem {
  /** The field id to link to; items without one (server errors) are not links. */
  field?: string;
  message: string;
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
    if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, '');
    };
  }, [attempt, items.length > 0]);
  if (items.length === 0) return null;
  return (
    <div class="ward-error-summary" ref={ref} tabindex={-1}>
      <div role="alert">
        <h2 class="ward-error-summary__title">There is a problem</h2>
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
      <span class="ward-visually-hidden">Error:</span> {message}
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
