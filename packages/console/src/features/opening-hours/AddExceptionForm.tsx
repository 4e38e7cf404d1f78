import type { Department, OpeningException } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { addOpeningException } from '../../api/opening-hours.ts';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, TextInput } from '../../ui/Field.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { DatePart } from '../../ui/uk-dates.ts';
import { DepartmentCheckboxes } from '../staff/DepartmentCheckboxes.tsx';
import { useOpeningHoursTexts } from './texts.ts';
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
  const texts = useOpeningHoursTexts();

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="add-exception-heading">
        {texts.addHeading}
      </h2>
      <form
        noValidate
        aria-labelledby="add-exception-heading"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateOpeningException(answers, new Date(), texts.errors);
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
          legend={texts.kindLegend}
          items={[
            { value: 'closure', label: texts.closedAllDay, hint: texts.closedAllDayHint },
            {
              value: 'special-hours',
              label: texts.specialHours,
              hint: texts.specialHoursHint,
            },
          ]}
          value={answers.kind}
          onValueChange={(kind) => set({ kind })}
          error={errors.kind}
        />
        <DateInput
          id={ids.from}
          legend={texts.firstDate}
          hint={texts.firstDateHint}
          value={answers.from}
          onValueChange={(part, value) => set({ from: { ...answers.from, [part]: value } })}
          error={errors.from}
          errorParts={dateParts.from}
        />
        <DateInput
          id={ids.to}
          legend={texts.lastDate}
          hint={texts.lastDateHint}
          value={answers.to}
          onValueChange={(part, value) => set({ to: { ...answers.to, [part]: value } })}
          error={errors.to}
          errorParts={dateParts.to}
        />
        {answers.kind === 'special-hours' ? (
          <div className="govuk-inset-text">
            <TextInput
              id={ids.opens}
              label={texts.openingTime}
              labelClassName="govuk-label--s"
              hint={texts.openingTimeHint}
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
              label={texts.closingTime}
              labelClassName="govuk-label--s"
              hint={texts.closingTimeHint}
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
          legend={texts.departments}
          hint={texts.departmentsHint}
          departments={departments}
          selected={answers.departments}
          onChange={(selected) => set({ departments: selected })}
          error={errors.departments}
        />
        <TextInput
          id={ids.reason}
          label={texts.reason}
          labelClassName="govuk-label--s"
          hint={texts.reasonHint}
          autoComplete="off"
          value={answers.reason}
          onValueChange={(reason) => set({ reason })}
          error={errors.reason}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {texts.add}
        </button>
      </form>
    </>
  );
}
