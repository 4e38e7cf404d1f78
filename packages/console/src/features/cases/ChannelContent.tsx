import type { CaseDetail, FormSubmissionView } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { fetchFormSubmission } from '../../api/cases.ts';
import { messageOf } from '../../api/errors.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
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
  if (detail.channel === 'form') return <FormAnswers caseId={detail.id} />;
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

function FormAnswers({ caseId }: { caseId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
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
            <SummaryList
              rows={loaded.submission.answers.map((answer) => ({
                key: answer.label,
                value: answer.value ? <span className="ward-pre-wrap">{answer.value}</span> : 'Not answered',
              }))}
            />
          </>
        )
      ) : null}
    </section>
  );
}
