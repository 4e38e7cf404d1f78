import { Tag } from '../../ui/Tag.tsx';
import type { CustomerRecordView } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { clearRecordFlash, peekRecordFlash } from './record-flash.ts';
import { RecordDetailsList } from './RecordDetailsList.tsx';
import { RecordHistory } from './RecordHistory.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import { recordName, useRecord } from './use-record.ts';
import { useRecordsTexts } from './texts.ts';

export function BackToResidents() {
  const texts = useRecordsTexts();
  return (
    <Link className="govuk-back-link" href={paths.records}>
      {texts.backToResidents}
    </Link>
  );
}

/** A record that was merged into another: the server answered with the survivor. */
function MergedAway({ recordId, survivor }: { recordId: string; survivor: CustomerRecordView }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
  const merge = survivor.merged.find((m) => m.recordId === recordId);
  const mergedAt = merge ? formatDateTime(merge.mergedAt, language) : '';
  return (
    <NotificationBanner heading={texts.mergedAwayHeading}>
      <p className="govuk-body">
        {merge ? (merge.mergedBy ? texts.mergedOnBy(mergedAt, merge.mergedBy.name) : texts.mergedOn(mergedAt)) : null}
        {texts.shownOnSurvivor}
      </p>
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" href={pathTo(paths.record, { recordId: survivor.id })}>
          {texts.goToSurvivor}
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" href={pathTo(paths.recordUnmerge, { recordId })}>
          {texts.undoThisMerge}
        </Link>
      </p>
    </NotificationBanner>
  );
}

function MergedIn({ record }: { record: CustomerRecordView }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
  if (record.merged.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{texts.mergedIntoThis}</h2>
      <ul className="govuk-list">
        {record.merged.map((merge, index) => (
          <li key={merge.recordId}>
            {merge.mergedBy
              ? texts.mergedItemBy(index + 1, formatDateTime(merge.mergedAt, language), merge.mergedBy.name)
              : texts.mergedItem(index + 1, formatDateTime(merge.mergedAt, language))}
            <Link className="govuk-link" href={pathTo(paths.recordUnmerge, { recordId: merge.recordId })}>
              {texts.undoThisMerge}
              <span className="govuk-visually-hidden">{texts.whichMerge(index + 1)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function RecordView({ record, flash }: { record: CustomerRecordView; flash: string | null }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
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
      <PageHeading caption={texts.customerRecord}>
        <span className="ward-break-anywhere">{recordName(record, texts.unnamed)}</span>
      </PageHeading>
      <p className="govuk-body">
        {texts.createdOnBy(formatDateTime(record.createdAt, language), record.createdBy.name)}
      </p>
      {record.processingRestricted ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <Tag colour="red">{texts.processingRestricted}</Tag>
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">{texts.restrictedExplained}</p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">{texts.details}</h2>
      <RecordDetailsList recordId={record.id} details={record.details} />
      <Link
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        href={pathTo(paths.recordAddDetail, { recordId: record.id })}
      >
        {texts.addDetail}
      </Link>

      <h2 className="govuk-heading-m">{texts.timeline}</h2>
      <RecordTimeline timeline={record.timeline} />

      <h2 className="govuk-heading-m">{texts.historyHeading}</h2>
      <p className="govuk-body">{texts.historyIntro}</p>
      <RecordHistory history={record.history} />

      <MergedIn record={record} />
      <h2 className="govuk-heading-m">{texts.duplicates}</h2>
      <p className="govuk-body">{texts.duplicatesIntro}</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={pathTo(paths.recordMerge, { recordId: record.id })}>
          {texts.mergeLink}
        </Link>
      </p>
    </>
  );
}

/** A customer record: current details, the timeline of contacts, every field's history, merges. */
export function RecordPage({ recordId }: { recordId: string }) {
  const texts = useRecordsTexts();
  const { load } = useRecord(recordId);
  const [flash] = useState(() => peekRecordFlash(recordId));
  useEffect(() => clearRecordFlash(), []);
  const merged = load.status === 'ready' && load.record.id !== recordId;
  const heading =
    load.status === 'not-found' ? texts.recordNotFound : merged ? texts.recordMerged : texts.customerRecord;
  useDocumentTitle(heading);

  return (
    <>
      <BackToResidents />
      {load.status === 'ready' && !merged ? (
        <RecordView record={load.record} flash={flash} />
      ) : (
        <>
          <PageHeading>{heading}</PageHeading>
          {load.status === 'loading' ? <Loading text={texts.loadingRecord} /> : null}
          {load.status === 'error' ? <LoadError message={load.message} /> : null}
          {load.status === 'not-found' ? (
            <p className="govuk-body">
              {texts.noRecordHere} {texts.searchInstead}
            </p>
          ) : null}
          {load.status === 'ready' && merged ? <MergedAway recordId={recordId} survivor={load.record} /> : null}
        </>
      )}
    </>
  );
}
