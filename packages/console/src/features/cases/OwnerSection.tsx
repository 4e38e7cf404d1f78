import type { CaseDetail, StaffDirectoryEntry } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { changeCaseOwner } from '../../api/cases.ts';
import { fetchStaffDirectory } from '../../api/staff.ts';
import { useStaff } from '../../session/session.tsx';
import { Select } from '../../ui/Select.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm } from './CaseForm.tsx';

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
  const mine = detail.owner?.id === me.id;
  return (
    <>
      <h3 className="govuk-heading-s" id="owner-heading">
        Owner
      </h3>
      <p className="govuk-body">
        {mine
          ? 'You own this case.'
          : detail.owner
            ? `${detail.owner.name} owns this case.`
            : 'Nobody owns this case yet.'}
      </p>
      <CaseForm
        id="take-ownership"
        fieldId="take-ownership"
        submitText={mine ? 'Give up ownership' : 'Take ownership'}
        secondary
        onErrorChange={onErrorChange}
        check={() => ({
          run: async () => {
            const next = await changeCaseOwner(detail.id, mine ? null : me.id);
            onChange(next, mine ? 'You no longer own this case' : 'You now own this case');
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
      submitText="Assign owner"
      secondary
      onErrorChange={onErrorChange}
      check={() =>
        chosen === ''
          ? { error: 'Select who should own the case' }
          : chosen === detail.owner?.id
            ? { error: 'They already own this case: select someone else' }
            : {
                run: async () => {
                  const next = await changeCaseOwner(detail.id, chosen);
                  setChosen('');
                  onChange(next, `${next.owner?.name ?? 'Nobody'} now owns this case`);
                },
              }
      }
    >
      {(error) => (
        <Select
          id="assign-owner"
          label="Give the case to"
          hint={`Staff who work in ${detail.departmentLabel}.`}
          options={[
            { value: '', text: 'Select a member of staff' },
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
