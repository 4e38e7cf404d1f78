import type { CaseDetail, CaseStatus } from '@ward/protocol';
import { caseStatuses } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { changeCaseStatus } from '../../api/cases.ts';
import { Radios } from '../../ui/Field.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';

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
  const t = useCasesTexts();
  const words = useCaseWords();
  const statusNames = words.statuses;
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  useEffect(() => setStatus(detail.status), [detail.status]);
  const closed = detail.status === 'closed';

  return (
    <CaseForm
      id="case-status"
      fieldId="case-status"
      submitText={closed ? t.reopenCase : t.changeStatus}
      onErrorChange={onErrorChange}
      check={() =>
        status === detail.status
          ? {
              error: closed ? t.selectReopenedStatus : t.alreadyStatus(statusNames[status].toLowerCase()),
            }
          : {
              run: async () => {
                const next = await changeCaseStatus(detail.id, status);
                onChange(
                  next,
                  closed
                    ? t.caseReopened(statusNames[next.status].toLowerCase())
                    : t.statusChangedTo(statusNames[next.status].toLowerCase()),
                );
              },
            }
      }
    >
      {(error) => (
        <Radios<CaseStatus>
          id="case-status"
          legend={closed ? t.reopenAs : t.status}
          legendClassName="govuk-fieldset__legend--s"
          items={caseStatuses.map((value) => ({ value, label: statusNames[value], hint: t.statusHints[value] }))}
          value={status}
          onValueChange={setStatus}
          error={error}
        />
      )}
    </CaseForm>
  );
}
