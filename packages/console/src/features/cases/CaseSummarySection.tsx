import type { CaseDetail } from '@ward/protocol';
import { useState } from 'react';
import { writeCaseSummary } from '../../api/cases.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { Textarea } from '../../ui/Field.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { checkSummary } from './validate-case.ts';
import { useCasesTexts } from './texts.ts';

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
  const t = useCasesTexts();
  const [text, setText] = useState(detail.summary ?? '');
  return (
    <section aria-labelledby="summary-heading">
      <h2 className="govuk-heading-m" id="summary-heading">
        {t.summary}
      </h2>
      {detail.summary ? (
        <p className="govuk-body ward-pre-wrap ward-break-anywhere">{detail.summary}</p>
      ) : (
        <p className="govuk-body">{t.noSummary}</p>
      )}
      {detail.channel === 'chat' ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={pathTo(paths.conversation, { caseReference: detail.caseReference })}>
            {t.readTranscript}
            <span className="govuk-visually-hidden">{t.forCase(detail.caseReference)}</span>
          </Link>{' '}
          {t.chatSummaryExplained}
        </p>
      ) : (
        <CaseForm
          id="write-summary"
          fieldId="case-summary"
          submitText={detail.summary ? t.saveSummaryChanges : t.saveSummary}
          secondary
          onErrorChange={onErrorChange}
          check={() =>
            runIfValid(checkSummary(text, t), async (value) => {
              const next = await writeCaseSummary(detail.id, value);
              setText(next.summary ?? '');
              onChange(next, t.summarySaved);
            })
          }
        >
          {(error) => (
            <Textarea
              id="case-summary"
              label={detail.summary ? t.changeSummary : t.writeSummary}
              labelClassName="govuk-label--s"
              hint={t.summaryHint}
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
