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
import type { AuditFilterAnswers, AuditFilterCheck } from './validate-audit-filters.ts';
import { answersFromFilters, validateAuditFilters } from './validate-audit-filters.ts';

const auditFieldIds = {
  staffId: 'audit-staff',
  caseReference: 'audit-case-reference',
  from: 'audit-from',
  to: 'audit-to',
} as const;

const unlisted = 'A member of staff no longer listed';

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
  const [answers, setAnswers] = useState<AuditFilterAnswers>(() => answersFromFilters(filters));
  const [check, setCheck] = useState<AuditFilterCheck | null>(null);
  const errors = check?.errors ?? {};

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateAuditFilters(answers);
    setCheck(result.filters ? null : result);
    onChecked(result);
  }

  const members =
    staff.status === 'ready'
      ? [...staff.data].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
      : [];
  const options = [
    { value: '', text: 'Anyone' },
    ...members.map((member) => ({ value: member.id, text: `${staffName(member)} (${member.email})` })),
  ];
  if (answers.staffId && !members.some((member) => member.id === answers.staffId)) {
    options.push({ value: answers.staffId, text: staff.status === 'loading' ? 'Loading…' : unlisted });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="filter-heading">
      <Select
        id={auditFieldIds.staffId}
        label="Member of staff"
        labelClassName="govuk-label--s"
        hint={staff.status === 'error' ? `The list of staff could not be loaded: ${staff.message}` : undefined}
        options={options}
        value={answers.staffId}
        onValueChange={(staffId) => setAnswers((current) => ({ ...current, staffId }))}
        error={errors.staffId}
      />
      <TextInput
        id={auditFieldIds.caseReference}
        label="Case reference"
        labelClassName="govuk-label--s"
        hint="For example, 4K7M-9P2X"
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
        legend="Date from"
        hint="For example, 1 3 2027"
        value={answers.from}
        onValueChange={(part, value) =>
          setAnswers((current) => ({ ...current, from: { ...current.from, [part]: value } }))
        }
        error={errors.from}
        errorParts={check?.dateParts.from}
      />
      <DateInput
        id={auditFieldIds.to}
        legend="Date to"
        hint="Includes the whole day, UK time. For example, 31 3 2027"
        value={answers.to}
        onValueChange={(part, value) => setAnswers((current) => ({ ...current, to: { ...current.to, [part]: value } }))}
        error={errors.to}
        errorParts={check?.dateParts.to}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Apply filters
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
          Clear filters
        </Link>
      </div>
    </form>
  );
}
