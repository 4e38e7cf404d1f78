import type { CaseDetail, CaseStatus } from '@ward/protocol';
import { caseStatuses } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { changeCaseStatus } from '../../api/cases.ts';
import { Radios } from '../../ui/Field.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';
import { statusNames } from './case-wording.ts';

const hints: Record<CaseStatus, string> = {
  open: 'Someone at the council is dealing with it.',
  'awaiting-resident': 'The council is waiting for the resident to reply or send something.',
  'awaiting-council': 'Waiting for another part of the council or a contractor.',
  closed: 'Nothing more to do. A closed case can be reopened.',
};

/** Change the status; choosing any other status for a closed case reopens it. */
export function CaseStatusForm({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  useEffect(() => setStatus(detail.status), [detail.status]);
  const closed = detail.status === 'closed';

  return (
    <CaseForm
      id="case-status"
      fieldId="case-status"
      submitText={closed ? 'Reopen case' : 'Change status'}
      onErrorChange={onErrorChange}
      check={() =>
        status === detail.status
          ? {
              error: closed
                ? 'Select the status the reopened case should have'
                : `The case is already ${statusNames[status].toLowerCase()}: select a different status`,
            }
          : {
              run: async () => {
                const next = await changeCaseStatus(detail.id, status);
                onChange(
                  next,
                  closed
                    ? `Case reopened: ${statusNames[next.status].toLowerCase()}`
                    : `Status changed to ${statusNames[next.status].toLowerCase()}`,
                );
              },
            }
      }
    >
      {(error) => (
        <Radios<CaseStatus>
          id="case-status"
          legend={closed ? 'This case is closed. Reopen it as' : 'Status'}
          legendClassName="govuk-fieldset__legend--s"
          items={caseStatuses.map((value) => ({ value, label: statusNames[value], hint: hints[value] }))}
          value={status}
          onValueChange={setStatus}
          error={error}
        />
      )}
    </CaseForm>
  );
}
