import type { CaseDetail, CaseEmail } from '@ward/protocol';
import { emailLimits } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { attachmentHref, fetchCaseEmails, replyToEmail } from '../../api/emails.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import type { ErrorReporter } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { emailStatusNames, fileSize, refusedReasons } from './case-wording.ts';
import { checkReply } from './validate-case.ts';
import { newEmails } from '../../realtime/case-events.ts';

type Loaded = { status: 'loading' } | { status: 'ready'; emails: CaseEmail[] } | { status: 'error'; message: string };

/**
 * The case's emails, oldest first, as plain text (the server keeps no sender HTML, and React
 * escapes everything), attachments as downloads, and the reply form.
 */
export function EmailThread({
  detail,
  onErrorChange,
  version = 0,
  leftMessage = false,
}: {
  detail: CaseDetail;
  onErrorChange: ErrorReporter;
  version?: number;
  /** A message the resident left (ADR 40): replies go to the address they gave with it. */
  leftMessage?: boolean;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reply, setReply] = useState('');
  const announce = useAnnounce();
  const shown = useRef<CaseEmail[] | null>(null);
  useEffect(() => {
    shown.current = loaded.status === 'ready' ? loaded.emails : null;
  });

  // Read on opening, and again when `version` goes up (an email came or went, realtime): the
  // reply being written stays. A colleague's reply is announced; the resident's new email is
  // announced by the case page, and the agent's own reply is already shown.
  useEffect(() => {
    let cancelled = false;
    fetchCaseEmails(detail.id).then(
      (emails) => {
        if (cancelled) return;
        const known = shown.current;
        setLoaded({ status: 'ready', emails });
        if (known && newEmails(known, emails).some((email) => email.direction === 'out'))
          announce('A reply was added to this case');
      },
      (error: unknown) => {
        if (!cancelled)
          setLoaded((current) =>
            current.status === 'ready' ? current : { status: 'error', message: messageOf(error) },
          );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [detail.id, version, announce]);

  const emails = loaded.status === 'ready' ? loaded.emails : [];
  const resident = [...emails].reverse().find((email) => email.direction === 'in');

  return (
    <section aria-labelledby="emails-heading">
      <h2 className="govuk-heading-m" id="emails-heading">
        Emails
      </h2>
      {loaded.status === 'loading' ? <Loading text="Loading the emails…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && emails.length === 0 ? (
        <p className="govuk-body">There are no emails on this case.</p>
      ) : null}
      <ol className="govuk-list ward-email-thread">
        {emails.map((email) => (
          <li key={email.id}>
            <EmailMessage email={email} />
          </li>
        ))}
      </ol>
      {resident || leftMessage ? (
        <CaseForm
          id="email-reply"
          fieldId="email-reply-body"
          heading="Reply to the resident"
          submitText="Send reply"
          onErrorChange={onErrorChange}
          check={() =>
            runIfValid(checkReply(reply), async (value) => {
              const sent = await replyToEmail(detail.id, value);
              setReply('');
              // A realtime read may have brought it already.
              setLoaded((current) =>
                current.status === 'ready' && !current.emails.some((email) => email.id === sent.id)
                  ? { status: 'ready', emails: [...current.emails, sent] }
                  : current,
              );
              announce(sent.status === 'sent' ? 'Reply sent' : 'Reply saved: it is being sent');
            })
          }
        >
          {(error) => (
            <Textarea
              id="email-reply-body"
              label="Your reply"
              labelClassName="govuk-label--s"
              hint={`Sent to ${resident ? resident.from : 'the email address the resident gave with their message'} with the case reference in the subject. Card numbers, bank details and National Insurance numbers are removed. Up to ${emailLimits.replyMaxChars.toLocaleString('en-GB')} characters.`}
              rows={8}
              value={reply}
              onValueChange={setReply}
              error={error}
            />
          )}
        </CaseForm>
      ) : null}
    </section>
  );
}

function EmailMessage({ email }: { email: CaseEmail }) {
  const headingId = `email-${email.id}`;
  const inbound = email.direction === 'in';
  return (
    <article aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1 ward-break-anywhere" id={headingId}>
        {inbound ? `From ${email.from}` : `Reply${email.author ? ` from ${email.author.name}` : ''} to ${email.to}`}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {inbound ? 'Received' : 'Written'} {formatDateTime(email.at)}
        {inbound ? '' : ` · ${emailStatusNames[email.status]}`}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-2 ward-break-anywhere">
        <strong>Subject:</strong> {email.subject || '(no subject)'}
      </p>
      {email.personalDataDeleted ? (
        <p className="govuk-body">This email’s content has been deleted.</p>
      ) : (
        <div className="ward-preformatted">{email.body}</div>
      )}
      {email.redactions.length > 0 ? (
        <p className="govuk-body-s">Some details were removed before the email was stored.</p>
      ) : null}
      {email.attachments.length > 0 ? (
        <>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">Attachments</h4>
          <ul className="govuk-list">
            {email.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a
                  className="govuk-link ward-break-anywhere"
                  href={attachmentHref(email.id, attachment.id)}
                  download={attachment.filename}
                >
                  Download {attachment.filename}
                </a>{' '}
                <span className="govuk-body-s">({fileSize(attachment.size)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {email.refusedAttachments.length > 0 ? (
        <ul className="govuk-list govuk-body-s">
          {email.refusedAttachments.map((refused, index) => (
            <li key={index} className="ward-break-anywhere">
              {refused.filename} was not kept: {refusedReasons[refused.reason]}.
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
