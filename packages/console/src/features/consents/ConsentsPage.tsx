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
import { useLanguage } from '../../i18n/language.tsx';
import { useConsentsTexts } from './texts.ts';

const ids = { caseReference: 'consent-case-reference', purpose: 'consent-purpose' };

/**
 * The proof of consent (ADR 37) for one resident or one purpose, as privacy officers show it to
 * an auditor or the ICO: what was agreed, how, in which words, under which notice, and any withdrawal.
 */
export function ConsentsPage() {
  const announce = useAnnounce();
  const says = useConsentsTexts();
  const language = useLanguage();
  const [answers, setAnswers] = useState({ caseReference: '', purpose: '' });
  const [result, setResult] = useState<{ search: ConsentSearch; consents: ConsentProof[] } | null>(null);
  const { errors, summary, attempt, busy, submit } = useFormSubmit<ConsentSearchField>(ids, [
    'caseReference',
    'purpose',
  ]);
  const withdrawal = useConfirmation<ConsentProof>(async (consent) => {
    const changed = await withdrawConsent(consent.id);
    setResult((r) => r && { ...r, consents: r.consents.map((c) => (c.id === changed.id ? changed : c)) });
    announce(says.withdrawn(stateText(changed, says, language)));
  });

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <PageTitle title={says.consents} hasErrors={summary.length > 0} />
      <p className="govuk-body">
        {says.introBefore}{' '}
        <Link className="govuk-link" href={paths.privacyNotices}>
          {says.privacyNotices}
        </Link>
        .
      </p>
      <form
        noValidate
        aria-label={says.findConsents}
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateConsentSearch(answers, says);
            const search = checked.search;
            if (!search) return { errors: checked.errors };
            return {
              send: async () => {
                const consents = await fetchConsentProof(search);
                setResult({ search, consents });
                announce(says.consentsFound(consents.length));
              },
            };
          })
        }
      >
        <TextInput
          id={ids.caseReference}
          label={says.caseReference}
          labelClassName="govuk-label--s"
          hint={says.caseReferenceHint}
          widthClassName="govuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
          value={answers.caseReference}
          onValueChange={(caseReference) => setAnswers((a) => ({ ...a, caseReference }))}
          error={errors.caseReference}
        />
        <TextInput
          id={ids.purpose}
          label={says.orPurpose}
          labelClassName="govuk-label--s"
          hint={says.purposeHint}
          widthClassName="govuk-input--width-20"
          autoComplete="off"
          spellCheck={false}
          value={answers.purpose}
          onValueChange={(purpose) => setAnswers((a) => ({ ...a, purpose }))}
          error={errors.purpose}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.findConsents}
        </button>
      </form>
      {result ? (
        <>
          {result.consents.length === 0 ? (
            <p className="govuk-body">{says.noConsent}</p>
          ) : (
            <Table
              caption={says.consentCount(result.consents.length)}
              captionClassName="govuk-table__caption--m"
              regionLabel={says.consentsFoundRegion}
              rows={result.consents}
              rowKey={(c) => c.id}
              columns={[
                { header: says.case, cell: (c) => c.caseReference ?? '–' },
                { header: says.purpose, cell: (c) => c.purpose },
                { header: says.lawfulBasis, cell: (c) => basisText(c, says) },
                { header: says.how, cell: (c) => methodText(c, says) },
                { header: says.wordingShown, cell: (c) => <span className="ward-break-anywhere">{c.wording}</span> },
                { header: says.notice, cell: (c) => c.noticeVersion ?? says.noneInWard },
                { header: says.givenAt, cell: (c) => formatDateTime(c.givenAt, language) },
                {
                  header: says.now,
                  cell: (c) =>
                    withdrawal.confirming?.id === c.id ? (
                      <ConfirmPanel
                        confirmation={withdrawal}
                        item={c}
                        id={`withdraw-${c.id}`}
                        question={says.withdrawQuestion}
                        confirmText={says.withdrawConsent}
                      >
                        <p className="govuk-body">{says.withdrawWarning}</p>
                      </ConfirmPanel>
                    ) : c.withdrawnAt ? (
                      stateText(c, says, language)
                    ) : (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                        onClick={(event) => withdrawal.ask(c, event.currentTarget)}
                      >
                        {says.withdraw}
                        <span className="govuk-visually-hidden">{says.withdrawHidden(c.purpose)}</span>
                      </button>
                    ),
                },
              ]}
            />
          )}
          <p className="govuk-body">
            <a className="govuk-link" href={consentCsvHref(result.search)} download>
              {says.downloadCsv}
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
