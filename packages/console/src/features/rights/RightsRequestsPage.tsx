import type { RightsRequestStatus, RightsRequestSummary } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { fetchStaffDirectory } from '../../api/staff.ts';
import { doesPrivacyWork } from '../../session/roles.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { Select } from '../../ui/Select.tsx';
import { fetchRightsRequests } from '../../api/rights.ts';
import { paths, pathTo } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { flagColour, flagText, formatCalendarDate, statusTags, typeNames } from './rights-wording.ts';

/** Privacy officers: every resident's rights request, soonest due first. */
export function RightsRequestsPage() {
  const announce = useAnnounce();
  const [query, setQuery] = useState<string | null>(null);
  const { loaded } = useLoaded(() => fetchRightsRequests(query ?? ''), query ?? '');
  // After filtering (not on the first load), say how many requests are shown: once per new answer.
  const announced = useRef<RightsRequestSummary[] | null>(null);
  useEffect(() => {
    if (loaded.status !== 'ready' || loaded.data === announced.current) return;
    const first = announced.current === null;
    announced.current = loaded.data;
    const count = loaded.data.length;
    if (!first) announce(`${count} ${count === 1 ? 'request' : 'requests'} found`);
  }, [loaded, announce]);
  return (
    <>
      <PageTitle title="Requests" heading="Residents’ rights requests" />
      <p className="govuk-body">
        Each request must be answered within one calendar month of the day it was received, moved to the next working
        day. The clock stops while you wait for proof of identity or clarification.
      </p>
      <Link className="govuk-button" href={paths.logRightsRequest} role="button" data-module="govuk-button">
        Log a request
      </Link>
      <RequestFilters onApply={setQuery} />
      {loaded.status === 'loading' ? <Loading text="Loading requests…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <RequestsTable requests={loaded.data} /> : null}
    </>
  );
}

/** Status, owner and overdue, applied together with the button; the page announces how many were found. */
function RequestFilters({ onApply }: { onApply: (query: string) => void }) {
  const directory = useLoaded(fetchStaffDirectory);
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [overdue, setOverdue] = useState(false);
  const owners =
    directory.loaded.status === 'ready' ? directory.loaded.data.filter((s) => doesPrivacyWork(s.role)) : [];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (owner) params.set('ownerId', owner);
    if (overdue) params.set('overdue', 'true');
    const text = params.toString();
    onApply(text ? `?${text}` : '');
  }

  return (
    <form noValidate onSubmit={apply} aria-labelledby="request-filters-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s" id="request-filters-heading">
        Filter requests
      </h2>
      <Select
        id="filter-status"
        label="Status"
        options={[
          { value: '', text: 'Any status' },
          ...(Object.keys(statusTags) as RightsRequestStatus[]).map((value) => ({
            value,
            text: statusTags[value].text,
          })),
        ]}
        value={status}
        onValueChange={setStatus}
      />
      <Select
        id="filter-owner"
        label="Owner"
        options={[{ value: '', text: 'Anyone' }, ...owners.map((s) => ({ value: s.id, text: s.displayName }))]}
        value={owner}
        onValueChange={setOwner}
      />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="filter-overdue"
              type="checkbox"
              checked={overdue}
              onChange={(change) => setOverdue(change.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-overdue">
              Only overdue requests
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
  );
}

function RequestsTable({ requests }: { requests: RightsRequestSummary[] }) {
  if (requests.length === 0) return <p className="govuk-body">There are no requests to show.</p>;
  const columns: Column<RightsRequestSummary>[] = [
    {
      header: 'Requester',
      cell: (r) => (
        <Link className="govuk-link" href={pathTo(paths.rightsRequest, { requestId: r.id })}>
          {r.requesterName}
        </Link>
      ),
    },
    { header: 'Type', cell: (r) => typeNames[r.type] },
    { header: 'Status', cell: (r) => <Tag colour={statusTags[r.status].colour}>{statusTags[r.status].text}</Tag> },
    { header: 'Received', cell: (r) => formatCalendarDate(r.receivedOn) },
    { header: 'Due', cell: (r) => (r.dueOn ? formatCalendarDate(r.dueOn) : 'Clock stopped') },
    { header: 'Deadline', cell: (r) => <Tag colour={flagColour(r.flag)}>{flagText(r.flag)}</Tag> },
    { header: 'Owner', cell: (r) => r.ownerName ?? 'Nobody' },
  ];
  return (
    <Table
      caption={`Requests (${requests.length}), soonest due first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Requests"
      rows={requests}
      rowKey={(r) => r.id}
      columns={columns}
    />
  );
}
