import type { CaseDetail, FormSubmissionView } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { fetchFormSubmission } from '../../api/cases.ts';
import { messageOf } from '../../api/errors.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { CorrectAnswerForm } from './CorrectAnswerForm.tsx';
import type { ErrorReporter } from './case-callbacks.ts';
import { EmailThread } from './EmailThread.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';

/** What the resident sent, as the channel holds it: a form's answers, an email thread, or the request as it arrived. */
export function ChannelContent({
  detail,
  onErrorChange,
  emailsVersion = 0,
}: {
  detail: CaseDetail;
  onErrorChange: ErrorReporter;
  emailsVersion?: number;
}) {
  const t = useCasesTexts();
  const language = useLanguage();
  if (detail.channel === 'form' && detail.channelDetail === 'leave-a-message')
    return (
      <>
        <FormAnswers caseId={detail.id} onErrorChange={onErrorChange} />
        <EmailThread detail={detail} onErrorChange={onErrorChange} version={emailsVersion} leftMessage />
      </>
    );
  if (detail.channel === 'form') return <FormAnswers caseId={detail.id} onErrorChange={onErrorChange} />;
  if (detail.channel === 'email')
    return <EmailThread detail={detail} onErrorChange={onErrorChange} version={emailsVersion} />;
  const requests = detail.entries.filter((entry) => entry.kind === 'request');
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="request-heading">
      <h2 className="govuk-heading-m" id="request-heading">
        {t.theRequest}
      </h2>
      {requests.map((request) => (
        <div key={request.id}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {t.transferredIn(formatDateTime(request.createdAt, language))}
            {request.author ? t.byName(request.author.name) : ''}
          </p>
          <p className="govuk-body ward-pre-wrap ward-break-anywhere">{request.text ?? t.requestDeleted}</p>
        </div>
      ))}
    </section>
  );
}

type Loaded =
  { status: 'loading' } | { status: 'ready'; submission: FormSubmissionView } | { status: 'error'; message: string };

function FormAnswers({ caseId, onErrorChange }: { caseId: string; onErrorChange: ErrorReporter }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [correcting, setCorrecting] = useState<string | null>(null);
  const announce = useAnnounce();
  const t = useCasesTexts();
  const language = useLanguage();
  useEffect(() => {
    let cancelled = false;
    fetchFormSubmission(caseId).then(
      (submission) => !cancelled && setLoaded({ status: 'ready', submission }),
      (error: unknown) => !cancelled && setLoaded({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [caseId]);

  // Focus goes back to the answer's Correct button once the form has gone (after the commit).
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (correcting !== null || !returnFocusTo.current) return;
    document.getElementById(`correct-${returnFocusTo.current}`)?.focus();
    returnFocusTo.current = null;
  }, [correcting, loaded]);
  const stopCorrecting = (fieldId: string) => {
    returnFocusTo.current = fieldId;
    setCorrecting(null);
    onErrorChange('correct-answer', false);
  };

  return (
    <section aria-labelledby="answers-heading">
      <h2 className="govuk-heading-m" id="answers-heading">
        {loaded.status === 'ready' ? t.answersTo(loaded.submission.formTitle) : t.formAnswers}
      </h2>
      {loaded.status === 'loading' ? <Loading text={t.loadingAnswers} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        loaded.submission.erased ? (
          <p className="govuk-body">{t.answersDeleted}</p>
        ) : (
          <>
            <p className="govuk-body-s">
              {t.sentOn(formatDateTime(loaded.submission.submittedAt, language))}{' '}
              {loaded.submission.consentGiven ? t.readPrivacyNotice : ''}
            </p>
            <dl className="govuk-summary-list">
              {loaded.submission.answers.map((answer) => (
                <div className="govuk-summary-list__row" key={answer.fieldId}>
                  <dt className="govuk-summary-list__key">{answer.label}</dt>
                  <dd className="govuk-summary-list__value ward-break-anywhere">
                    {answer.value ? <span className="ward-pre-wrap">{answer.value}</span> : t.notAnswered}
                    {correcting === answer.fieldId && answer.correction ? (
                      <CorrectAnswerForm
                        submissionId={loaded.submission.id}
                        answer={answer}
                        correction={answer.correction}
                        onErrorChange={onErrorChange}
                        onCancel={() => stopCorrecting(answer.fieldId)}
                        onCorrected={(submission) => {
                          setLoaded({ status: 'ready', submission });
                          announce(t.answerCorrected(answer.label));
                          stopCorrecting(answer.fieldId);
                        }}
                      />
                    ) : null}
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    {answer.correction && correcting !== answer.fieldId ? (
                      <button
                        type="button"
                        id={`correct-${answer.fieldId}`}
                        className="ward-link-button"
                        onClick={() => setCorrecting(answer.fieldId)}
                      >
                        {t.correct}
                        <span className="govuk-visually-hidden"> {answer.label}</span>
                      </button>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
            {loaded.submission.corrections.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">{t.corrections}</h3>
                <ul className="govuk-list">
                  {loaded.submission.corrections.map((c, index) => (
                    <li key={`${c.at}-${index}`}>
                      {formatDateTime(c.at, language)}
                      {c.byName ? `, ${c.byName}` : ''}
                      {t.correctionLine(c.question, c.previous, c.reason)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
