import { useId } from 'react';
import { Table } from '../../ui/Table.tsx';
import { useReportsTexts } from './texts.ts';

/**
 * Charts drawn as plain SVG (ADR 36): a line chart over time and a bar chart per department or
 * adviser. Each is an image with a title and description for screen readers, lines and bars told
 * apart by pattern as well as colour, and its figures in a table behind "Show data" just below.
 */
const colours = ['#1d70b8', '#d4351c', '#00703c', '#f47738'];
const dashes = ['', '6 4', '2 3', '10 3 2 3'];
const width = 640;
const height = 220;
const margin = { top: 12, right: 12, bottom: 28, left: 56 };

/** A round top for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

export type Series = { name: string; values: Array<number | null> };

function ShowData({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: Array<{ key: string; cells: string[] }>;
}) {
  const texts = useReportsTexts();
  return (
    <details className="govuk-details govuk-!-margin-top-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{texts.showData}</span>
      </summary>
      <div className="govuk-details__text">
        <Table<{ key: string; cells: string[] }>
          caption={caption}
          captionClassName="govuk-table__caption--s"
          regionLabel={caption}
          rowKey={(row) => row.key}
          rows={rows}
          columns={headers.map((header, index) => ({
            header,
            cell: (row) => row.cells[index],
            numeric: index > 0,
          }))}
        />
      </div>
    </details>
  );
}

export function LineChart({
  title,
  labels,
  series,
  format,
  floor = 1,
}: {
  title: string;
  labels: string[];
  series: Series[];
  format: (value: number | null) => string;
  /** The axis's top is never lower (a minute for times, so the ticks read as whole units). */
  floor?: number;
}) {
  const id = useId();
  const texts = useReportsTexts();
  const top = Math.max(floor, niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)))));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (i: number) => margin.left + (labels.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (labels.length - 1));
  const y = (v: number) => margin.top + plotHeight - (v / top) * plotHeight;
  const ticks = [0, top / 2, top];
  const shownLabels =
    labels.length <= 3 ? labels.map((_, i) => i) : [0, Math.floor((labels.length - 1) / 2), labels.length - 1];
  return (
    <figure className="ward-chart govuk-!-margin-0 govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {title}
      </h3>
      <ul className="ward-chart__legend govuk-list">
        {series.map((s, i) => (
          <li key={s.name}>
            <svg width="24" height="10" aria-hidden="true" focusable="false">
              <line
                x1="0"
                y1="5"
                x2="24"
                y2="5"
                stroke={colours[i % 4]}
                strokeWidth="3"
                strokeDasharray={dashes[i % 4]}
              />
            </svg>{' '}
            {s.name}
          </li>
        ))}
      </ul>
      <svg
        className="ward-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <desc id={`${id}-desc`}>
          {texts.lineDescription(series.map((s) => s.name).join(', '), labels[0] ?? '', labels.at(-1) ?? '')}
        </desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#b1b4b6"
              strokeWidth="1"
            />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" className="ward-chart__text">
              {format(tick)}
            </text>
          </g>
        ))}
        {shownLabels.map((i) => (
          <text
            key={i}
            x={x(i)}
            y={height - 8}
            textAnchor={labels.length > 1 && i === 0 ? 'start' : i === labels.length - 1 && i > 0 ? 'end' : 'middle'}
            className="ward-chart__text"
          >
            {labels[i]}
          </text>
        ))}
        {series.map((s, i) => {
          const points = s.values.flatMap((v, index) => (v === null ? [] : [`${x(index)},${y(v)}`]));
          return (
            <polyline
              key={s.name}
              points={points.join(' ')}
              fill="none"
              stroke={colours[i % 4]}
              strokeWidth="3"
              strokeDasharray={dashes[i % 4]}
            />
          );
        })}
      </svg>
      <ShowData
        caption={title}
        headers={['', ...series.map((s) => s.name)]}
        rows={labels.map((label, index) => ({
          key: label,
          cells: [label, ...series.map((s) => format(s.values[index] ?? null))],
        }))}
      />
    </figure>
  );
}

export function BarChart({
  title,
  valueName,
  bars,
  format,
}: {
  title: string;
  valueName: string;
  bars: Array<{ label: string; value: number }>;
  format: (value: number | null) => string;
}) {
  const id = useId();
  const texts = useReportsTexts();
  const rowHeight = 28;
  const labelWidth = 200;
  const chartHeight = Math.max(1, bars.length) * rowHeight + 8;
  const top = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const barSpace = width - labelWidth - 80;
  return (
    <figure className="ward-chart govuk-!-margin-0 govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {title}
      </h3>
      {bars.length === 0 ? (
        <p className="govuk-body">{texts.nothingToShow}</p>
      ) : (
        <svg
          className="ward-chart__svg"
          viewBox={`0 0 ${width} ${chartHeight}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <desc id={`${id}-desc`}>{texts.barDescription(valueName, bars.length)}</desc>
          {bars.map((bar, i) => (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={i * rowHeight + 19} textAnchor="end" className="ward-chart__text">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect
                x={labelWidth}
                y={i * rowHeight + 4}
                height={rowHeight - 8}
                width={(bar.value / top) * barSpace}
                fill={colours[0]}
              />
              <text
                x={labelWidth + (bar.value / top) * barSpace + 6}
                y={i * rowHeight + 19}
                className="ward-chart__text"
              >
                {format(bar.value)}
              </text>
            </g>
          ))}
        </svg>
      )}
      <ShowData
        caption={title}
        headers={['', valueName]}
        rows={bars.map((bar) => ({ key: bar.label, cells: [bar.label, format(bar.value)] }))}
      />
    </figure>
  );
}
