import type { StaffMember } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import type { Loaded } from '../../ui/use-loaded.ts';
import type { AuditFilters } from './audit-query.ts';
import { staffName } from './audit-wording.ts';
import { useAuditTexts } from './texts.ts';
import type { AuditFilterAnswers, AuditFilterCheck } from './validate-audit-filters.ts';
import { answersFromFilters, validateAuditFilters } from './validate-audit-filters.ts';

const auditFieldIds = {
  staffId: 'audit-staff',
  caseReference: 'audit-case-reference',
  from: 'audit-from',
  to: 'audit-to',
} as const;

/** The page's error summary for a check of the filters (the summary sits at the top of the page, not in the form). */
export function problemItems(check: AuditFilterCheck): ErrorItem[] {
  const { errors, dateParts } = check;
  return [
    ...(errors.staffId ? [{ fieldId: auditFieldIds.staffId, text: errors.staffId }] : []),
    ...(errors.caseReference ? [{ fieldId: auditFieldIds.caseReference, text: errors.caseReference }] : []),
    ...(errors.from ? [{ fieldId: dateInputFieldId(auditFieldIds.from, dateParts.from), text: errors.from }] : []),
    ...(errors.to ? [{ fieldId: dateInputFieldId(auditFieldIds.to, dateParts.to), text: errors.to }] : []),
  ];
}

/** The audit trail's filters: member of staff, case reference and dates; applying them changes the address. */
export function AuditFilterForm({
  filters,
  staff,
  onChecked,
  onCleared,
}: {
  filters: AuditFilters;
  staff: Loaded<StaffMember[]>;
  onChecked: (check: AuditFilterCheck) => void;
  onCleared: () => void;
}) {
  const texts = useAuditTexts();
  const [answers, setAnswers] = useState<AuditFilterAnswers>(() => answersFromFilters(filters));
  const [check, setCheck] = useState<AuditFilterCheck | null>(null);
  const errors = check?.errors ?? {};

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateAuditFilters(answers, texts.errors);
    setCheck(result.filters ? null : result);
    onChecked(result);
  }

  const members =
    staff.status === 'ready'
      ? [...staff.data].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
      : [];
  const options = [
    { value: '', text: texts.anyone },
    ...members.map((member) => ({ value: member.id, text: `${staffName(member)} (${member.email})` })),
  ];
  if (answers.staffId && !members.some((member) => member.id === answers.staffId)) {
    options.push({ value: answers.staffId, text: staff.status === 'loading' ? texts.loading : texts.wording.unlisted });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="filter-heading">
      <Select
        id={auditFieldIds.staffId}
        label={texts.memberOfStaff}
        labelClassName="govuk-label--s"
        hint={staff.status === 'error' ? texts.staffNotLoaded(staff.message) : undefined}
        options={options}
        value={answers.staffId}
        onValueChange={(staffId) => setAnswers((current) => ({ ...current, staffId }))}
        error={errors.staffId}
      />
      <TextInput
        id={auditFieldIds.caseReference}
        label={texts.caseReference}
        labelClassName="govuk-label--s"
        hint={texts.caseReferenceHint}
        widthClassName="govuk-input--width-10"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={answers.caseReference}
        onValueChange={(caseReference) => setAnswers((current) => ({ ...current, caseReference }))}
        error={errors.caseReference}
      />
      <DateInput
        id={auditFieldIds.from}
        legend={texts.dateFrom}
        hint={texts.dateFromHint}
        value={answers.from}
        onValueChange={(part, value) =>
          setAnswers((current) => ({ ...current, from: { ...current.from, [part]: value } }))
        }
        error={errors.from}
        errorParts={check?.dateParts.from}
      />
      <DateInput
        id={auditFieldIds.to}
        legend={texts.dateTo}
        hint={texts.dateToHint}
        value={answers.to}
        onValueChange={(part, value) => setAnswers((current) => ({ ...current, to: { ...current.to, [part]: value } }))}
        error={errors.to}
        errorParts={check?.dateParts.to}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {texts.apply}
        </button>
        <Link
          className="govuk-link"
          href={paths.audit}
          onClick={() => {
            setAnswers(answersFromFilters({}));
            setCheck(null);
            onCleared();
          }}
        >
          {texts.clear}
        </Link>
      </div>
    </form>
  );
}
