import type { SummaryItem } from './govuk.tsx';

/**
 * What each of the widget's forms goes through when it is submitted: its fields are checked, then it
 * is sent, then Ward accepts or refuses it. Pure, so the hook that runs it (`useFormSubmit`) stays thin.
 */
export interface FormSubmission {
  /** The fields' errors, or Ward's refusal (an item with no field), for the error summary. */
  errors: SummaryItem[];
  /** Counts submissions and refusals: the error summary takes focus each time it changes. */
  attempt: number;
  /** Sent and not yet answered: a second submit is ignored. */
  submitting: boolean;
}

export type FormSubmissionEvent =
  | { type: 'invalid'; errors: SummaryItem[] }
  | { type: 'sending' }
  | { type: 'refused'; message: string }
  | { type: 'sent' };

export const initialSubmission: FormSubmission = { errors: [], attempt: 0, submitting: false };

export function nextSubmission(state: FormSubmission, event: FormSubmissionEvent): FormSubmission {
  switch (event.type) {
    case 'invalid':
      return { errors: event.errors, attempt: state.attempt + 1, submitting: false };
    case 'sending':
      return { errors: [], attempt: state.attempt + 1, submitting: true };
    case 'refused':
      return { errors: [{ message: event.message }], attempt: state.attempt + 1, submitting: false };
    case 'sent':
      return { errors: [], attempt: state.attempt, submitting: false };
  }
}
