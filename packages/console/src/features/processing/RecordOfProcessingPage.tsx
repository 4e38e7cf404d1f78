import type { RecordOfProcessing } from '@ward/protocol';
import { fetchRecordOfProcessing } from '../../api/disclosures.ts';
import { formatDisclosureDate } from '../cases/case-wording.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';

/**
 * The record of processing activities (UK GDPR Article 30, ADR 30), as Ward builds it from the
 * live configuration and the disclosure log; privacy officers and administrators.
 */
export function RecordOfProcessingPage() {
  const { loaded } = useLoaded(fetchRecordOfProcessing);
  return (
    <>
      <PageTitle title="Record of processing" />
      <p className="govuk-body">
        What Ward processes about whom, why, for how long and who receives it, from its settings and the disclosure log
        as they are now. To keep a copy, run <code>ward ropa</code> (Markdown) or <code>ward ropa --format csv</code> on
        the server.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading the record of processing…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Record record={loaded.data} /> : null}
    </>
  );
}

function Record({ record }: { record: RecordOfProcessing }) {
  return (
    <>
      <h2 className="govuk-heading-m">Controller</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: record.controller.name },
          { key: 'Data protection officer', value: record.controller.dataProtectionOfficer ?? 'Not recorded' },
          { key: 'Produced on', value: formatDisclosureDate(record.generatedOn) },
        ]}
      />
      <h2 className="govuk-heading-m">Categories of data subjects</h2>
      <ul className="govuk-list govuk-list--bullet">
        {record.dataSubjects.map((subject) => (
          <li key={subject}>{subject}</li>
        ))}
      </ul>
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">Personal data and how long it is kept</h2>}
        regionLabel="Personal data and how long it is kept"
        rows={record.categories}
        rowKey={(c) => c.category}
        columns={[
          { header: 'Category', cell: (c) => c.category },
          { header: 'Personal data', cell: (c) => c.data },
          { header: 'Retention', cell: (c) => c.retention },
        ]}
      />
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">Purposes and lawful bases</h2>}
        regionLabel="Purposes and lawful bases"
        rows={record.purposes}
        rowKey={(p) => `${p.purpose}-${p.lawfulBasis}`}
        columns={[
          { header: 'Purpose', cell: (p) => p.purpose },
          { header: 'Lawful basis', cell: (p) => p.lawfulBasisLabel },
        ]}
      />
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">Recipients</h2>}
        regionLabel="Recipients"
        rows={record.recipients}
        rowKey={(r) => `${r.kind}-${r.name}`}
        columns={[
          { header: 'Recipient', cell: (r) => <span className="ward-break-anywhere">{r.name}</span> },
          { header: 'Kind', cell: (r) => (r.kind === 'processor' ? 'Processor' : 'Third party') },
          { header: 'Detail', cell: (r) => r.detail },
        ]}
      />
      <h2 className="govuk-heading-m">International transfers</h2>
      {record.internationalTransfers.length === 0 ? (
        <p className="govuk-body">None: personal data is not transferred outside the UK.</p>
      ) : (
        <SummaryList rows={record.internationalTransfers.map((t) => ({ key: t.destination, value: t.safeguard }))} />
      )}
      <h2 className="govuk-heading-m">Security measures</h2>
      <ul className="govuk-list govuk-list--bullet">
        {record.security.map((measure) => (
          <li key={measure}>{measure}</li>
        ))}
      </ul>
    </>
  );
}
