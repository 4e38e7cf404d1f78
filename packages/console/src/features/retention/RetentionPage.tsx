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
import { useLanguage } from '../../i18n/language.tsx';
import { deletedCount, holdTarget } from './retention-wording.ts';
import { useRetentionTexts } from './texts.ts';

const upcomingLimit = 100;
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
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
function upcomingLink(item: UpcomingExpiry, customerRecord: string) {
  if (item.recordId) {
    return (
      <Link className="govuk-link" href={pathTo(paths.record, { recordId: item.recordId })}>
        {customerRecord}
      </Link>
    );
  }
  if (!item.caseReference) return null;
  return caseLink(item.caseReference, item.item === 'conversation' ? 'conversation' : 'case');
}

/** Administrators: what will be deleted next, the legal holds that stop it, and what has been deleted. */
export function RetentionPage() {
  const says = useRetentionTexts();
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
        <NotificationBanner key={lifted.id} success heading={says.liftedHeading(holdTarget(lifted, says))}>
          <p className="govuk-body">{says.liftedBody}</p>
        </NotificationBanner>
      ) : null}
      <PageTitle title={says.retention} />
      <p className="govuk-body">{says.intro}</p>

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="upcoming-heading">
        {says.upcomingHeading}
      </h2>
      <UpcomingSection loaded={upcoming} />

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="holds-heading">
        {says.holdsHeading}
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
        {says.deletionsHeading}
      </h2>
      <DeletionsSection loaded={log} />
    </>
  );
}

function UpcomingSection({ loaded }: { loaded: Loaded<UpcomingExpiry[]> }) {
  const says = useRetentionTexts();
  const language = useLanguage();
  if (loaded.status === 'loading') return <Loading text={says.loadingUpcoming} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  if (loaded.data.length === 0) return <p className="govuk-body">{says.nothingWaiting}</p>;
  return (
    <Table
      caption={says.upcomingCaption(loaded.data.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={says.upcomingHeading}
      rows={loaded.data}
      rowKey={(item) => `${item.item}:${item.itemId}:${item.category}`}
      columns={[
        { header: says.caseReference, cell: (item) => upcomingLink(item, says.customerRecord) },
        { header: says.what, cell: (item) => says.items[item.item] },
        { header: says.category, cell: (item) => says.categories[item.category] },
        { header: says.keptUntil, cell: (item) => formatDateTime(item.expiresAt, language) },
        {
          header: says.legalHold,
          cell: (item) =>
            item.held ? (
              <Tag colour="blue">{says.onHold}</Tag>
            ) : (
              <span className="govuk-visually-hidden">{says.notOnHold}</span>
            ),
        },
      ]}
    />
  );
}

function HoldStatusLinks({ current }: { current: HoldStatus }) {
  const says = useRetentionTexts();
  return (
    <nav className="moj-sub-navigation" aria-label={says.holdsToShow}>
      <ul className="moj-sub-navigation__list">
        {holdStatuses.map((status) => (
          <li className="moj-sub-navigation__item" key={status}>
            <Link
              className="moj-sub-navigation__link"
              href={status === 'active' ? paths.retention : `${paths.retention}?holds=${status}`}
              aria-current={status === current ? 'page' : undefined}
            >
              {capitalised(says.statusHolds(says.holdStatuses[status]))}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HoldCoverage({ hold }: { hold: RetentionHold }) {
  const says = useRetentionTexts();
  if (hold.covers === 'conversation')
    return hold.caseReferences[0] ? caseLink(hold.caseReferences[0]) : <>{says.thisConversationCapital}</>;
  if (hold.covers === 'case')
    return hold.caseReferences[0] ? caseLink(hold.caseReferences[0], 'case') : <>{says.thisCaseCapital}</>;
  return (
    <>
      {says.residentCoverage}
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
  const says = useRetentionTexts();
  const language = useLanguage();

  if (loaded.status === 'loading') return <Loading text={says.loadingHolds} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const name = says.holdStatuses[status].toLowerCase();
  if (loaded.data.length === 0) return <p className="govuk-body">{says.noHolds(name)}</p>;

  const columns: Column<RetentionHold>[] = [
    { header: says.covers, cell: (hold) => <HoldCoverage hold={hold} /> },
    { header: says.reason, cell: (hold) => <span className="ward-pre-wrap ward-break-anywhere">{hold.reason}</span> },
    { header: says.placedBy, cell: (hold) => <span className="ward-break-anywhere">{hold.placedBy.name}</span> },
    { header: says.placedOn, cell: (hold) => formatDateTime(hold.placedAt, language) },
    {
      header: status === 'active' ? says.ends : says.ended,
      cell: (hold) => (hold.endsAt ? formatDateTime(hold.endsAt, language) : says.untilLifted),
    },
  ];
  if (status === 'lifted') {
    columns[4] = {
      header: says.lifted,
      cell: (hold) => {
        if (!hold.liftedAt) return '';
        const when = formatDateTime(hold.liftedAt, language);
        return hold.liftedBy ? says.liftedBy(when, hold.liftedBy.name) : when;
      },
    };
  }
  if (status === 'active') {
    columns.push({
      header: <span className="govuk-visually-hidden">{says.actions}</span>,
      cell: (hold) => (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          data-module="govuk-button"
          onClick={(event) => confirmation.ask(hold, event.currentTarget)}
        >
          {says.liftHold}
          <span className="govuk-visually-hidden">{says.liftHoldOn(holdTarget(hold, says))}</span>
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
          question={says.liftQuestion(holdTarget(confirming, says))}
          confirmText={says.yesLift}
        >
          <p className="govuk-body">{says.liftWarning}</p>
        </ConfirmPanel>
      ) : null}
      <Table
        caption={capitalised(says.holdsCaption(says.holdStatuses[status], loaded.data.length))}
        captionClassName="govuk-table__caption--s"
        regionLabel={capitalised(says.holdsRegion(says.holdStatuses[status]))}
        rows={loaded.data}
        rowKey={(hold) => hold.id}
        columns={columns}
      />
    </>
  );
}

function DeletionsSection({ loaded }: { loaded: Loaded<DestructionLogEntry[]> }) {
  const says = useRetentionTexts();
  const language = useLanguage();
  if (loaded.status === 'loading') return <Loading text={says.loadingDeletions} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const entries = [...loaded.data].sort((a, b) => b.runAt.localeCompare(a.runAt)).slice(0, logRows);
  if (entries.length === 0) return <p className="govuk-body">{says.nothingDeleted}</p>;
  return (
    <Table
      caption={says.deletionsCaption(entries.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={says.deletionsHeading}
      rows={entries}
      rowKey={(entry) => `${entry.jobId}:${entry.category}:${entry.runAt}`}
      columns={[
        { header: says.when, cell: (entry) => formatDateTime(entry.runAt, language) },
        { header: says.category, cell: (entry) => says.categories[entry.category] },
        { header: says.howMany, cell: (entry) => deletedCount(entry, says), numeric: true },
        { header: says.rule, cell: (entry) => <span className="ward-break-anywhere">{entry.rule}</span> },
      ]}
    />
  );
}
