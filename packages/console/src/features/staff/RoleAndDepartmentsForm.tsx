import type { Department, StaffMember, StaffRole } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { setStaffDepartments, setStaffRole } from '../../api/staff.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { DepartmentCheckboxes } from './DepartmentCheckboxes.tsx';
import type { DepartmentsField } from './validate-departments.ts';
import { initialSelection, validateDepartments } from './validate-departments.ts';
import { Radios } from '../../ui/Field.tsx';
import { roleOptions } from './role-options.ts';
import { useStaffTexts } from './texts.ts';

const fieldIds: Record<DepartmentsField | 'role', string> = { role: 'staff-role', departments: 'staff-departments' };

/**
 * "Role and departments for …": what one member of staff does and where (no departments: every
 * department). Either change ends their sessions, so only what changed is sent.
 */
export function RoleAndDepartmentsForm({
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
  const [role, setRole] = useState<StaffRole>(member.role);
  const { errors, summary, attempt, submit } = useFormSubmit(fieldIds, ['role', 'departments']);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const texts = useStaffTexts();

  // Opening the form (or switching to someone else) moves focus to its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [member.id]);

  const check = () =>
    sendIfValid(validateDepartments(selected, departments, texts.errors), async () => {
      let saved = member;
      if (role !== member.role) saved = await setStaffRole(member.id, role);
      const unchanged =
        selected.length === member.departments.length && selected.every((id) => member.departments.includes(id));
      if (!unchanged) saved = await setStaffDepartments(member.id, selected);
      onSaved(saved);
    });

  return (
    <section aria-labelledby="departments-heading">
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m ward-break-anywhere" id="departments-heading" ref={headingRef} tabIndex={-1}>
        {texts.accessHeading(name)}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)}>
        <Radios<StaffRole>
          id={fieldIds.role}
          legend={texts.whatDoes(name)}
          legendClassName="govuk-fieldset__legend--s"
          items={roleOptions(texts)}
          value={role}
          onValueChange={setRole}
          error={errors.role}
        />
        <DepartmentCheckboxes
          id={fieldIds.departments}
          legend={texts.whichDepartments(name)}
          hint={role === 'admin' || role === 'privacy_officer' ? texts.seeEveryCase : texts.seeTheirCases}
          error={errors.departments}
          departments={departments}
          selected={selected}
          onChange={setSelected}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {texts.saveAccess}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            {texts.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
