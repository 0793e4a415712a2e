/**
 * The analyst screen's chart as an ECharts option, kept apart from the component so it can be
 * tested without a browser: which points to draw (values added up per label, in order of first
 * appearance), a value axis from zero with round gridlines (1, 2 or 5 times a power of ten, whole
 * numbers for counts), and horizontal bars for categories (long labels such as visit paths stay
 * readable) or a line for series over days. Every text is formatted for the user's language.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartPoint = { label: string; value: number };

/**
 * The points of a result for a chart of column `y` against column `x`. Rows sharing a label
 * are added up (e.g. customers per product across segments); rows without a number are left out.
 */
export const chartPoints = (
  columns: readonly { name: string }[],
  rows: readonly (readonly unknown[])[],
  x: string,
  y: string,
): { points: ChartPoint[]; summed: boolean } => {
  const xi = columns.findIndex((c) => c.name === x);
  const yi = columns.findIndex((c) => c.name === y);
  if (xi < 0 || yi < 0) return { points: [], summed: false };
  const byLabel = new Map<string, number>();
  let summed = false;
  for (const row of rows) {
    const value = row[yi];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const label = row[xi] === null || row[xi] === undefined ? '—' : String(row[xi]);
    if (byLabel.has(label)) summed = true;
    byLabel.set(label, (byLabel.get(label) ?? 0) + value);
  }
  return { points: [...byLabel].map(([label, value]) => ({ label, value })), summed };
};

/** A step of 1, 2 or 5 × 10^k that cuts `max` into about `count` intervals. */
const niceStep = (max: number, count: number): number => {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
};

/**
 * The value axis from zero: its top (a multiple of the step, at least the largest value) and
 * its gridline values. Whole-number data keeps whole-number gridlines.
 */
export const valueScale = (values: readonly number[], count = 4): { max: number; ticks: number[] } => {
  const largest = Math.max(0, ...values);
  if (largest === 0) return { max: 1, ticks: [0, 1] };
  let step = niceStep(largest, count);
  if (values.every(Number.isInteger)) step = Math.max(1, Math.round(step));
  const max = Number((Math.ceil(largest / step) * step).toPrecision(12));
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { max, ticks };
};

/** A label cut to `length` characters with an ellipsis (the full text goes in a tooltip). */
export const shorten = (text: string, length: number): string =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** An option of the charts that `EChart` registers. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption
>;

export type ChartType = 'bar' | 'line';

export type ChartFormat = {
  /** A value as the table shows it (`format.number`). */
  value: (value: number) => string;
  /** A label as the table shows it (dates, stages, segments in words). */
  label: (raw: string) => string;
};

/** The look of the screen: its font and colours (its CSS custom properties). */
export type ChartTheme = {
  font: string;
  primary: string;
  primaryDark: string;
  text: string;
  muted: string;
  grid: string;
};

/** Bars beyond these are left out (the table has them all). */
const maxBars = 30;
const barRow = 30;

/** Bars are as tall as their number requires; the line chart has a fixed height. */
export const chartHeight = (type: ChartType, points: number): number =>
  type === 'line' ? 280 : 16 + Math.min(points, maxBars) * barRow + 28;

/**
 * A tooltip's content as elements, not HTML: a label from the lake (a page path) cannot inject
 * markup, and no inline style meets the page's content security policy.
 */
const tooltipContent = (label: string, value: string): HTMLElement => {
  const content = document.createElement('div');
  const name = document.createElement('span');
  name.textContent = label;
  const figure = document.createElement('strong');
  figure.textContent = value;
  content.append(name, figure);
  return content;
};

/** About how wide a character of the 12 px labels is. */
const charWidth = 7;

/**
 * The ECharts option of a chart `width` pixels wide: the labels and values formatted, the value
 * axis from `valueScale`, bar labels cut to the room they have (their full text is in the
 * tooltip and in the table).
 */
export const chartOption = (
  type: ChartType,
  points: readonly ChartPoint[],
  format: ChartFormat,
  theme: ChartTheme,
  width: number,
): ChartOption => {
  const shown = type === 'bar' ? points.slice(0, maxBars) : points;
  const labels = shown.map((point) => format.label(point.label));
  const { max, ticks } = valueScale(shown.map((point) => point.value));
  const valueAxis = {
    type: 'value' as const,
    min: 0,
    max,
    interval: ticks[1] ?? max,
    axisLabel: { color: theme.muted, formatter: (value: number) => format.value(value) },
    splitLine: { lineStyle: { color: theme.grid } },
  };
  const axisLine = { lineStyle: { color: theme.grid } };
  const tooltip: TooltipComponentOption = {
    trigger: 'axis',
    axisPointer: { type: type === 'bar' ? 'shadow' : 'line' },
    className: 'chart-tooltip',
    formatter: (params) => {
      const point = Array.isArray(params) ? params[0] : params;
      if (!point) return '';
      return tooltipContent(point.name, typeof point.value === 'number' ? format.value(point.value) : '');
    },
  };
  const common = {
    // Analysts read figures: nothing moves (and reduced motion needs no special case).
    animation: false,
    textStyle: { fontFamily: theme.font, fontSize: 12, color: theme.text },
    tooltip,
  };
  if (type === 'line') {
    return {
      ...common,
      grid: { left: 8, right: 24, top: 16, bottom: 8 },
      xAxis: {
        type: 'category',
        data: labels,
        boundaryGap: points.length === 1,
        axisLine,
        axisTick: { show: false },
        axisLabel: { color: theme.text, hideOverlap: true, formatter: (label: string) => shorten(label, 14) },
      },
      yAxis: valueAxis,
      series: [
        {
          type: 'line',
          data: shown.map((point) => point.value),
          symbol: 'circle',
          symbolSize: 9,
          lineStyle: { color: theme.primary, width: 2.5 },
          itemStyle: { color: '#ffffff', borderColor: theme.primary, borderWidth: 2.5 },
          areaStyle: { color: theme.primary, opacity: 0.08 },
          emphasis: { itemStyle: { color: theme.primary } },
        },
      ],
    };
  }
  const labelWidth = Math.min(
    Math.round(width * 0.42),
    260,
    Math.max(90, Math.max(...labels.map((label) => label.length)) * charWidth + 16),
  );
  const labelChars = Math.floor((labelWidth - 16) / charWidth);
  return {
    ...common,
    // Room on the right for the value at the end of the longest bar.
    grid: { left: 8, right: 48, top: 8, bottom: 8 },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      data: labels,
      // The first row of the result on top, as in the table.
      inverse: true,
      axisLine,
      axisTick: { show: false },
      axisLabel: { color: theme.text, interval: 0, formatter: (label: string) => shorten(label, labelChars) },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((point) => point.value),
        barMaxWidth: barRow - 12,
        itemStyle: { color: theme.primary, borderRadius: [0, 3, 3, 0] },
        emphasis: { itemStyle: { color: theme.primaryDark } },
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontWeight: 600,
          formatter: ({ value }) => (typeof value === 'number' ? format.value(value) : ''),
        },
      },
    ],
  };
};
