import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

interface TableProps<T> {
  caption: ReactNode;
  captionClassName?: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Names the scrolling region that holds the table on narrow screens. */
  regionLabel: string;
}

/** A GOV.UK table in a region that scrolls sideways (and can be scrolled by keyboard) when narrow. */
export function Table<T>({ caption, captionClassName, columns, rows, rowKey, regionLabel }: TableProps<T>) {
  return (
    <div className="ward-table-container" role="region" aria-label={regionLabel} tabIndex={0}>
      <table className="govuk-table">
        <caption className={`govuk-table__caption ${captionClassName ?? 'govuk-table__caption--m'}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="govuk-table__row">
              {columns.map((column, index) => (
                <td key={index} className={`govuk-table__cell${column.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
