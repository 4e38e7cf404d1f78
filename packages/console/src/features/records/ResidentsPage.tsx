import type { RecordSummary } from '@ward/protocol';
import { useState } from 'react';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { RecordResults } from './RecordResults.tsx';
import { RecordSearchForm } from './RecordSearchForm.tsx';
import { useRecordsTexts } from './texts.ts';

/** "Residents": find a customer record, or create one. */
export function ResidentsPage() {
  const texts = useRecordsTexts();
  const [hasErrors, setHasErrors] = useState(false);
  const [results, setResults] = useState<RecordSummary[] | null>(null);
  return (
    <>
      <PageTitle title={texts.residents} hasErrors={hasErrors} />
      <p className="govuk-body">{texts.residentsIntro}</p>
      <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" href={paths.newRecord}>
        {texts.createRecord}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecordSearchForm
            idPrefix="record-search"
            heading={texts.findResident}
            submitText={texts.search}
            onResults={setResults}
            onErrorChange={setHasErrors}
          />
        </div>
      </div>
      <div aria-live="polite">
        {results !== null && results.length === 0 ? <p className="govuk-body">{texts.noMatch}</p> : null}
        {results !== null && results.length > 0 ? <RecordResults records={results} /> : null}
      </div>
    </>
  );
}
