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
import { useLanguage } from '../../i18n/language.tsx';
import { flagColour, flagText, formatCalendarDate, statusColours } from './rights-wording.ts';
import { useRightsTexts } from './texts.ts';

/** Privacy officers: every resident's rights request, soonest due first. */
export function RightsRequestsPage() {
  const announce = useAnnounce();
  const says = useRightsTexts();
  const [query, setQuery] = useState<string | null>(null);
  const { loaded } = useLoaded(() => fetchRightsRequests(query ?? ''), query ?? '');
  // After filtering (not on the first load), say how many requests are shown: once per new answer.
  const announced = useRef<RightsRequestSummary[] | null>(null);
  useEffect(() => {
    if (loaded.status !== 'ready' || loaded.data === announced.current) return;
    const first = announced.current === null;
    announced.current = loaded.data;
    const count = loaded.data.length;
    if (!first) announce(says.requestsFound(count));
  }, [loaded, announce, says]);
  return (
    <>
      <PageTitle title={says.requests} heading={says.listHeading} />
      <p className="govuk-body">{says.listIntro}</p>
      <Link className="govuk-button" href={paths.logRightsRequest} role="button" data-module="govuk-button">
        {says.logRequest}
      </Link>
      <RequestFilters onApply={setQuery} />
      {loaded.status === 'loading' ? <Loading text={says.loadingRequests} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <RequestsTable requests={loaded.data} /> : null}
    </>
  );
}

/** Status, owner and overdue, applied together with the button; the page announces how many were found. */
function RequestFilters({ onApply }: { onApply: (query: string) => void }) {
  const says = useRightsTexts();
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
        {says.filterRequests}
      </h2>
      <Select
        id="filter-status"
        label={says.status}
        options={[
          { value: '', text: says.anyStatus },
          ...(Object.keys(statusColours) as RightsRequestStatus[]).map((value) => ({
            value,
            text: says.statuses[value],
          })),
        ]}
        value={status}
        onValueChange={setStatus}
      />
      <Select
        id="filter-owner"
        label={says.owner}
        options={[{ value: '', text: says.anyone }, ...owners.map((s) => ({ value: s.id, text: s.displayName }))]}
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
              {says.onlyOverdue}
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {says.applyFilters}
      </button>
    </form>
  );
}

function RequestsTable({ requests }: { requests: RightsRequestSummary[] }) {
  const says = useRightsTexts();
  const language = useLanguage();
  if (requests.length === 0) return <p className="govuk-body">{says.noRequests}</p>;
  const columns: Column<RightsRequestSummary>[] = [
    {
      header: says.requester,
      cell: (r) => (
        <Link className="govuk-link" href={pathTo(paths.rightsRequest, { requestId: r.id })}>
          {r.requesterName}
        </Link>
      ),
    },
    { header: says.type, cell: (r) => says.types[r.type] },
    { header: says.status, cell: (r) => <Tag colour={statusColours[r.status]}>{says.statuses[r.status]}</Tag> },
    { header: says.received, cell: (r) => formatCalendarDate(r.receivedOn, language) },
    { header: says.due, cell: (r) => (r.dueOn ? formatCalendarDate(r.dueOn, language) : says.clockStopped) },
    { header: says.deadline, cell: (r) => <Tag colour={flagColour(r.flag)}>{flagText(r.flag, says)}</Tag> },
    { header: says.owner, cell: (r) => r.ownerName ?? says.nobody },
  ];
  return (
    <Table
      caption={says.requestsCaption(requests.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={says.requests}
      rows={requests}
      rowKey={(r) => r.id}
      columns={columns}
    />
  );
}
