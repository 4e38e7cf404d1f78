import type { FormEvent } from 'react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import type { FieldErrors } from '../../ui/validation.ts';

/** What a record form's check decides: the errors to show, or the request to send. */
export type Outcome<K extends string> = { errors: FieldErrors<K> } | { send: () => Promise<void> };

/**
 * The submit logic of the record forms that send once their fields are valid ("create a record",
 * "add or change a detail"): the field errors, the server's error, and not sending twice.
 * `send` moves on to another page, so `busy` stays set after it succeeds.
 */
export function useRecordForm<K extends string>() {
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>, check: () => Outcome<K>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((a) => a + 1);
    const outcome = check();
    if ('errors' in outcome) {
      setErrors(outcome.errors);
      setFormError(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await outcome.send();
    } catch (error) {
      setFormError(messageOf(error));
      setBusy(false);
    }
  }

  /** The server's error, for the top of the error summary. */
  const formErrorItems: ErrorItem[] = formError ? [{ text: formError }] : [];
  return { errors, attempt, busy, formErrorItems, submit };
}
