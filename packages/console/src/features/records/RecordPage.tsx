import { Tag } from '../../ui/Tag.tsx';
import type { CustomerRecordView } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { clearRecordFlash, peekRecordFlash } from './record-flash.ts';
import { RecordDetailsList } from './RecordDetailsList.tsx';
import { RecordHistory } from './RecordHistory.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import { recordName, useRecord } from './use-record.ts';

export function BackToResidents() {
  return (
    <Link className="govuk-back-link" href={paths.records}>
      Back to residents
    </Link>
  );
}

/** A record that was merged into another: the server answered with the survivor. */
function MergedAway({ recordId, survivor }: { recordId: string; survivor: CustomerRecordView }) {
  const merge = survivor.merged.find((m) => m.recordId === recordId);
  return (
    <NotificationBanner heading="This record has been merged into another record">
      <p className="govuk-body">
        {merge
          ? `It was merged on ${formatDateTime(merge.mergedAt)}${merge.mergedBy ? ` by ${merge.mergedBy.name}` : ''}. `
          : null}
        Its details and contacts are shown on the record it was merged into.
      </p>
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" href={pathTo(paths.record, { recordId: survivor.id })}>
          Go to the record it was merged into
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" href={pathTo(paths.recordUnmerge, { recordId })}>
          Undo this merge
        </Link>
      </p>
    </NotificationBanner>
  );
}

function MergedIn({ record }: { record: CustomerRecordView }) {
  if (record.merged.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Records merged into this one</h2>
      <ul className="govuk-list">
        {record.merged.map((merge, index) => (
          <li key={merge.recordId}>
            Record {index + 1}, merged on {formatDateTime(merge.mergedAt)}
            {merge.mergedBy ? ` by ${merge.mergedBy.name}` : ''}.{' '}
            <Link className="govuk-link" href={pathTo(paths.recordUnmerge, { recordId: merge.recordId })}>
              Undo this merge<span className="govuk-visually-hidden"> (record {index + 1})</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function RecordView({ record, flash }: { record: CustomerRecordView; flash: string | null }) {
  // The heading takes focus after a navigation; a success banner must have it last (parents' effects run after
  // children's).
  useEffect(() => {
    if (flash) document.querySelector<HTMLElement>('#record-flash .govuk-notification-banner')?.focus();
  }, [flash]);
  return (
    <>
      {flash ? (
        <div id="record-flash">
          <NotificationBanner success heading={flash} />
        </div>
      ) : null}
      <PageHeading caption="Customer record">
        <span className="ward-break-anywhere">{recordName(record)}</span>
      </PageHeading>
      <p className="govuk-body">
        Created on {formatDateTime(record.createdAt)} by {record.createdBy.name}.
      </p>
      {record.processingRestricted ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <Tag colour="red">Processing restricted</Tag>
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            The resident asked for their data not to be used. It cannot be changed or merged, no email goes to them and
            new contacts are not matched to this record until the privacy officer lifts the restriction.
          </p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Details</h2>
      <RecordDetailsList recordId={record.id} details={record.details} />
      <Link
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        href={pathTo(paths.recordAddDetail, { recordId: record.id })}
      >
        Add a detail
      </Link>

      <h2 className="govuk-heading-m">Timeline</h2>
      <RecordTimeline timeline={record.timeline} />

      <h2 className="govuk-heading-m">History of the details</h2>
      <p className="govuk-body">Every value this record has held, who changed it, when and why.</p>
      <RecordHistory history={record.history} />

      <MergedIn record={record} />
      <h2 className="govuk-heading-m">Duplicate records</h2>
      <p className="govuk-body">
        If this resident has another record, merge this one into it. Nothing is deleted and you can undo a merge.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href={pathTo(paths.recordMerge, { recordId: record.id })}>
          Merge this record into another
        </Link>
      </p>
    </>
  );
}

/** A customer record: current details, the timeline of contacts, every field's history, merges. */
export function RecordPage({ recordId }: { recordId: string }) {
  const { load } = useRecord(recordId);
  const [flash] = useState(() => peekRecordFlash(recordId));
  useEffect(() => clearRecordFlash(), []);
  const merged = load.status === 'ready' && load.record.id !== recordId;
  useDocumentTitle(load.status === 'not-found' ? 'Record not found' : merged ? 'Record merged' : 'Customer record');

  return (
    <>
      <BackToResidents />
      {load.status === 'ready' && !merged ? (
        <RecordView record={load.record} flash={flash} />
      ) : (
        <>
          <PageHeading>
            {load.status === 'not-found' ? 'Record not found' : merged ? 'Record merged' : 'Customer record'}
          </PageHeading>
          {load.status === 'loading' ? <Loading text="Loading the record…" /> : null}
          {load.status === 'error' ? <LoadError message={load.message} /> : null}
          {load.status === 'not-found' ? (
            <p className="govuk-body">
              There is no record at this address, or you cannot open it. Search for the resident instead.
            </p>
          ) : null}
          {load.status === 'ready' && merged ? <MergedAway recordId={recordId} survivor={load.record} /> : null}
        </>
      )}
    </>
  );
}
