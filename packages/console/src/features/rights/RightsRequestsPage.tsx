import type { RightsRequestSummary } from '@ward/protocol';
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
  const { loaded } = useLoaded(() => fetchRightsRequests());
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
      {loaded.status === 'loading' ? <Loading text="Loading requests…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <RequestsTable requests={loaded.data} /> : null}
    </>
  );
}

function RequestsTable({ requests }: { requests: RightsRequestSummary[] }) {
  if (requests.length === 0) return <p className="govuk-body">There are no requests yet.</p>;
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
