import type { IntakeResponse } from '@ward/protocol';
import { useEffect, useRef } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { useDocumentTitle } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import type { OptionsState } from '../cases/use-case-options.ts';
import type { ResidentAnswers, ResidentField } from './validate-contact.ts';
import { chooseTopic } from './validate-contact.ts';

/** Parts shared by the "log a contact" and "transfer a social-media request" forms. */
export const residentIds: Record<ResidentField, string> = {
  name: 'resident-name',
  email: 'resident-email',
  phone: 'resident-phone',
  departmentId: 'contact-department',
  caseReference: 'quoted-reference',
};

export function WhenFields({
  id,
  legend,
  date,
  time,
  onDateChange,
  onTimeChange,
  dateError,
  dateParts,
  timeError,
}: {
  id: string;
  legend: string;
  date: TypedDate;
  time: string;
  onDateChange: (part: DatePart, value: string) => void;
  onTimeChange: (value: string) => void;
  dateError?: string;
  dateParts: DatePart[];
  timeError?: string;
}) {
  return (
    <>
      <DateInput
        id={`${id}-date`}
        legend={legend}
        hint="For example, 27 3 2026"
        value={date}
        onValueChange={onDateChange}
        error={dateError}
        errorParts={dateParts}
      />
      <TextInput
        id={`${id}-time`}
        label="Time"
        labelClassName="govuk-label--s"
        hint="UK time, for example 2:30pm or 14:30"
        widthClassName="govuk-input--width-5"
        autoComplete="off"
        value={time}
        onValueChange={onTimeChange}
        error={timeError}
      />
    </>
  );
}

export const topicSelectId = 'contact-topic';

/** The council's topics (optional): choosing one preselects its department in the select below it. */
export function TopicSelect({
  options,
  value,
  onChange,
}: {
  options: OptionsState;
  value: string;
  onChange: (change: Partial<ResidentAnswers>) => void;
}) {
  // While loading or on an error, the department select below says so.
  if (options.status !== 'ready' || options.options.topics.length === 0) return null;
  const { topics } = options.options;
  return (
    <Select
      id={topicSelectId}
      label="Topic (optional)"
      labelClassName="govuk-label--s"
      hint="Choosing a topic selects the department that deals with it. You can still choose another department."
      options={[{ value: '', text: 'No topic' }, ...topics.map((t) => ({ value: t.id, text: t.label }))]}
      value={value}
      onValueChange={(topicId) => onChange(chooseTopic(topicId, topics))}
    />
  );
}

export function DepartmentSelect({
  options,
  value,
  onChange,
  error,
}: {
  options: OptionsState;
  value: string;
  onChange: (departmentId: string) => void;
  error?: string;
}) {
  if (options.status === 'loading') return <p className="govuk-body">Loading the council’s departments…</p>;
  if (options.status === 'error') {
    return (
      <p className="govuk-error-message">
        <span className="govuk-visually-hidden">Error:</span> The council’s departments could not be loaded.{' '}
        {options.message}
      </p>
    );
  }
  return (
    <Select
      id={residentIds.departmentId}
      label="Which department should deal with it?"
      labelClassName="govuk-label--s"
      options={[
        { value: '', text: 'Select a department' },
        ...options.options.departments.map((d) => ({ value: d.id, text: d.label })),
      ]}
      value={value}
      onValueChange={onChange}
      error={error}
    />
  );
}

export function ResidentFields({
  legend,
  answers,
  errors,
  onChange,
}: {
  legend: string;
  answers: Pick<ResidentAnswers, 'name' | 'email' | 'phone'>;
  errors: FieldErrors<ResidentField>;
  onChange: (change: Partial<ResidentAnswers>) => void;
}) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="resident-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <div className="govuk-hint" id="resident-hint">
          Ward adds the contact to the record with this email address if there is exactly one, or to the record of the
          case reference the resident quoted. Otherwise it creates a new record.
        </div>
        <TextInput
          id={residentIds.name}
          label="Full name (optional)"
          autoComplete="off"
          spellCheck={false}
          value={answers.name}
          onValueChange={(name) => onChange({ name })}
          error={errors.name}
        />
        <TextInput
          id={residentIds.email}
          label="Email address (optional)"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={answers.email}
          onValueChange={(email) => onChange({ email })}
          error={errors.email}
        />
        <TextInput
          id={residentIds.phone}
          label="Phone number (optional)"
          type="tel"
          autoComplete="off"
          widthClassName="govuk-input--width-20"
          value={answers.phone}
          onValueChange={(phone) => onChange({ phone })}
          error={errors.phone}
        />
      </fieldset>
    </div>
  );
}

export function QuotedReference({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (caseReference: string) => void;
  error?: string;
}) {
  return (
    <TextInput
      id={residentIds.caseReference}
      label="Case reference the resident quoted (optional)"
      labelClassName="govuk-label--s"
      hint="The new case is linked to it, and to its resident’s record. For example, 4K7M-9P2X"
      widthClassName="govuk-input--width-10"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      value={value}
      onValueChange={onChange}
      error={error}
    />
  );
}

/** The GOV.UK confirmation panel with the new case reference; its heading takes focus. */
export function IntakeConfirmation({
  title,
  result,
  again,
  againText,
}: {
  title: string;
  result: IntakeResponse;
  again: () => void;
  againText: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title ward-page-heading" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <div className="govuk-panel__body">
          Case reference
          <br />
          <strong>{result.caseReference}</strong>
        </div>
      </div>
      <p className="govuk-body">
        {result.recordCreated
          ? 'Ward created a new record for the resident.'
          : 'Ward added the case to the resident’s existing record.'}
      </p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" href={pathTo(paths.case, { caseReference: result.caseReference })}>
            Go to case {result.caseReference}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" href={pathTo(paths.record, { recordId: result.recordId })}>
            View the resident’s record
          </Link>
        </li>
        <li>
          <button type="button" className="ward-link-button" onClick={again}>
            {againText}
          </button>
        </li>
      </ul>
    </>
  );
}
