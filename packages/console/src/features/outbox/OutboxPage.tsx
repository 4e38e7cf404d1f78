import { fetchOutbox } from '../../api/outbox.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';

/** Emails Ward wrote to its outbox folder because no email server is set up. Text only, never HTML. */
export function OutboxPage() {
  const { loaded } = useLoaded(fetchOutbox);

  return (
    <>
      <PageTitle title="Outbox" />
      <p className="govuk-body">
        When no email server is set up, Ward writes emails to its outbox folder instead of sending them. They are listed
        here, newest first.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading the outbox…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.data.length === 0 ? (
        <p className="govuk-body">The outbox is empty.</p>
      ) : null}
      {loaded.status === 'ready' && loaded.data.length > 0 ? (
        <Table
          caption={`Emails in the outbox (${loaded.data.length})`}
          captionClassName="govuk-table__caption--m"
          regionLabel="Emails in the outbox"
          rows={[...loaded.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          rowKey={(email) => email.id}
          columns={[
            { header: 'To', cell: (email) => <span className="ward-break-anywhere">{email.to}</span> },
            {
              header: 'Subject',
              cell: (email) => (
                <>
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2 ward-break-anywhere">
                    {email.subject}
                  </p>
                  <details className="govuk-details govuk-!-margin-bottom-0">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">
                        Show the text<span className="govuk-visually-hidden"> of “{email.subject}”</span>
                      </span>
                    </summary>
                    <div className="govuk-details__text">
                      <pre className="ward-preformatted">{email.text}</pre>
                    </div>
                  </details>
                </>
              ),
            },
            { header: 'Created', cell: (email) => formatDateTime(email.createdAt) },
          ]}
        />
      ) : null}
    </>
  );
}
