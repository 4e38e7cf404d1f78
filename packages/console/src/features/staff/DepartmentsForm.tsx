import type { Department, StaffMember } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { setStaffDepartments } from '../../api/staff.ts';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { errorItems } from '../../ui/validation.ts';
import { DepartmentCheckboxes } from './DepartmentCheckboxes.tsx';
import type { DepartmentsField } from './validate-departments.ts';
import { initialSelection, validateDepartments } from './validate-departments.ts';

const fieldIds: Record<DepartmentsField, string> = { departments: 'staff-departments' };

/** "Departments for …": which departments one member of staff works in (none: every department). */
export function DepartmentsForm({
  member,
  departments,
  onSaved,
  onCancel,
}: {
  member: StaffMember;
  departments: readonly Department[];
  onSaved: (member: StaffMember) => void;
  onCancel: () => void;
}) {
  const name = `${member.firstName} ${member.lastName}`;
  const [selected, setSelected] = useState<string[]>(() => initialSelection(member.departments, departments));
  const [errors, setErrors] = useState<FieldErrors<DepartmentsField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening the form (or switching to someone else) moves focus to its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [member.id]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validateDepartments(selected, departments);
    setErrors(found);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSaved(await setStaffDepartments(member.id, selected));
    } catch (error) {
      setFormError(messageOf(error));
      setAttempt((value) => value + 1);
    } finally {
      setBusy(false);
    }
  }

  const summary: ErrorItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...errorItems(errors, fieldIds, ['departments']),
  ];

  return (
    <section aria-labelledby="departments-heading">
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m ward-break-anywhere" id="departments-heading" ref={headingRef} tabIndex={-1}>
        Departments for {name}
      </h2>
      <form noValidate onSubmit={handleSubmit}>
        <DepartmentCheckboxes
          id={fieldIds.departments}
          legend={`Which departments does ${name} work in?`}
          hint={
            member.role === 'admin'
              ? 'Administrators see every case whatever is selected. Select none for every department.'
              : 'They will see the full cases of these departments only. Select none for every department.'
          }
          error={errors.departments}
          departments={departments}
          selected={selected}
          onChange={setSelected}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save departments
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
