import type { FormEvent } from 'react';
import { useReducer, useRef } from 'react';
import { messageOf } from '../api/errors.ts';
import type { FieldIds, FormCheck } from './form-submission.ts';
import { initialSubmission, nextSubmission, summaryOf } from './form-submission.ts';

/**
 * The submit logic of every console form: check the fields, send once, show Ward's refusal.
 * `ids` and `order` say where each field's error links to in the summary and in which order.
 * Returns the state, the error summary's items and `submit(event, check)` for `onSubmit`.
 */
export function useFormSubmit<K extends string>(ids: FieldIds<K>, order: readonly K[]) {
  const [state, dispatch] = useReducer(nextSubmission<K>, undefined, initialSubmission<K>);
  // A ref, not the state: two quick submits happen before a re-render shows the form busy.
  const sending = useRef(false);

  async function submit(event: FormEvent<HTMLFormElement>, check: () => FormCheck<K>): Promise<void> {
    event.preventDefault();
    if (sending.current) return;
    const checked = check();
    if ('errors' in checked) {
      dispatch({ type: 'invalid', errors: checked.errors });
      return;
    }
    sending.current = true;
    dispatch({ type: 'sending' });
    try {
      await checked.send();
      dispatch({ type: 'sent' });
    } catch (error) {
      dispatch({ type: 'refused', message: messageOf(error) });
    } finally {
      sending.current = false;
    }
  }

  const summary = summaryOf(state, ids, order);
  return { ...state, summary, hasErrors: summary.length > 0, submit };
}
