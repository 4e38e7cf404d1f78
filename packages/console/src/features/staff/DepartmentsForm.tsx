import type { Department, StaffMember } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { setStaffDepartments } from '../../api/staff.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
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
  const { errors, summary, attempt, submit } = useFormSubmit(fieldIds, ['departments']);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening the form (or switching to someone else) moves focus to its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [member.id]);

  const check = () =>
    sendIfValid(validateDepartments(selected, departments), async () =>
      onSaved(await setStaffDepartments(member.id, selected)),
    );

  return (
    <section aria-labelledby="departments-heading">
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m ward-break-anywhere" id="departments-heading" ref={headingRef} tabIndex={-1}>
        Departments for {name}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)}>
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
