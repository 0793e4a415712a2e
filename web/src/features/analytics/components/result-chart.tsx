/**
 * The result as a chart (ECharts): horizontal bars for categories, a line for series over days,
 * its labels and values in the user's language as the table shows them. The table below it
 * carries the same numbers for screen readers; the chart is one labelled image.
 */
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { QueryRun, SavedQuery } from '#schemas/analytics/query.ts';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import {
  type ChartTheme,
  chartHeight,
  chartOption,
  chartPoints,
} from '#web/src/features/analytics/utils/chart.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { EChart } from './echart.tsx';

type Chart = NonNullable<SavedQuery['chart']>;

/** The width of an element in CSS pixels, followed as it changes (bar labels get the room there is). */
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

/** The screen's font and colours, from its CSS custom properties. */
const readTheme = (element: Element): ChartTheme => {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    font: style.fontFamily || 'sans-serif',
    primary: read('--primary', '#1d4f91'),
    primaryDark: read('--primary-dark', '#163d70'),
    text: read('--text', '#1b2430'),
    muted: read('--muted', '#4a5668'),
    grid: read('--border', '#d5dbe3'),
  };
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

export type ResultChartProps = {
  chart: Chart;
  run: QueryRun;
  /** A column's label in the user's language. */
  columnLabel: (name: string) => string;
  /** A cell's text as the table shows it (dates, stages, segments translated). */
  cellLabel: (column: string, value: string) => string;
};

export const ResultChart = ({ chart, run, columnLabel, cellLabel }: ResultChartProps) => {
  const { t } = useAnalyticsTranslation();
  const { format } = useLocale();
  const noteId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame, 720);
  const { points, summed } = useMemo(
    () => chartPoints(run.columns ?? [], run.rows ?? [], chart.x, chart.y),
    [run, chart.x, chart.y],
  );
  const option = useMemo(
    () =>
      chartOption(
        chart.type,
        points,
        { value: format.number, label: (text) => cellLabel(chart.x, text) },
        readTheme(document.documentElement),
        width,
      ),
    [chart.type, chart.x, points, format, cellLabel, width],
  );
  if (points.length === 0) return null;
  const title = t('chartLabel', { y: columnLabel(chart.y), x: lowerFirst(columnLabel(chart.x)) });
  return (
    <figure className="card result-chart">
      <h2>{t('chart')}</h2>
      <div ref={frame} className="chart-frame">
        <EChart
          option={option}
          height={chartHeight(chart.type, points.length)}
          label={title}
          describedBy={noteId}
        />
      </div>
      <figcaption className="muted small">
        {title}
        <span id={noteId}>
          {summed ? (
            <>
              <span aria-hidden="true"> · </span>
              {t('chartSummed')}
            </>
          ) : null}
          <span className="visually-hidden"> {t('chartTableHint')}</span>
        </span>
      </figcaption>
    </figure>
  );
};
