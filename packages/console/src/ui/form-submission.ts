import type { ErrorItem } from './ErrorSummary.tsx';
import type { FieldErrors } from './validation.ts';
import { errorItems, hasErrors } from './validation.ts';

/**
 * What every console form goes through when it is submitted: its fields are checked, then it is
 * sent, then Ward accepts or refuses it. Pure, so the hook that runs it (`useFormSubmit`) stays thin.
 */
export interface FormSubmission<K extends string> {
  /** The fields' errors, shown beside each field and in the error summary. */
  errors: FieldErrors<K>;
  /** Ward's refusal (or a lost connection), shown at the top of the error summary. */
  refusal: string | null;
  /** Counts submissions and refusals: the error summary takes focus each time it changes. */
  attempt: number;
  /** Sent and not yet answered; the submit button says so and a second submit is ignored. */
  busy: boolean;
}

export type FormSubmissionEvent<K extends string> =
  | { type: 'invalid'; errors: FieldErrors<K> }
  | { type: 'sending' }
  | { type: 'refused'; message: string }
  | { type: 'sent' };

export function initialSubmission<K extends string>(): FormSubmission<K> {
  return { errors: {}, refusal: null, attempt: 0, busy: false };
}

export function nextSubmission<K extends string>(
  state: FormSubmission<K>,
  event: FormSubmissionEvent<K>,
): FormSubmission<K> {
  switch (event.type) {
    case 'invalid':
      return { errors: event.errors, refusal: null, attempt: state.attempt + 1, busy: false };
    case 'sending':
      return { errors: {}, refusal: null, attempt: state.attempt + 1, busy: true };
    case 'refused':
      return { ...state, refusal: event.message, attempt: state.attempt + 1, busy: false };
    case 'sent':
      return { ...state, busy: false };
  }
}

/** A form's check: the errors to show, or (when there are none) what sends it. */
export type FormCheck<K extends string> = { errors: FieldErrors<K> } | { send: () => Promise<void> };

/** The usual check: these errors if there are any, else send. */
export function sendIfValid<K extends string>(errors: FieldErrors<K>, send: () => Promise<void>): FormCheck<K> {
  return hasErrors(errors) ? { errors } : { send };
}

/** Each field's element id; a function where it depends on what was typed (a date's first wrong part). */
export type FieldIds<K extends string> = Record<K, string> | ((field: K) => string);

/** The error summary: the refusal first, then the fields' errors in the order they appear. */
export function summaryOf<K extends string>(
  state: Pick<FormSubmission<K>, 'errors' | 'refusal'>,
  ids: FieldIds<K>,
  order: readonly K[],
): ErrorItem[] {
  const idOf = typeof ids === 'function' ? ids : (field: K) => ids[field];
  const fieldIds = Object.fromEntries(order.map((field) => [field, idOf(field)])) as Record<K, string>;
  return [...(state.refusal ? [{ text: state.refusal }] : []), ...errorItems(state.errors, fieldIds, [...order])];
}
