import type { CaseDetail } from '@ward/protocol';
import { useState } from 'react';
import { transferCase } from '../../api/cases.ts';
import { Select } from '../../ui/Select.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';
import { useCaseOptions } from './use-case-options.ts';
import { useCasesTexts } from './texts.ts';

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
  const t = useCasesTexts();
  const [departmentId, setDepartmentId] = useState('');
  if (options.status !== 'ready') {
    return options.status === 'error' ? (
      <p className="govuk-body">
        {t.departmentsNotLoaded} {options.message}
      </p>
    ) : null;
  }
  const others = options.options.departments.filter((department) => department.id !== detail.departmentId);
  return (
    <CaseForm
      id="transfer"
      fieldId="transfer-department"
      heading={t.transferHeading}
      submitText={t.transferCase}
      secondary
      onErrorChange={onErrorChange}
      check={() =>
        departmentId === ''
          ? { error: t.selectTransferDepartment }
          : {
              run: async () => {
                const next = await transferCase(detail.id, departmentId);
                setDepartmentId('');
                onChange(next, t.transferredTo(next.departmentLabel));
              },
            }
      }
    >
      {(error) => (
        <Select
          id="transfer-department"
          label={t.department}
          hint={t.itIsWith(detail.departmentLabel)}
          options={[{ value: '', text: t.selectDepartment }, ...others.map((d) => ({ value: d.id, text: d.label }))]}
          value={departmentId}
          onValueChange={setDepartmentId}
          error={error}
        />
      )}
    </CaseForm>
  );
}
