import type { Department, StaffMember } from '@ward/protocol';
import { useState } from 'react';
import { fetchDepartments, fetchStaff } from '../../api/staff.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { RoleAndDepartmentsForm } from './RoleAndDepartmentsForm.tsx';
import { InviteForm } from './InviteForm.tsx';
import { describeDepartments } from './validate-departments.ts';
import { roleNames } from '../../session/roles.ts';

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

  const departments = loaded.status === 'ready' ? loaded.data.departments : [];
  const editedMember =
    loaded.status === 'ready' ? loaded.data.staff.find((member) => member.id === editing) : undefined;

  function saved(member: StaffMember) {
    update((data) => ({ ...data, staff: data.staff.map((m) => (m.id === member.id ? member : m)) }));
    setEditing(null);
    announce(
      `Saved for ${nameOf(member)}: ${roleNames[member.role]}, ${describeDepartments(member.departments, departments)}`,
    );
    focusChangeButton(member);
  }

  function cancelled(member: StaffMember) {
    setEditing(null);
    focusChangeButton(member);
  }

  return (
    <>
      <PageTitle title="Staff" />
      {loaded.status === 'loading' ? <Loading text="Loading staff…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        <Table
          caption={`Staff (${loaded.data.staff.length})`}
          captionClassName="govuk-table__caption--m"
          regionLabel="Staff"
          rows={[...loaded.data.staff].sort(
            (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
          )}
          rowKey={(member) => member.id}
          columns={[
            { header: 'Name', cell: (member) => <span className="ward-break-anywhere">{nameOf(member)}</span> },
            { header: 'Email address', cell: (member) => <span className="ward-break-anywhere">{member.email}</span> },
            { header: 'Role', cell: (member) => roleNames[member.role] },
            { header: 'Shown to residents as', cell: (member) => member.displayName },
            { header: 'Departments', cell: (member) => describeDepartments(member.departments, departments) },
            {
              header: <span className="govuk-visually-hidden">Actions</span>,
              cell: (member) => (
                <button
                  type="button"
                  id={changeButtonId(member)}
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  aria-expanded={editing === member.id}
                  aria-controls={editing === member.id ? 'departments-form' : undefined}
                  onClick={() => setEditing(member.id)}
                >
                  Change<span className="govuk-visually-hidden"> role and departments for {nameOf(member)}</span>
                </button>
              ),
            },
          ]}
        />
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
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
        </div>
      </div>
    </>
  );
}
