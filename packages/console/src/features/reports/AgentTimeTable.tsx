import type { ReportRow } from '@ward/protocol';
import { Table } from '../../ui/Table.tsx';
import { chatsAtOnce, count, duration, percent } from './report-wording.ts';

/**
 * Advisers' time (ADR 44) as a data table: time available (available or busy), the part with at
 * least one chat, utilisation, and chats at once. Rows without advisers' time are left out.
 */
export function AgentTimeTable({ rows, caption }: { rows: ReportRow[]; caption: string }) {
  const timed = rows.flatMap((row) => (row.figures.agentTime ? [{ ...row, time: row.figures.agentTime }] : []));
  if (timed.length === 0) return <p className="govuk-body">No adviser was available in this period.</p>;
  return (
    <Table
      caption={caption}
      regionLabel={caption}
      rows={timed}
      rowKey={(row) => row.key}
      columns={[
        { header: 'Adviser', cell: (row) => row.label },
        { header: 'Time available', cell: (row) => duration(row.time.availableMs), numeric: true },
        { header: 'With at least one chat', cell: (row) => duration(row.time.withChatMs), numeric: true },
        { header: 'Utilisation', cell: (row) => percent(row.time.utilisationPermille), numeric: true },
        { header: 'Most chats at once', cell: (row) => count(row.time.concurrentMax), numeric: true },
        {
          header: 'Average chats at once',
          cell: (row) => chatsAtOnce(row.time.concurrentAverageHundredths),
          numeric: true,
        },
      ]}
    />
  );
}
