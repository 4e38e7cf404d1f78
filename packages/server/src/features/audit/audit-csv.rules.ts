import type { AuditEvent } from '@ward/protocol';

export const auditCsvColumns = [
  'id',
  'occurredAt',
  'actorKind',
  'actorId',
  'actorRole',
  'action',
  'dataSubjectId',
  'recordType',
  'recordId',
  'caseReference',
  'fields',
  'purpose',
  'reason',
  'source',
  'hash',
] as const satisfies ReadonlyArray<keyof AuditEvent>;

/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled. A value a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null | readonly string[]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The audit events as CSV with a header row, CRLF line ends. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const lines = [
    auditCsvColumns.join(','),
    ...events.map((event) => auditCsvColumns.map((column) => csvCell(event[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
