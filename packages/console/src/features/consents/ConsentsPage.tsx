import type { ConsentProof } from '@ward/protocol';
import { useState } from 'react';
import { consentCsvHref, fetchConsentProof, withdrawConsent, type ConsentSearch } from '../../api/consents.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { basisText, formatDateTime, methodText, stateText } from './consent-wording.ts';
import { validateConsentSearch, type ConsentSearchField } from './validate-consents.ts';

const ids = { caseReference: 'consent-case-reference', purpose: 'consent-purpose' };

/**
 * The proof of consent (ADR 37) for one resident or one purpose, as privacy officers show it to
 * an auditor or the ICO: what was agreed, how, in which words, under which notice, and any withdrawal.
 */
export function ConsentsPage() {
  const announce = useAnnounce();
  const [answers, setAnswers] = useState({ caseReference: '', purpose: '' });
  const [result, setResult] = useState<{ search: ConsentSearch; consents: ConsentProof[] } | null>(null);
  const { errors, summary, attempt, busy, submit } = useFormSubmit<ConsentSearchField>(ids, [
    'caseReference',
    'purpose',
  ]);
  const withdrawal = useConfirmation<ConsentProof>(async (consent) => {
    const changed = await withdrawConsent(consent.id);
    setResult((r) => r && { ...r, consents: r.consents.map((c) => (c.id === changed.id ? changed : c)) });
    announce(`Consent withdrawn. ${stateText(changed)}.`);
  });

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <PageTitle title="Consents" hasErrors={summary.length > 0} />
      <p className="govuk-body">
        Find the proof of consent for one resident (any case reference of theirs: their record and everything on it) or
        for one purpose. Each search is in the audit trail. The versions residents were shown are under{' '}
        <Link className="govuk-link" href={paths.privacyNotices}>
          Privacy notices
        </Link>
        .
      </p>
      <form
        noValidate
        aria-label="Find consents"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateConsentSearch(answers);
            const search = checked.search;
            if (!search) return { errors: checked.errors };
            return {
              send: async () => {
                const consents = await fetchConsentProof(search);
                setResult({ search, consents });
                announce(`${consents.length} ${consents.length === 1 ? 'consent' : 'consents'} found.`);
              },
            };
          })
        }
      >
        <TextInput
          id={ids.caseReference}
          label="Case reference"
          labelClassName="govuk-label--s"
          hint="For one resident, like 4K7M-9P2X."
          widthClassName="govuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
          value={answers.caseReference}
          onValueChange={(caseReference) => setAnswers((a) => ({ ...a, caseReference }))}
          error={errors.caseReference}
        />
        <TextInput
          id={ids.purpose}
          label="Or a purpose"
          labelClassName="govuk-label--s"
          hint="Its id, like enquiries or service-updates."
          widthClassName="govuk-input--width-20"
          autoComplete="off"
          spellCheck={false}
          value={answers.purpose}
          onValueChange={(purpose) => setAnswers((a) => ({ ...a, purpose }))}
          error={errors.purpose}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Find consents
        </button>
      </form>
      {result ? (
        <>
          {result.consents.length === 0 ? (
            <p className="govuk-body">No consent was recorded.</p>
          ) : (
            <Table
              caption={`${result.consents.length} ${result.consents.length === 1 ? 'consent' : 'consents'}`}
              captionClassName="govuk-table__caption--m"
              regionLabel="Consents found"
              rows={result.consents}
              rowKey={(c) => c.id}
              columns={[
                { header: 'Case', cell: (c) => c.caseReference ?? '–' },
                { header: 'Purpose', cell: (c) => c.purpose },
                { header: 'Lawful basis', cell: (c) => basisText(c) },
                { header: 'How', cell: (c) => methodText(c) },
                { header: 'Wording shown', cell: (c) => <span className="ward-break-anywhere">{c.wording}</span> },
                { header: 'Notice', cell: (c) => c.noticeVersion ?? 'None in Ward' },
                { header: 'Given', cell: (c) => formatDateTime(c.givenAt) },
                {
                  header: 'Now',
                  cell: (c) =>
                    withdrawal.confirming?.id === c.id ? (
                      <ConfirmPanel
                        confirmation={withdrawal}
                        item={c}
                        id={`withdraw-${c.id}`}
                        question="Withdraw this consent for the resident?"
                        confirmText="Withdraw consent"
                      >
                        <p className="govuk-body">What it covered stops from now. This cannot be undone.</p>
                      </ConfirmPanel>
                    ) : c.withdrawnAt ? (
                      stateText(c)
                    ) : (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                        onClick={(event) => withdrawal.ask(c, event.currentTarget)}
                      >
                        Withdraw<span className="govuk-visually-hidden"> consent to {c.purpose}</span>
                      </button>
                    ),
                },
              ]}
            />
          )}
          <p className="govuk-body">
            <a className="govuk-link" href={consentCsvHref(result.search)} download>
              Download these consents (CSV)
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
