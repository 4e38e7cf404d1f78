import type { Department, StaffMember } from '@ward/protocol';
import { useState } from 'react';
import { fetchDepartments, fetchStaff } from '../../api/staff.ts';
import { resetStaffMfa } from '../../api/auth.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { useStaff } from '../../session/session.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { RoleAndDepartmentsForm } from './RoleAndDepartmentsForm.tsx';
import { InviteForm } from './InviteForm.tsx';
import { RoutingSection } from './RoutingSection.tsx';
import { describeDepartments } from './validate-departments.ts';
import { useStaffTexts } from './texts.ts';

const changeButtonId = (member: StaffMember) => `change-access-${member.id}`;
const nameOf = (member: StaffMember) => `${member.firstName} ${member.lastName}`;

/** Returns focus to a row's "Change" button once React has drawn it. */
function focusChangeButton(member: StaffMember) {
  requestAnimationFrame(() => document.getElementById(changeButtonId(member))?.focus());
}

async function loadStaffAndDepartments(): Promise<{ staff: StaffMember[]; departments: Department[] }> {
  const [staff, departments] = await Promise.all([fetchStaff(), fetchDepartments()]);
  return { staff, departments };
}

export function StaffPage() {
  const { loaded, reload, update } = useLoaded(loadStaffAndDepartments);
  const [editing, setEditing] = useState<string | null>(null);
  const announce = useAnnounce();
  const me = useStaff();
  const texts = useStaffTexts();
  // A lost phone: an administrator resets a colleague's two-step sign-in (ADR 22).
  const reset = useConfirmation(async (member: StaffMember) => {
    await resetStaffMfa(member.id);
    update((data) => ({
      ...data,
      staff: data.staff.map((m) => (m.id === member.id ? { ...m, mfaEnabled: false } : m)),
    }));
    announce(texts.resetDone(nameOf(member)));
  });

  const departments = loaded.status === 'ready' ? loaded.data.departments : [];
  const editedMember =
    loaded.status === 'ready' ? loaded.data.staff.find((member) => member.id === editing) : undefined;

  function saved(member: StaffMember) {
    // The answer to a change of departments does not say whether two-step sign-in is on: keep what the list said.
    update((data) => ({
      ...data,
      staff: data.staff.map((m) => (m.id === member.id ? { ...member, mfaEnabled: m.mfaEnabled } : m)),
    }));
    setEditing(null);
    announce(
      texts.savedAccess(
        nameOf(member),
        texts.roles[member.role],
        describeDepartments(member.departments, departments, texts.allDepartments),
      ),
    );
    focusChangeButton(member);
  }

  function cancelled(member: StaffMember) {
    setEditing(null);
    focusChangeButton(member);
  }

  return (
    <>
      <PageTitle title={texts.title} />
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        <Table
          caption={texts.caption(loaded.data.staff.length)}
          captionClassName="govuk-table__caption--m"
          regionLabel={texts.title}
          rows={[...loaded.data.staff].sort(
            (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
          )}
          rowKey={(member) => member.id}
          columns={[
            { header: texts.name, cell: (member) => <span className="ward-break-anywhere">{nameOf(member)}</span> },
            {
              header: texts.emailAddress,
              cell: (member) => <span className="ward-break-anywhere">{member.email}</span>,
            },
            { header: texts.role, cell: (member) => texts.roles[member.role] },
            { header: texts.shownAs, cell: (member) => member.displayName },
            {
              header: texts.departments,
              cell: (member) => describeDepartments(member.departments, departments, texts.allDepartments),
            },
            { header: texts.twoStepSignIn, cell: (member) => (member.mfaEnabled ? texts.on : texts.off) },
            {
              header: <span className="govuk-visually-hidden">{texts.actions}</span>,
              cell: (member) => (
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <button
                    type="button"
                    id={changeButtonId(member)}
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    aria-expanded={editing === member.id}
                    aria-controls={editing === member.id ? 'departments-form' : undefined}
                    onClick={() => setEditing(member.id)}
                  >
                    {texts.change}
                    <span className="govuk-visually-hidden">{texts.changeFor(nameOf(member))}</span>
                  </button>
                  {member.id === me.id || !member.mfaEnabled ? null : (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={(event) => reset.ask(member, event.currentTarget)}
                    >
                      {texts.resetTwoStep}
                      <span className="govuk-visually-hidden">{texts.resetFor(nameOf(member))}</span>
                    </button>
                  )}
                </div>
              ),
            },
          ]}
        />
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {reset.confirming ? (
            <ConfirmPanel
              confirmation={reset}
              item={reset.confirming}
              id="reset-mfa-question"
              question={texts.resetQuestion(nameOf(reset.confirming))}
              confirmText={texts.resetTwoStep}
            >
              <p className="govuk-body">{texts.resetExplained}</p>
            </ConfirmPanel>
          ) : null}
          {editedMember ? (
            <div id="departments-form">
              <RoleAndDepartmentsForm
                key={editedMember.id}
                member={editedMember}
                departments={departments}
                onSaved={saved}
                onCancel={() => cancelled(editedMember)}
              />
            </div>
          ) : null}
          <InviteForm onInvited={reload} departments={departments} />
          {loaded.status === 'ready' ? <RoutingSection staff={loaded.data.staff} /> : null}
        </div>
      </div>
    </>
  );
}
