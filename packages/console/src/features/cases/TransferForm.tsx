import type { CaseDetail } from '@ward/protocol';
import { useState } from 'react';
import { transferCase } from '../../api/cases.ts';
import { Select } from '../../ui/Select.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';
import { useCaseOptions } from './use-case-options.ts';

/** Move the case to another department (its staff then see it in full; the owner stays until changed). */
export function TransferForm({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const options = useCaseOptions();
  const [departmentId, setDepartmentId] = useState('');
  if (options.status !== 'ready') {
    return options.status === 'error' ? (
      <p className="govuk-body">
        The council’s departments could not be loaded, so the case cannot be transferred now. {options.message}
      </p>
    ) : null;
  }
  const others = options.options.departments.filter((department) => department.id !== detail.departmentId);
  return (
    <CaseForm
      id="transfer"
      fieldId="transfer-department"
      heading="Transfer to another department"
      submitText="Transfer case"
      secondary
      onErrorChange={onErrorChange}
      check={() =>
        departmentId === ''
          ? { error: 'Select the department to transfer the case to' }
          : {
              run: async () => {
                const next = await transferCase(detail.id, departmentId);
                setDepartmentId('');
                onChange(next, `Case transferred to ${next.departmentLabel}`);
              },
            }
      }
    >
      {(error) => (
        <Select
          id="transfer-department"
          label="Department"
          hint={`It is with ${detail.departmentLabel} now.`}
          options={[{ value: '', text: 'Select a department' }, ...others.map((d) => ({ value: d.id, text: d.label }))]}
          value={departmentId}
          onValueChange={setDepartmentId}
          error={error}
        />
      )}
    </CaseForm>
  );
}
