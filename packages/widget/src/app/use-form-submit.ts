import { useReducer, useRef } from 'preact/hooks';
import type { ApiResult } from './api.ts';
import type { Validation } from './form-validation.ts';
import { initialSubmission, nextSubmission } from './form-submission.ts';

/**
 * The submit logic of every widget form: check the fields, send once, show Ward's refusal.
 * `submit(event, check, send, sent)` checks, sends the checked value, then calls `sent` with the answer.
 */
export function useFormSubmit() {
  const [state, dispatch] = useReducer(nextSubmission, initialSubmission);
  // A ref, not the state: two quick submits happen before a re-render.
  const sending = useRef(false);

  async function submit<T, R>(
    event: Event,
    check: () => Validation<T>,
    send: (value: T) => Promise<ApiResult<R>>,
    sent: (data: R, value: T) => void,
  ): Promise<void> {
    event.preventDefault();
    if (sending.current) return;
    const checked = check();
    if (!checked.ok) {
      dispatch({ type: 'invalid', errors: checked.errors });
      return;
    }
    sending.current = true;
    dispatch({ type: 'sending' });
    let response: ApiResult<R>;
    try {
      response = await send(checked.value);
    } finally {
      sending.current = false;
    }
    if (!response.ok) {
      dispatch({ type: 'refused', message: response.message });
      return;
    }
    dispatch({ type: 'sent' });
    sent(response.data, checked.value);
  }

  return { ...state, submit };
}
