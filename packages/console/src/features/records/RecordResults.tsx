import type { RecordSummary } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { formatDate } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';

const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : 'None');

/** Search results: enough to tell residents apart, each name linking to the record. */
export function RecordResults({ records }: { records: RecordSummary[] }) {
  return (
    <Table
      caption={`${records.length} ${records.length === 1 ? 'record' : 'records'} found`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Records found"
      rows={records}
      rowKey={(record) => record.id}
      columns={[
        {
          header: 'Name',
          cell: (record) => (
            <Link className="govuk-link ward-break-anywhere" href={pathTo(paths.record, { recordId: record.id })}>
              {record.names[0] ?? 'Unnamed resident'}
            </Link>
          ),
        },
        {
          header: 'Email address',
          cell: (record) => <span className="ward-break-anywhere">{list(record.emails)}</span>,
        },
        { header: 'Phone number', cell: (record) => list(record.phones) },
        { header: 'Postcode', cell: (record) => list(record.postcodes) },
        { header: 'Contacts', cell: (record) => String(record.cases), numeric: true },
        {
          header: 'Last contact',
          cell: (record) => (record.lastContactAt ? formatDate(record.lastContactAt) : 'None'),
        },
      ]}
    />
  );
}
