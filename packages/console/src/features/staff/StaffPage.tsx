import type { StaffMember } from '@ward/protocol';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fetchStaff } from '../../api/staff.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { InviteForm } from './InviteForm.tsx';

type Loaded = { status: 'loading' } | { status: 'ready'; staff: StaffMember[] } | { status: 'error'; message: string };

const roleNames = { agent: 'Agent', admin: 'Admin' } as const;

export function StaffPage() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    let cancelled = false;
    fetchStaff().then(
      (staff) => !cancelled && setLoaded({ status: 'ready', staff }),
      (error: unknown) => !cancelled && setLoaded({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  return (
    <>
      <PageTitle title="Staff" />
      {loaded.status === 'loading' ? <Loading text="Loading staff…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        <Table
          caption={`Staff (${loaded.staff.length})`}
          captionClassName="govuk-table__caption--m"
          regionLabel="Staff"
          rows={[...loaded.staff].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))}
          rowKey={(member) => member.id}
          columns={[
            { header: 'Name', cell: (member) => <span className="ward-break-anywhere">{`${member.firstName} ${member.lastName}`}</span> },
            { header: 'Email address', cell: (member) => <span className="ward-break-anywhere">{member.email}</span> },
            { header: 'Role', cell: (member) => roleNames[member.role] },
            { header: 'Shown to residents as', cell: (member) => member.displayName },
          ]}
        />
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <InviteForm onInvited={reload} />
        </div>
      </div>
    </>
  );
}
