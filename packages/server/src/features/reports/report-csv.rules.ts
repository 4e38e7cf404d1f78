import type { CaseChannel, ReportFigures, ReportSummary, ReportTableBody } from '@ward/protocol';
import { csvCell } from '../audit/audit-csv.rules.ts';

/** Reports as CSV (ADR 36), pure: one column per figure, the same names as the JSON's paths. */
const channels: CaseChannel[] = ['chat', 'email', 'form', 'phone', 'face-to-face', 'social-media'];

const columns: Array<[string, (f: ReportFigures) => number | null]> = [
  ['offered', (f) => f.offered],
  ['answered', (f) => f.answered],
  ['abandoned', (f) => f.abandoned],
  ['missed', (f) => f.missed],
  ['leftMessage', (f) => f.leftMessage],
  ['waitMs.p50', (f) => f.waitMs.p50],
  ['waitMs.p90', (f) => f.waitMs.p90],
  ['waitMs.max', (f) => f.waitMs.max],
  ['firstResponseMs.p50', (f) => f.firstResponseMs.p50],
  ['firstResponseMs.p90', (f) => f.firstResponseMs.p90],
  ['firstResponseMs.max', (f) => f.firstResponseMs.max],
  ['handleMs.average', (f) => f.handleMs.average],
  ['handleMs.p50', (f) => f.handleMs.p50],
  ['handleMs.p90', (f) => f.handleMs.p90],
  ['handleMs.max', (f) => f.handleMs.max],
  ['handleMs.total', (f) => f.handleMs.total],
  ['transfers', (f) => f.transfers],
  ['messages', (f) => f.messages],
  ['transcriptRequests', (f) => f.transcriptRequests],
  ['survey.responses', (f) => f.survey.responses],
  ['survey.responseRatePermille', (f) => f.survey.responseRatePermille],
  ['survey.averageRatingHundredths', (f) => f.survey.averageRatingHundredths],
  ...[1, 2, 3, 4, 5].map((n): [string, (f: ReportFigures) => number] => [
    `survey.rating${n}`,
    (f) => f.survey.distribution[n - 1] ?? 0,
  ]),
  ['formsSubmitted', (f) => f.formsSubmitted],
  ['emailsReceived', (f) => f.emailsReceived],
  ['emailsAnswered', (f) => f.emailsAnswered],
  ...channels.map((c): [string, (f: ReportFigures) => number] => [`casesOpened.${c}`, (f) => f.casesOpened[c] ?? 0]),
  ...channels.map((c): [string, (f: ReportFigures) => number] => [`casesClosed.${c}`, (f) => f.casesClosed[c] ?? 0]),
  ['outOfHours.received', (f) => f.outOfHours.received],
  ['outOfHours.answered', (f) => f.outOfHours.answered],
  ['outOfHours.answerMs.p50', (f) => f.outOfHours.answerMs.p50],
  ['outOfHours.answerMs.p90', (f) => f.outOfHours.answerMs.p90],
  ['outOfHours.answerMs.max', (f) => f.outOfHours.answerMs.max],
  // Empty where advisers' time has no meaning (per department, topic or channel).
  ['agentTime.availableMs', (f) => f.agentTime?.availableMs ?? null],
  ['agentTime.withChatMs', (f) => f.agentTime?.withChatMs ?? null],
  ['agentTime.utilisationPermille', (f) => f.agentTime?.utilisationPermille ?? null],
  ['agentTime.concurrentMax', (f) => f.agentTime?.concurrentMax ?? null],
  ['agentTime.concurrentAverageHundredths', (f) => f.agentTime?.concurrentAverageHundredths ?? null],
];

const lines = (rows: Array<Array<string | number | null>>) =>
  `${rows.map((row) => row.map((value) => csvCell(value)).join(',')).join('\r\n')}\r\n`;

export function reportTableCsv(body: ReportTableBody): string {
  return lines([
    ['key', 'label', ...columns.map(([name]) => name)],
    ...body.rows.map((row) => [row.key, row.label, ...columns.map(([, of]) => of(row.figures))]),
  ]);
}

/** The summary as one row of figures, then the return on investment's inputs and result. */
export function reportSummaryCsv(summary: ReportSummary): string {
  const roi = summary.returnOnInvestment;
  return lines([
    ['from', 'to', ...columns.map(([name]) => name), ...Object.keys(roi).map((name) => `returnOnInvestment.${name}`)],
    [summary.range.from, summary.range.to, ...columns.map(([, of]) => of(summary.figures)), ...Object.values(roi)],
  ]);
}
