import type { CaseDetail } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { describeDisclosure, describeEntry } from './case-wording.ts';
import type { CasesTexts } from './texts-en.ts';
import { useCasesTexts } from './texts.ts';
import type { CaseWords } from './texts-words-en.ts';
import { useCaseWords } from './texts-words.ts';
import type { Language } from '@ward/protocol';

type Row = { id: string; at: string; what: string; text: string | null; by: string };

/** The case's entries and its disclosures to third parties (ADR 30), newest first. */
function historyRows(detail: CaseDetail, words: CaseWords, language: Language): Row[] {
  const entries = detail.entries.map((entry) => ({
    id: entry.id,
    at: entry.createdAt,
    what: describeEntry(entry, words),
    text: (entry.kind === 'note' || entry.kind === 'request') && entry.text ? entry.text : null,
    by: entry.author?.name ?? 'Ward',
  }));
  const disclosures = detail.disclosures.map((d) => ({
    id: d.id,
    at: d.recordedAt,
    what: describeDisclosure(d, words, language),
    text: d.whatShared,
    by: d.recordedBy?.name ?? 'Ward',
  }));
  // Stable: entries keep their order among themselves; a disclosure goes where its time puts it.
  return [...entries, ...disclosures].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).reverse();
}

/** Everything that happened on the case, newest first: a table, so each change reads with its time and author. */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const t: CasesTexts = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  const rows = historyRows(detail, words, language);
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        {t.history}
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">{t.nothingYet}</p>
      ) : (
        <Table
          caption={t.historyCaption(detail.caseReference)}
          captionClassName="govuk-table__caption--s"
          regionLabel={t.caseHistory}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: t.when, cell: (row) => formatDateTime(row.at, language) },
            {
              header: t.whatHappened,
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
            { header: t.by, cell: (row) => row.by },
          ]}
        />
      )}
    </section>
  );
}
