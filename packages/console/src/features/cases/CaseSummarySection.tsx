import type { CaseDetail } from '@ward/protocol';
import { limits } from '@ward/protocol';
import { useState } from 'react';
import { writeCaseSummary } from '../../api/cases.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { Textarea } from '../../ui/Field.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { checkSummary } from './validate-case.ts';

/** The brief summary of the contact that staff write; a chat's is its conversation's, written when it ends. */
export function CaseSummarySection({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const [text, setText] = useState(detail.summary ?? '');
  return (
    <section aria-labelledby="summary-heading">
      <h2 className="govuk-heading-m" id="summary-heading">
        Summary
      </h2>
      {detail.summary ? (
        <p className="govuk-body ward-pre-wrap ward-break-anywhere">{detail.summary}</p>
      ) : (
        <p className="govuk-body">No summary has been written yet.</p>
      )}
      {detail.channel === 'chat' ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={pathTo(paths.conversation, { caseReference: detail.caseReference })}>
            Read the chat transcript<span className="govuk-visually-hidden"> for case {detail.caseReference}</span>
          </Link>{' '}
          (the summary of a chat is written on the conversation when it ends).
        </p>
      ) : (
        <CaseForm
          id="write-summary"
          fieldId="case-summary"
          submitText={detail.summary ? 'Save changes to the summary' : 'Save summary'}
          secondary
          onErrorChange={onErrorChange}
          check={() =>
            runIfValid(checkSummary(text), async (value) => {
              const next = await writeCaseSummary(detail.id, value);
              setText(next.summary ?? '');
              onChange(next, 'Summary saved');
            })
          }
        >
          {(error) => (
            <Textarea
              id="case-summary"
              label={detail.summary ? 'Change the summary' : 'Write a summary'}
              labelClassName="govuk-label--s"
              hint={`A brief summary of the contact, for the resident’s record. Up to ${limits.summaryMaxChars} characters.`}
              rows={4}
              value={text}
              onValueChange={setText}
              error={error}
            />
          )}
        </CaseForm>
      )}
    </section>
  );
}
