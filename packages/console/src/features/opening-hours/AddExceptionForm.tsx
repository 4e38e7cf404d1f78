import type { Department, OpeningException } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { addOpeningException } from '../../api/opening-hours.ts';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, TextInput } from '../../ui/Field.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { DatePart } from '../../ui/uk-dates.ts';
import { DepartmentCheckboxes } from '../staff/DepartmentCheckboxes.tsx';
import { validateOpeningException, type ExceptionAnswers, type ExceptionField } from './validate-opening-exception.ts';

const ids: Record<Exclude<ExceptionField, 'from' | 'to'>, string> & Record<'from' | 'to', string> = {
  kind: 'exception-kind',
  from: 'exception-from',
  to: 'exception-to',
  opens: 'exception-opens',
  closes: 'exception-closes',
  departments: 'exception-departments',
  reason: 'exception-reason',
};
const order: ExceptionField[] = ['kind', 'from', 'to', 'opens', 'closes', 'departments', 'reason'];
const blankDate = { day: '', month: '', year: '' };
const blank: ExceptionAnswers = {
  kind: '',
  from: blankDate,
  to: blankDate,
  opens: '',
  closes: '',
  departments: [],
  reason: '',
};

/** Add a closure or special hours (ADR 47): GOV.UK radios, date inputs, department checkboxes, a reason. */
export function AddExceptionForm(props: {
  departments: Department[];
  onAdded: (exception: OpeningException) => void;
  onErrors: (has: boolean) => void;
}) {
  const { departments, onAdded, onErrors } = props;
  const [answers, setAnswers] = useState<ExceptionAnswers>(blank);
  const [dateParts, setDateParts] = useState<Record<'from' | 'to', DatePart[]>>({ from: [], to: [] });
  const fieldId = (field: ExceptionField) =>
    field === 'from' || field === 'to' ? dateInputFieldId(ids[field], dateParts[field]) : ids[field];
  const { errors, summary, attempt, busy, submit } = useFormSubmit<ExceptionField>(fieldId, order);
  const hasErrors = summary.length > 0;
  useEffect(() => onErrors(hasErrors), [hasErrors, onErrors]);
  const set = (patch: Partial<ExceptionAnswers>) => setAnswers((a) => ({ ...a, ...patch }));

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="add-exception-heading">
        Add a closure or special hours
      </h2>
      <form
        noValidate
        aria-labelledby="add-exception-heading"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateOpeningException(answers, new Date());
            setDateParts(checked.dateParts);
            const body = checked.body;
            if (!body) return { errors: checked.errors };
            return {
              send: async () => {
                const added = await addOpeningException(body);
                setAnswers(blank);
                onAdded(added);
              },
            };
          })
        }
      >
        <Radios
          id={ids.kind}
          legend="Are advisers closed, or open for special hours?"
          items={[
            { value: 'closure', label: 'Closed all day', hint: 'For example, a shutdown or a storm.' },
            {
              value: 'special-hours',
              label: 'Open for special hours',
              hint: 'These hours replace the usual ones on each date, even on a bank holiday.',
            },
          ]}
          value={answers.kind}
          onValueChange={(kind) => set({ kind })}
          error={errors.kind}
        />
        <DateInput
          id={ids.from}
          legend="First date"
          hint="For example, 24 12 2026."
          value={answers.from}
          onValueChange={(part, value) => set({ from: { ...answers.from, [part]: value } })}
          error={errors.from}
          errorParts={dateParts.from}
        />
        <DateInput
          id={ids.to}
          legend="Last date (optional)"
          hint="Leave it empty for one day."
          value={answers.to}
          onValueChange={(part, value) => set({ to: { ...answers.to, [part]: value } })}
          error={errors.to}
          errorParts={dateParts.to}
        />
        {answers.kind === 'special-hours' ? (
          <div className="govuk-inset-text">
            <TextInput
              id={ids.opens}
              label="Opening time"
              labelClassName="govuk-label--s"
              hint="In UK time, for example 09:00."
              widthClassName="govuk-input--width-5"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={answers.opens}
              onValueChange={(opens) => set({ opens })}
              error={errors.opens}
            />
            <TextInput
              id={ids.closes}
              label="Closing time"
              labelClassName="govuk-label--s"
              hint="For example, 12:30. Enter 24:00 for midnight."
              widthClassName="govuk-input--width-5"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={answers.closes}
              onValueChange={(closes) => set({ closes })}
              error={errors.closes}
            />
          </div>
        ) : null}
        <DepartmentCheckboxes
          id={ids.departments}
          legend="Departments"
          hint="Leave every box unticked for all departments."
          departments={departments}
          selected={answers.departments}
          onChange={(selected) => set({ departments: selected })}
          error={errors.departments}
        />
        <TextInput
          id={ids.reason}
          label="Reason"
          labelClassName="govuk-label--s"
          hint="Staff see this. Residents are told only when advisers are back."
          autoComplete="off"
          value={answers.reason}
          onValueChange={(reason) => set({ reason })}
          error={errors.reason}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Add
        </button>
      </form>
    </>
  );
}
