import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';

/** Whether the element's content is wider than the element (so keyboard users need to scroll it). */
function useOverflowsSideways<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, overflows };
}

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

/** A GOV.UK table in a region that scrolls sideways when narrow, and then takes focus so the keyboard can scroll it. */
export function Table<T>({ caption, captionClassName, columns, rows, rowKey, regionLabel }: TableProps<T>) {
  const { ref, overflows } = useOverflowsSideways<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className="ward-table-container"
      role="region"
      aria-label={regionLabel}
      tabIndex={overflows ? 0 : undefined}
    >
      <table className="govuk-table">
        <caption className={`govuk-table__caption ${captionClassName ?? 'govuk-table__caption--m'}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}
              >
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
