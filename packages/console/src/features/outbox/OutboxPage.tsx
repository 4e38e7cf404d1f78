import { fetchOutbox } from '../../api/outbox.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { useOutboxTexts } from './texts.ts';

/** Emails Ward wrote to its outbox folder because no email server is set up. Text only, never HTML. */
export function OutboxPage() {
  const { loaded } = useLoaded(fetchOutbox);
  const texts = useOutboxTexts();
  const language = useLanguage();

  return (
    <>
      <PageTitle title={texts.title} />
      <p className="govuk-body">{texts.explained}</p>
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.data.length === 0 ? <p className="govuk-body">{texts.empty}</p> : null}
      {loaded.status === 'ready' && loaded.data.length > 0 ? (
        <Table
          caption={texts.caption(loaded.data.length)}
          captionClassName="govuk-table__caption--m"
          regionLabel={texts.regionLabel}
          rows={[...loaded.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          rowKey={(email) => email.id}
          columns={[
            { header: texts.to, cell: (email) => <span className="ward-break-anywhere">{email.to}</span> },
            {
              header: texts.subject,
              cell: (email) => (
                <>
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2 ward-break-anywhere">
                    {email.subject}
                  </p>
                  <details className="govuk-details govuk-!-margin-bottom-0">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">
                        {texts.showText}
                        <span className="govuk-visually-hidden">{texts.ofSubject(email.subject)}</span>
                      </span>
                    </summary>
                    <div className="govuk-details__text">
                      <pre className="ward-preformatted">{email.text}</pre>
                    </div>
                  </details>
                </>
              ),
            },
            { header: texts.created, cell: (email) => formatDateTime(email.createdAt, language) },
          ]}
        />
      ) : null}
    </>
  );
}
