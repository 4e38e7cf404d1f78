import type { CaseDetail, StaffDirectoryEntry } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { changeCaseOwner } from '../../api/cases.ts';
import { fetchStaffDirectory } from '../../api/staff.ts';
import { useStaff } from '../../session/session.tsx';
import { Select } from '../../ui/Select.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';
import { useCasesTexts } from './texts.ts';

/** Who owns the case: take it, give it up, or give it to someone who works in its department. */
export function OwnerSection({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const me = useStaff();
  const t = useCasesTexts();
  const mine = detail.owner?.id === me.id;
  return (
    <>
      <h3 className="govuk-heading-s" id="owner-heading">
        {t.owner}
      </h3>
      <p className="govuk-body">{mine ? t.youOwn : detail.owner ? t.theyOwn(detail.owner.name) : t.nobodyOwns}</p>
      <CaseForm
        id="take-ownership"
        fieldId="take-ownership"
        submitText={mine ? t.giveUpOwnership : t.takeOwnership}
        secondary
        onErrorChange={onErrorChange}
        check={() => ({
          run: async () => {
            const next = await changeCaseOwner(detail.id, mine ? null : me.id);
            onChange(next, mine ? t.youNoLongerOwn : t.youNowOwn);
          },
        })}
      >
        {() => null}
      </CaseForm>
      <AssignOwnerForm detail={detail} onChange={onChange} onErrorChange={onErrorChange} />
    </>
  );
}

function AssignOwnerForm({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const t = useCasesTexts();
  const [staff, setStaff] = useState<StaffDirectoryEntry[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    let cancelled = false;
    fetchStaffDirectory().then(
      // Only those who work in the case's department (none listed: all) may own it.
      (list) =>
        !cancelled &&
        setStaff(
          list.filter((member) => member.departments.length === 0 || member.departments.includes(detail.departmentId)),
        ),
      () => !cancelled && setStaff([]),
    );
    return () => {
      cancelled = true;
    };
  }, [detail.departmentId]);
  if (!staff || staff.length === 0) return null;
  return (
    <CaseForm
      id="assign-owner"
      fieldId="assign-owner"
      submitText={t.assignOwner}
      secondary
      onErrorChange={onErrorChange}
      check={() =>
        chosen === ''
          ? { error: t.selectOwner }
          : chosen === detail.owner?.id
            ? { error: t.alreadyOwner }
            : {
                run: async () => {
                  const next = await changeCaseOwner(detail.id, chosen);
                  setChosen('');
                  onChange(next, t.nowOwns(next.owner?.name ?? t.nobody));
                },
              }
      }
    >
      {(error) => (
        <Select
          id="assign-owner"
          label={t.giveCaseTo}
          hint={t.staffIn(detail.departmentLabel)}
          options={[
            { value: '', text: t.selectStaff },
            ...staff.map((member) => ({ value: member.id, text: member.displayName })),
          ]}
          value={chosen}
          onValueChange={setChosen}
          error={error}
        />
      )}
    </CaseForm>
  );
}
