import type { CaseDetail } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { describeEntry } from './case-wording.ts';

/** Everything that happened on the case, newest first: a table, so each change reads with its time and author. */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const entries = [...detail.entries].reverse();
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="govuk-body">Nothing has happened on this case yet.</p>
      ) : (
        <Table
          caption={`What has happened on case ${detail.caseReference}, newest first`}
          captionClassName="govuk-table__caption--s"
          regionLabel="Case history"
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: 'When', cell: (entry) => formatDateTime(entry.createdAt) },
            {
              header: 'What happened',
              cell: (entry) => (
                <>
                  {describeEntry(entry)}
                  {(entry.kind === 'note' || entry.kind === 'request') && entry.text ? (
                    <span className="govuk-!-display-block ward-pre-wrap ward-break-anywhere govuk-body-s govuk-!-margin-bottom-0">
                      {entry.text}
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: 'By', cell: (entry) => entry.author?.name ?? 'Ward' },
          ]}
        />
      )}
    </section>
  );
}
