import type { RecordSummary } from '@ward/protocol';
import { useState } from 'react';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { RecordResults } from './RecordResults.tsx';
import { RecordSearchForm } from './RecordSearchForm.tsx';

/** "Residents": find a customer record, or create one. */
export function ResidentsPage() {
  const [hasErrors, setHasErrors] = useState(false);
  const [results, setResults] = useState<RecordSummary[] | null>(null);
  return (
    <>
      <PageTitle title="Residents" hasErrors={hasErrors} />
      <p className="govuk-body">
        Every resident who contacts the council through Ward has a customer record, with every contact on its timeline.
      </p>
      <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" href={paths.newRecord}>
        Create a record
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecordSearchForm
            idPrefix="record-search"
            heading="Find a resident"
            submitText="Search"
            onResults={setResults}
            onErrorChange={setHasErrors}
          />
        </div>
      </div>
      <div aria-live="polite">
        {results !== null && results.length === 0 ? (
          <p className="govuk-body">No records match. Check what you entered, or create a record.</p>
        ) : null}
        {results !== null && results.length > 0 ? <RecordResults records={results} /> : null}
      </div>
    </>
  );
}
