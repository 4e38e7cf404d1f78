import type { CustomerRecordView } from '@ward/protocol';
import type { ReactNode } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useRecord } from './use-record.ts';
import { useRecordsTexts } from './texts.ts';

/**
 * The frame of a page that acts on a record (change a detail, merge…): a back link to the record,
 * then the page once the record has loaded. `render` draws the heading and form itself.
 */
export function RecordSubpage({
  recordId,
  title,
  children,
}: {
  recordId: string;
  title: string;
  children: (record: CustomerRecordView) => ReactNode;
}) {
  const texts = useRecordsTexts();
  const { load } = useRecord(recordId);
  const ready = load.status === 'ready';
  useDocumentTitle(load.status === 'not-found' ? texts.recordNotFound : title);
  return (
    <>
      <Link className="govuk-back-link" href={pathTo(paths.record, { recordId })}>
        {texts.backToRecord}
      </Link>
      {ready ? (
        children(load.record)
      ) : (
        <>
          <PageHeading>{load.status === 'not-found' ? texts.recordNotFound : title}</PageHeading>
          {load.status === 'loading' ? <Loading text={texts.loadingRecord} /> : null}
          {load.status === 'error' ? <LoadError message={load.message} /> : null}
          {load.status === 'not-found' ? <p className="govuk-body">{texts.noRecordHere}</p> : null}
        </>
      )}
    </>
  );
}
