import type { CaseDetail, CaseEmail } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { attachmentHref, fetchCaseEmails, replyToEmail } from '../../api/emails.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import type { ErrorReporter } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { fileSize } from './case-wording.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';
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
  const t = useCasesTexts();
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
        if (known && newEmails(known, emails).some((email) => email.direction === 'out')) announce(t.replyAdded);
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
  }, [detail.id, version, announce, t]);

  const emails = loaded.status === 'ready' ? loaded.emails : [];
  const resident = [...emails].reverse().find((email) => email.direction === 'in');

  return (
    <section aria-labelledby="emails-heading">
      <h2 className="govuk-heading-m" id="emails-heading">
        {t.emails}
      </h2>
      {loaded.status === 'loading' ? <Loading text={t.loadingEmails} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && emails.length === 0 ? <p className="govuk-body">{t.noEmails}</p> : null}
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
          heading={t.replyHeading}
          submitText={t.sendReply}
          onErrorChange={onErrorChange}
          check={() =>
            runIfValid(checkReply(reply, t), async (value) => {
              const sent = await replyToEmail(detail.id, value);
              setReply('');
              // A realtime read may have brought it already.
              setLoaded((current) =>
                current.status === 'ready' && !current.emails.some((email) => email.id === sent.id)
                  ? { status: 'ready', emails: [...current.emails, sent] }
                  : current,
              );
              announce(sent.status === 'sent' ? t.replySent : t.replySaved);
            })
          }
        >
          {(error) => (
            <Textarea
              id="email-reply-body"
              label={t.yourReply}
              labelClassName="govuk-label--s"
              hint={t.replyHint(resident ? resident.from : t.addressGiven)}
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
  const t = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  return (
    <article aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1 ward-break-anywhere" id={headingId}>
        {inbound ? t.from(email.from) : email.author ? t.replyFromTo(email.author.name, email.to) : t.replyTo(email.to)}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {(inbound ? t.receivedOn : t.writtenOn)(formatDateTime(email.at, language))}
        {inbound ? '' : ` · ${words.emailStatuses[email.status]}`}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-2 ward-break-anywhere">
        <strong>{t.subject}</strong> {email.subject || t.noSubject}
      </p>
      {email.personalDataDeleted ? (
        <p className="govuk-body">{t.emailDeleted}</p>
      ) : (
        <div className="ward-preformatted">{email.body}</div>
      )}
      {email.redactions.length > 0 ? <p className="govuk-body-s">{t.detailsRemoved}</p> : null}
      {email.attachments.length > 0 ? (
        <>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{t.attachments}</h4>
          <ul className="govuk-list">
            {email.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a
                  className="govuk-link ward-break-anywhere"
                  href={attachmentHref(email.id, attachment.id)}
                  download={attachment.filename}
                >
                  {t.download(attachment.filename)}
                </a>{' '}
                <span className="govuk-body-s">({fileSize(attachment.size, words)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {email.refusedAttachments.length > 0 ? (
        <ul className="govuk-list govuk-body-s">
          {email.refusedAttachments.map((refused, index) => (
            <li key={index} className="ward-break-anywhere">
              {t.notKept(refused.filename, words.refusedReasons[refused.reason])}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
