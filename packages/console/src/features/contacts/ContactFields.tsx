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
import { useShellTexts } from '../../i18n/shell.ts';
import { useContactsTexts } from './texts.ts';

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
  const t = useContactsTexts();
  return (
    <>
      <DateInput
        id={`${id}-date`}
        legend={legend}
        hint={t.dateHint}
        value={date}
        onValueChange={onDateChange}
        error={dateError}
        errorParts={dateParts}
      />
      <TextInput
        id={`${id}-time`}
        label={t.time}
        labelClassName="govuk-label--s"
        hint={t.timeHint}
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
  const t = useContactsTexts();
  // While loading or on an error, the department select below says so.
  if (options.status !== 'ready' || options.options.topics.length === 0) return null;
  const { topics } = options.options;
  return (
    <Select
      id={topicSelectId}
      label={t.topicOptional}
      labelClassName="govuk-label--s"
      hint={t.topicHint}
      options={[{ value: '', text: t.noTopic }, ...topics.map((topic) => ({ value: topic.id, text: topic.label }))]}
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
  const t = useContactsTexts();
  const shell = useShellTexts();
  if (options.status === 'loading') return <p className="govuk-body">{t.loadingDepartments}</p>;
  if (options.status === 'error') {
    return (
      <p className="govuk-error-message">
        <span className="govuk-visually-hidden">{shell.errorPrefix}</span> {t.departmentsNotLoaded} {options.message}
      </p>
    );
  }
  return (
    <Select
      id={residentIds.departmentId}
      label={t.whichDepartment}
      labelClassName="govuk-label--s"
      options={[
        { value: '', text: t.selectDepartment },
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
  const t = useContactsTexts();
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="resident-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <div className="govuk-hint" id="resident-hint">
          {t.residentHint}
        </div>
        <TextInput
          id={residentIds.name}
          label={t.fullName}
          autoComplete="off"
          spellCheck={false}
          value={answers.name}
          onValueChange={(name) => onChange({ name })}
          error={errors.name}
        />
        <TextInput
          id={residentIds.email}
          label={t.emailOptional}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={answers.email}
          onValueChange={(email) => onChange({ email })}
          error={errors.email}
        />
        <TextInput
          id={residentIds.phone}
          label={t.phoneOptional}
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
  const t = useContactsTexts();
  return (
    <TextInput
      id={residentIds.caseReference}
      label={t.quotedReference}
      labelClassName="govuk-label--s"
      hint={t.quotedReferenceHint}
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
  const t = useContactsTexts();
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
          {t.caseReference}
          <br />
          <strong>{result.caseReference}</strong>
        </div>
      </div>
      <p className="govuk-body">{result.recordCreated ? t.recordCreated : t.addedToRecord}</p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" href={pathTo(paths.case, { caseReference: result.caseReference })}>
            {t.goToCase(result.caseReference)}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" href={pathTo(paths.record, { recordId: result.recordId })}>
            {t.viewRecord}
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
