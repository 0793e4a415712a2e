/**
 * The result as a simple SVG chart, no chart library: horizontal bars for categories (long
 * labels such as visit paths stay readable) and a line for series over days. The table below
 * it carries the same numbers for screen readers; the chart is labelled as a whole.
 */
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import type { QueryRun, SavedQuery } from '#schemas/analytics/query.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { type ChartPoint, chartPoints, shorten, valueScale } from '../utils/chart.ts';

const maxBars = 30;
const lineHeight = 280;
const barRow = 30;
const barTop = 8;
/** Bars are as tall as their number requires; the line chart has a fixed height. */
const chartHeight = (type: 'bar' | 'line', points: number) =>
  type === 'line' ? lineHeight : barTop + Math.min(points, maxBars) * barRow + 28;

type Chart = NonNullable<SavedQuery['chart']>;
type Format = { value: (n: number) => string; label: (text: string) => string };

/**
 * The width of an element in CSS pixels, followed as it changes: the chart is drawn at its
 * real width, so its text stays 12 px on a phone as on a desk (a scaled drawing would shrink it).
 */
const useWidth = (ref: RefObject<HTMLElement | null>, fallback: number): number => {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(260, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

const BarChart = ({ points, format, width }: { points: ChartPoint[]; format: Format; width: number }) => {
  const shown = points.slice(0, maxBars);
  const { max, ticks } = valueScale(shown.map((p) => p.value));
  const labelWidth = Math.min(
    Math.round(width * 0.42),
    260,
    Math.max(90, Math.max(...shown.map((p) => format.label(p.label).length)) * 7 + 16),
  );
  const plot = width - labelWidth - 70;
  const row = barRow;
  const top = barTop;
  const height = chartHeight('bar', shown.length);
  const xOf = (value: number) => labelWidth + (value / max) * plot;
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick} className="chart-grid">
          <line x1={xOf(tick)} x2={xOf(tick)} y1={top} y2={height - 24} />
          <text x={xOf(tick)} y={height - 8} textAnchor="middle">
            {format.value(tick)}
          </text>
        </g>
      ))}
      {shown.map((point, i) => {
        const y = top + i * row;
        const label = format.label(point.label);
        return (
          <g key={point.label} className="chart-bar">
            <title>{`${label} : ${format.value(point.value)}`}</title>
            <text x={labelWidth - 8} y={y + row / 2 + 4} textAnchor="end" className="chart-label">
              {shorten(label, Math.floor((labelWidth - 16) / 7))}
            </text>
            <rect
              x={labelWidth}
              y={y + 6}
              width={Math.max(1, xOf(point.value) - labelWidth)}
              height={row - 12}
              rx={3}
            />
            <text x={xOf(point.value) + 6} y={y + row / 2 + 4} className="chart-value">
              {format.value(point.value)}
            </text>
          </g>
        );
      })}
    </>
  );
};

const LineChart = ({ points, format, width }: { points: ChartPoint[]; format: Format; width: number }) => {
  const { max, ticks } = valueScale(points.map((p) => p.value));
  const margin = { left: 56, right: 44, top: 16, bottom: 44 };
  const height = lineHeight;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const xOf = (i: number) =>
    margin.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const yOf = (value: number) => margin.top + plotH - (value / max) * plotH;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(i).toFixed(1)},${yOf(p.value).toFixed(1)}`)
    .join(' ');
  const area = `${line} L${xOf(points.length - 1).toFixed(1)},${yOf(0)} L${xOf(0).toFixed(1)},${yOf(0)} Z`;
  // As many axis labels as fit (about 90 px each), whatever the number of days.
  const every = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(plotW / 90))));
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick} className="chart-grid">
          <line x1={margin.left} x2={width - margin.right} y1={yOf(tick)} y2={yOf(tick)} />
          <text x={margin.left - 8} y={yOf(tick) + 4} textAnchor="end">
            {format.value(tick)}
          </text>
        </g>
      ))}
      <path d={area} className="chart-area" />
      <path d={line} className="chart-line" />
      {points.map((point, i) => (
        <g key={point.label} className="chart-point">
          <title>{`${format.label(point.label)} : ${format.value(point.value)}`}</title>
          <circle cx={xOf(i)} cy={yOf(point.value)} r={4.5} />
          {i % every === 0 || i === points.length - 1 ? (
            <text x={xOf(i)} y={height - margin.bottom + 20} textAnchor="middle" className="chart-label">
              {shorten(format.label(point.label), 14)}
            </text>
          ) : null}
        </g>
      ))}
    </>
  );
};

export type ResultChartProps = {
  chart: Chart;
  run: QueryRun;
  /** A column's label in the user's language. */
  columnLabel: (name: string) => string;
  /** A cell's text as the table shows it (dates, stages, segments translated). */
  cellLabel: (column: string, value: string) => string;
};

export const ResultChart = ({ chart, run, columnLabel, cellLabel }: ResultChartProps) => {
  const { t, format } = useI18n();
  const titleId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame, 720);
  const { points, summed } = chartPoints(run.columns ?? [], run.rows ?? [], chart.x, chart.y);
  if (points.length === 0) return null;
  const fmt: Format = { value: format.number, label: (text) => cellLabel(chart.x, text) };
  const title = t.analytics.chartLabel(columnLabel(chart.y), lowerFirst(columnLabel(chart.x)));
  const height = chartHeight(chart.type, points.length);
  return (
    <figure className="card result-chart">
      <h2 id={titleId}>{t.analytics.chart}</h2>
      <div ref={frame} className="chart-frame">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId}-svg`}
          className={`chart chart-type-${chart.type}`}
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${titleId}-svg`}>{title}</title>
          {chart.type === 'line' ? (
            <LineChart points={points} format={fmt} width={width} />
          ) : (
            <BarChart points={points} format={fmt} width={width} />
          )}
        </svg>
      </div>
      <figcaption className="muted small">
        {title}
        {summed ? ` · ${t.analytics.chartSummed}` : ''}
      </figcaption>
    </figure>
  );
};
