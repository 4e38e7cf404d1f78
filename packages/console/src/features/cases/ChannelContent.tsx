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
        The request
      </h2>
      {requests.map((request) => (
        <div key={request.id}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Transferred into Ward on {formatDateTime(request.createdAt)}
            {request.author ? ` by ${request.author.name}` : ''}
          </p>
          <p className="govuk-body ward-pre-wrap ward-break-anywhere">
            {request.text ?? 'The request has been deleted.'}
          </p>
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
        {loaded.status === 'ready' ? `Answers to “${loaded.submission.formTitle}”` : 'Form answers'}
      </h2>
      {loaded.status === 'loading' ? <Loading text="Loading the answers…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        loaded.submission.erased ? (
          <p className="govuk-body">The answers have been deleted.</p>
        ) : (
          <>
            <p className="govuk-body-s">
              Sent on {formatDateTime(loaded.submission.submittedAt)}.{' '}
              {loaded.submission.consentGiven ? 'The resident confirmed they had read the privacy notice.' : ''}
            </p>
            <dl className="govuk-summary-list">
              {loaded.submission.answers.map((answer) => (
                <div className="govuk-summary-list__row" key={answer.fieldId}>
                  <dt className="govuk-summary-list__key">{answer.label}</dt>
                  <dd className="govuk-summary-list__value ward-break-anywhere">
                    {answer.value ? <span className="ward-pre-wrap">{answer.value}</span> : 'Not answered'}
                    {correcting === answer.fieldId && answer.correction ? (
                      <CorrectAnswerForm
                        submissionId={loaded.submission.id}
                        answer={answer}
                        correction={answer.correction}
                        onErrorChange={onErrorChange}
                        onCancel={() => stopCorrecting(answer.fieldId)}
                        onCorrected={(submission) => {
                          setLoaded({ status: 'ready', submission });
                          announce(`The answer to “${answer.label}” was corrected.`);
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
                        Correct<span className="govuk-visually-hidden"> {answer.label}</span>
                      </button>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
            {loaded.submission.corrections.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">Corrections</h3>
                <ul className="govuk-list">
                  {loaded.submission.corrections.map((c, index) => (
                    <li key={`${c.at}-${index}`}>
                      {formatDateTime(c.at)}
                      {c.byName ? `, ${c.byName}` : ''}: “{c.question}” was “{c.previous}”. Reason: {c.reason}
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
