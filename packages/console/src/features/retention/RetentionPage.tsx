import type { DestructionLogEntry, HoldStatus, RetentionHold, UpcomingExpiry } from '@ward/protocol';
import { useState } from 'react';
import { fetchDestructionLog, fetchHolds, fetchUpcoming, liftHold } from '../../api/retention.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link, useSearchParam } from '../../router.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import type { Loaded } from '../../ui/use-loaded.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import {
  categoryNames,
  deletedCount,
  holdStatusNames,
  holdTarget,
  itemNames,
  residentCoverage,
} from './retention-wording.ts';

const upcomingLimit = 100;
const logRows = 50;
const holdStatuses: HoldStatus[] = ['active', 'ended', 'lifted'];

function caseLink(caseReference: string, page: 'conversation' | 'case' = 'conversation') {
  return (
    <Link className="govuk-link" href={pathTo(page === 'case' ? paths.case : paths.conversation, { caseReference })}>
      {caseReference}
    </Link>
  );
}

/** Where an upcoming item is seen: its chat, its case, or its customer record. */
function upcomingLink(item: UpcomingExpiry) {
  if (item.recordId) {
    return (
      <Link className="govuk-link" href={pathTo(paths.record, { recordId: item.recordId })}>
        Customer record
      </Link>
    );
  }
  if (!item.caseReference) return null;
  return caseLink(item.caseReference, item.item === 'conversation' ? 'conversation' : 'case');
}

/** Administrators: what will be deleted next, the legal holds that stop it, and what has been deleted. */
export function RetentionPage() {
  const statusParam = useSearchParam('holds');
  const holdStatus: HoldStatus = holdStatuses.find((status) => status === statusParam) ?? 'active';
  const [version, setVersion] = useState(0);
  const [lifted, setLifted] = useState<RetentionHold | null>(null);

  // After a hold is lifted every section is read again, showing "loading" meanwhile.
  const upcoming = useLoaded(() => fetchUpcoming(upcomingLimit), version).loaded;
  const holds = useLoaded(() => fetchHolds(holdStatus), `${holdStatus}:${version}`).loaded;
  const log = useLoaded(fetchDestructionLog, version).loaded;

  return (
    <>
      {lifted ? (
        <NotificationBanner key={lifted.id} success heading={`The hold on ${holdTarget(lifted)} has been lifted`}>
          <p className="govuk-body">
            It stays listed under lifted holds. What it protected is deleted at the next run if its retention period has
            ended.
          </p>
        </NotificationBanner>
      ) : null}
      <PageTitle title="Retention" />
      <p className="govuk-body">
        Ward deletes what it holds about a contact when its retention period ends, by itself, every hour. A legal hold
        stops that until it is lifted or ends.
      </p>

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="upcoming-heading">
        What will be deleted next
      </h2>
      <UpcomingSection loaded={upcoming} />

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="holds-heading">
        Legal holds
      </h2>
      <HoldStatusLinks current={holdStatus} />
      <HoldsSection
        loaded={holds}
        status={holdStatus}
        onLifted={(hold) => {
          setLifted(hold);
          setVersion((value) => value + 1);
        }}
      />

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="deletions-heading">
        Recent deletions
      </h2>
      <DeletionsSection loaded={log} />
    </>
  );
}

function UpcomingSection({ loaded }: { loaded: Loaded<UpcomingExpiry[]> }) {
  if (loaded.status === 'loading') return <Loading text="Loading what will be deleted next…" />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  if (loaded.data.length === 0) return <p className="govuk-body">Nothing is waiting to be deleted.</p>;
  return (
    <Table
      caption={`The next ${loaded.data.length === 1 ? 'item' : `${loaded.data.length} items`} to be deleted, soonest first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="What will be deleted next"
      rows={loaded.data}
      rowKey={(item) => `${item.item}:${item.itemId}:${item.category}`}
      columns={[
        { header: 'Case reference', cell: (item) => upcomingLink(item) },
        { header: 'What', cell: (item) => itemNames[item.item] },
        { header: 'Category', cell: (item) => categoryNames[item.category] },
        { header: 'Kept until', cell: (item) => formatDateTime(item.expiresAt) },
        {
          header: 'Legal hold',
          cell: (item) =>
            item.held ? <Tag colour="blue">On hold</Tag> : <span className="govuk-visually-hidden">Not on hold</span>,
        },
      ]}
    />
  );
}

function HoldStatusLinks({ current }: { current: HoldStatus }) {
  return (
    <nav className="moj-sub-navigation" aria-label="Legal holds to show">
      <ul className="moj-sub-navigation__list">
        {holdStatuses.map((status) => (
          <li className="moj-sub-navigation__item" key={status}>
            <Link
              className="moj-sub-navigation__link"
              href={status === 'active' ? paths.retention : `${paths.retention}?holds=${status}`}
              aria-current={status === current ? 'page' : undefined}
            >
              {holdStatusNames[status]} holds
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HoldCoverage({ hold }: { hold: RetentionHold }) {
  if (hold.covers === 'conversation')
    return hold.caseReferences[0] ? caseLink(hold.caseReferences[0]) : <>This conversation</>;
  if (hold.covers === 'case') return hold.caseReferences[0] ? caseLink(hold.caseReferences[0], 'case') : <>This case</>;
  return (
    <>
      {residentCoverage}
      {hold.caseReferences.length > 0 ? (
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {hold.caseReferences.map((reference) => (
            <li key={reference}>{caseLink(reference)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function HoldsSection({
  loaded,
  status,
  onLifted,
}: {
  loaded: Loaded<RetentionHold[]>;
  status: HoldStatus;
  onLifted: (hold: RetentionHold) => void;
}) {
  const confirmation = useConfirmation(async (hold: RetentionHold) => onLifted(await liftHold(hold.id)));
  const { confirming } = confirmation;

  if (loaded.status === 'loading') return <Loading text="Loading legal holds…" />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const name = holdStatusNames[status].toLowerCase();
  if (loaded.data.length === 0) return <p className="govuk-body">There are no {name} legal holds.</p>;

  const columns: Column<RetentionHold>[] = [
    { header: 'Covers', cell: (hold) => <HoldCoverage hold={hold} /> },
    { header: 'Reason', cell: (hold) => <span className="ward-pre-wrap ward-break-anywhere">{hold.reason}</span> },
    { header: 'Placed by', cell: (hold) => <span className="ward-break-anywhere">{hold.placedBy.name}</span> },
    { header: 'Placed on', cell: (hold) => formatDateTime(hold.placedAt) },
    {
      header: status === 'active' ? 'Ends' : 'Ended',
      cell: (hold) => (hold.endsAt ? formatDateTime(hold.endsAt) : 'Until lifted'),
    },
  ];
  if (status === 'lifted') {
    columns[4] = {
      header: 'Lifted',
      cell: (hold) =>
        hold.liftedAt ? `${formatDateTime(hold.liftedAt)}${hold.liftedBy ? ` by ${hold.liftedBy.name}` : ''}` : '',
    };
  }
  if (status === 'active') {
    columns.push({
      header: <span className="govuk-visually-hidden">Actions</span>,
      cell: (hold) => (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          data-module="govuk-button"
          onClick={(event) => confirmation.ask(hold, event.currentTarget)}
        >
          Lift hold<span className="govuk-visually-hidden"> on {holdTarget(hold)}</span>
        </button>
      ),
    });
  }

  return (
    <>
      {confirming ? (
        <ConfirmPanel
          confirmation={confirmation}
          item={confirming}
          id="confirm-lift-heading"
          className="ward-confirm-lift"
          question={<>Are you sure you want to lift the hold on {holdTarget(confirming)}?</>}
          confirmText="Yes, lift hold"
        >
          <p className="govuk-body">
            Once it is lifted, what it protected is deleted at the next run if its retention period has ended. This
            cannot be undone.
          </p>
        </ConfirmPanel>
      ) : null}
      <Table
        caption={`${holdStatusNames[status]} legal holds (${loaded.data.length}), newest first`}
        captionClassName="govuk-table__caption--s"
        regionLabel={`${holdStatusNames[status]} legal holds`}
        rows={loaded.data}
        rowKey={(hold) => hold.id}
        columns={columns}
      />
    </>
  );
}

function DeletionsSection({ loaded }: { loaded: Loaded<DestructionLogEntry[]> }) {
  if (loaded.status === 'loading') return <Loading text="Loading recent deletions…" />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const entries = [...loaded.data].sort((a, b) => b.runAt.localeCompare(a.runAt)).slice(0, logRows);
  if (entries.length === 0) return <p className="govuk-body">Nothing has been deleted yet.</p>;
  return (
    <Table
      caption={`The ${entries.length === 1 ? 'latest entry' : `latest ${entries.length} entries`} in the destruction log, newest first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Recent deletions"
      rows={entries}
      rowKey={(entry) => `${entry.jobId}:${entry.category}:${entry.runAt}`}
      columns={[
        { header: 'When', cell: (entry) => formatDateTime(entry.runAt) },
        { header: 'Category', cell: (entry) => categoryNames[entry.category] },
        { header: 'How many', cell: (entry) => deletedCount(entry), numeric: true },
        { header: 'Rule', cell: (entry) => <span className="ward-break-anywhere">{entry.rule}</span> },
      ]}
    />
  );
}
