import type { ReportRow } from '@ward/protocol';
import { Table } from '../../ui/Table.tsx';
import { chatsAtOnce, count, duration, percent } from './report-wording.ts';
import { useReportsTexts } from './texts.ts';

/**
 * Advisers' time (ADR 44) as a data table: time available (available or busy), the part with at
 * least one chat, utilisation, and chats at once. Rows without advisers' time are left out.
 */
export function AgentTimeTable({ rows, caption }: { rows: ReportRow[]; caption: string }) {
  const texts = useReportsTexts();
  const timed = rows.flatMap((row) => (row.figures.agentTime ? [{ ...row, time: row.figures.agentTime }] : []));
  if (timed.length === 0) return <p className="govuk-body">{texts.noAdviserAvailable}</p>;
  return (
    <Table
      caption={caption}
      regionLabel={caption}
      rows={timed}
      rowKey={(row) => row.key}
      columns={[
        { header: texts.adviser, cell: (row) => row.label },
        { header: texts.timeAvailable, cell: (row) => duration(row.time.availableMs, texts.units), numeric: true },
        { header: texts.withAChat, cell: (row) => duration(row.time.withChatMs, texts.units), numeric: true },
        { header: texts.utilisation, cell: (row) => percent(row.time.utilisationPermille), numeric: true },
        { header: texts.headline.mostAtOnce, cell: (row) => count(row.time.concurrentMax), numeric: true },
        {
          header: texts.averageAtOnce,
          cell: (row) => chatsAtOnce(row.time.concurrentAverageHundredths),
          numeric: true,
        },
      ]}
    />
  );
}
