import type { RecordOfProcessing } from '@ward/protocol';
import { fetchRecordOfProcessing } from '../../api/disclosures.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { formatCalendarDate } from '../rights/rights-wording.ts';
import { useProcessingTexts } from './texts.ts';
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
  const says = useProcessingTexts();
  return (
    <>
      <PageTitle title={says.recordOfProcessing} />
      <p className="govuk-body">
        {says.ropaIntro} <code>ward ropa</code> {says.ropaMarkdown} <code>ward ropa --format csv</code>{' '}
        {says.onTheServer}
      </p>
      {loaded.status === 'loading' ? <Loading text={says.loadingRecord} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Record record={loaded.data} /> : null}
    </>
  );
}

function Record({ record }: { record: RecordOfProcessing }) {
  const says = useProcessingTexts();
  const language = useLanguage();
  return (
    <>
      <h2 className="govuk-heading-m">{says.controller}</h2>
      <SummaryList
        rows={[
          { key: says.name, value: record.controller.name },
          { key: says.dataProtectionOfficer, value: record.controller.dataProtectionOfficer ?? says.notRecorded },
          { key: says.producedOn, value: formatCalendarDate(record.generatedOn, language) },
        ]}
      />
      <h2 className="govuk-heading-m">{says.dataSubjects}</h2>
      <ul className="govuk-list govuk-list--bullet">
        {record.dataSubjects.map((subject) => (
          <li key={subject}>{subject}</li>
        ))}
      </ul>
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">{says.personalDataKept}</h2>}
        regionLabel={says.personalDataKept}
        rows={record.categories}
        rowKey={(c) => c.category}
        columns={[
          { header: says.category, cell: (c) => c.category },
          { header: says.personalData, cell: (c) => c.data },
          { header: says.retention, cell: (c) => c.retention },
        ]}
      />
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">{says.purposesAndBases}</h2>}
        regionLabel={says.purposesAndBases}
        rows={record.purposes}
        rowKey={(p) => `${p.purpose}-${p.lawfulBasis}`}
        columns={[
          { header: says.purpose, cell: (p) => p.purpose },
          { header: says.lawfulBasis, cell: (p) => says.lawfulBases[p.lawfulBasis] },
        ]}
      />
      <Table
        caption={<h2 className="govuk-heading-m govuk-!-margin-bottom-0">{says.recipients}</h2>}
        regionLabel={says.recipients}
        rows={record.recipients}
        rowKey={(r) => `${r.kind}-${r.name}`}
        columns={[
          { header: says.recipient, cell: (r) => <span className="ward-break-anywhere">{r.name}</span> },
          { header: says.kind, cell: (r) => (r.kind === 'processor' ? says.processor : says.thirdParty) },
          { header: says.detail, cell: (r) => r.detail },
        ]}
      />
      <h2 className="govuk-heading-m">{says.internationalTransfers}</h2>
      {record.internationalTransfers.length === 0 ? (
        <p className="govuk-body">{says.noTransfers}</p>
      ) : (
        <SummaryList rows={record.internationalTransfers.map((t) => ({ key: t.destination, value: t.safeguard }))} />
      )}
      <h2 className="govuk-heading-m">{says.securityMeasures}</h2>
      <ul className="govuk-list govuk-list--bullet">
        {record.security.map((measure) => (
          <li key={measure}>{measure}</li>
        ))}
      </ul>
    </>
  );
}
