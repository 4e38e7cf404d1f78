import type { IntakeResponse } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { dateInputFieldId } from '../../ui/DateInput.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import type { Check, ResidentAnswers } from './validate-contact.ts';

type WhenAnswers = ResidentAnswers & { date: TypedDate; time: string };

export interface ContactFormOptions<A extends WhenAnswers, K extends string, B> {
  /** The answers of an empty form; used at first and again after "log/transfer another". */
  blank: () => A;
  /** Each field's element id, for the error summary's links. */
  ids: Record<K | 'date', string>;
  /** The fields in the order they appear on the page. */
  order: K[];
  validate: (answers: A, now: Date) => Check<K, B>;
  send: (body: B) => Promise<IntakeResponse>;
}

/**
 * The page logic shared by the "log a contact" and "transfer a social-media request" forms:
 * the answers, validating and sending them, the error summary and the confirmation.
 */
export function useContactForm<A extends WhenAnswers, K extends string, B>({
  blank,
  ids,
  order,
  validate,
  send,
}: ContactFormOptions<A, K, B>) {
  const [answers, setAnswers] = useState<A>(blank);
  const [dateParts, setDateParts] = useState<DatePart[]>([]);
  const [result, setResult] = useState<IntakeResponse | null>(null);
  const change = (part: Partial<A>) => setAnswers((current) => ({ ...current, ...part }));
  const { errors, summary, attempt, busy, submit } = useFormSubmit<K>(
    (field) => (field === 'date' ? dateInputFieldId(ids.date, dateParts) : ids[field]),
    order,
  );

  function check(): FormCheck<K> {
    const checked = validate(answers, new Date());
    setDateParts(checked.dateParts);
    const { body } = checked;
    if (!body) return { errors: checked.errors };
    return { send: async () => setResult(await send(body)) };
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => void submit(event, check);

  function startAgain() {
    setResult(null);
    setAnswers(blank());
  }

  /** The props of the form's `WhenFields`, bar its id and legend. */
  const when = {
    date: answers.date,
    time: answers.time,
    onDateChange: (part: DatePart, value: string) => change({ date: { ...answers.date, [part]: value } } as Partial<A>),
    onTimeChange: (time: string) => change({ time } as Partial<A>),
    dateError: (errors as FieldErrors<'date' | 'time'>).date,
    dateParts,
    timeError: (errors as FieldErrors<'date' | 'time'>).time,
  };

  return { answers, change, errors, summary, attempt, busy, result, handleSubmit, startAgain, when };
}

/** What `ContactFormPage` needs of the form's state. */
export type ContactFormState = Pick<
  ReturnType<typeof useContactForm>,
  'summary' | 'attempt' | 'busy' | 'result' | 'handleSubmit' | 'startAgain'
>;
