/**
 * The analyst screen's chart, drawn by ECharts as the browser would (its server-side SVG
 * rendering): labels and values formatted for the user's language, round gridlines, one bar per
 * label with its value, long labels cut.
 */
import { init } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import '#web/src/features/analytics/components/echart.tsx';
import {
  type ChartPoint,
  type ChartType,
  chartHeight,
  chartOption,
} from '#web/src/features/analytics/utils/chart.ts';
import { formattersFor, type Lang } from '#web/src/lib/i18n.ts';

const theme = {
  font: 'sans-serif',
  primary: '#1d4f91',
  primaryDark: '#163d70',
  text: '#1b2430',
  muted: '#4a5668',
  grid: '#d5dbe3',
};

/** The texts of the chart as drawn, in order (narrow no-break spaces as plain spaces). */
const drawnTexts = (type: ChartType, points: ChartPoint[], lang: Lang, width = 720): string[] => {
  const format = formattersFor(lang);
  const option = chartOption(
    type,
    points,
    { value: format.number, label: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? format.date(raw) : raw) },
    theme,
    width,
  );
  const chart = init(null, undefined, {
    renderer: 'svg',
    ssr: true,
    width,
    height: chartHeight(type, points.length),
  });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text = '']) =>
    text.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&').replace(/\s/g, ' '),
  );
};

describe('the result chart', () => {
  it('draws days in the date format of the language, and values with its thousands separator', () => {
    // Prepare
    const points = [
      { label: '2024-03-04', value: 2 },
      { label: '2024-03-05', value: 1500 },
      { label: '2024-03-06', value: 2 },
    ];

    // Act
    const french = drawnTexts('line', points, 'fr');
    const english = drawnTexts('line', points, 'en');

    // Assess
    expect(french).toEqual(['0', '500', '1 000', '1 500', '04/03/2024', '05/03/2024', '06/03/2024']);
    expect(english).toEqual(['0', '500', '1,000', '1,500', '04/03/2024', '05/03/2024', '06/03/2024']);
  });

  it('draws one bar per label, top down in the order of the result, with its value at its end', () => {
    // Prepare
    const points = [
      { label: '/ > /credit-immobilier', value: 3 },
      { label: '/', value: 1 },
      { label: '/ > /epargne > /livret-a > /assurance-vie > /credit-immobilier', value: 1 },
    ];

    // Act
    const texts = drawnTexts('bar', points, 'fr');

    // Assess: the labels (the longest cut), the value axis, then the value of each bar.
    expect(texts).toEqual([
      '/ > /credit-immobilier',
      '/',
      '/ > /epargne > /livret-a > /assur…',
      '0',
      '1',
      '2',
      '3',
      '3',
      '1',
      '1',
    ]);
  });

  it('leaves labels less room on a phone', () => {
    // Act
    const texts = drawnTexts('bar', [{ label: '/ > /epargne > /livret-a', value: 1 }], 'fr', 300);

    // Assess
    expect(texts[0]).toBe('/ > /epargne >…');
  });
});
