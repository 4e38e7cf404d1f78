import type { RecordSummary } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDate } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { useRecordsTexts } from './texts.ts';

/** Search results: enough to tell residents apart, each name linking to the record. */
export function RecordResults({ records }: { records: RecordSummary[] }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : texts.none);
  return (
    <Table
      caption={(records.length === 1 ? texts.oneRecordFound : texts.recordsFound)(records.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={texts.recordsFoundRegion}
      rows={records}
      rowKey={(record) => record.id}
      columns={[
        {
          header: texts.name,
          cell: (record) => (
            <Link className="govuk-link ward-break-anywhere" href={pathTo(paths.record, { recordId: record.id })}>
              {record.names[0] ?? texts.unnamed}
            </Link>
          ),
        },
        {
          header: texts.emailAddress,
          cell: (record) => <span className="ward-break-anywhere">{list(record.emails)}</span>,
        },
        { header: texts.phoneNumber, cell: (record) => list(record.phones) },
        { header: texts.postcode, cell: (record) => list(record.postcodes) },
        { header: texts.contacts, cell: (record) => String(record.cases), numeric: true },
        {
          header: texts.lastContact,
          cell: (record) => (record.lastContactAt ? formatDate(record.lastContactAt, language) : texts.none),
        },
      ]}
    />
  );
}
