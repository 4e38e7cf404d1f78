import type { CaseDetail } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { describeDisclosure, describeEntry } from './case-wording.ts';

type Row = { id: string; at: string; what: string; text: string | null; by: string };

/** The case's entries and its disclosures to third parties (ADR 30), newest first. */
function historyRows(detail: CaseDetail): Row[] {
  const entries = detail.entries.map((entry) => ({
    id: entry.id,
    at: entry.createdAt,
    what: describeEntry(entry),
    text: (entry.kind === 'note' || entry.kind === 'request') && entry.text ? entry.text : null,
    by: entry.author?.name ?? 'Ward',
  }));
  const disclosures = detail.disclosures.map((d) => ({
    id: d.id,
    at: d.recordedAt,
    what: describeDisclosure(d),
    text: d.whatShared,
    by: d.recordedBy?.name ?? 'Ward',
  }));
  // Stable: entries keep their order among themselves; a disclosure goes where its time puts it.
  return [...entries, ...disclosures].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).reverse();
}

/** Everything that happened on the case, newest first: a table, so each change reads with its time and author. */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const rows = historyRows(detail);
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">Nothing has happened on this case yet.</p>
      ) : (
        <Table
          caption={`What has happened on case ${detail.caseReference}, newest first`}
          captionClassName="govuk-table__caption--s"
          regionLabel="Case history"
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: 'When', cell: (row) => formatDateTime(row.at) },
            {
              header: 'What happened',
              cell: (row) => (
                <>
                  {row.what}
                  {row.text ? (
                    <span className="govuk-!-display-block ward-pre-wrap ward-break-anywhere govuk-body-s govuk-!-margin-bottom-0">
                      {row.text}
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: 'By', cell: (row) => row.by },
          ]}
        />
      )}
    </section>
  );
}
