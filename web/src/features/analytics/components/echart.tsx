/**
 * ECharts in React, with only what the analyst screen draws (line and bar charts on a grid,
 * tooltips, SVG output): the rest of ECharts stays out of the bundle.
 *
 * The chart is made when the element mounts, takes each new option whole, follows the size of
 * its element (a phone turned, a sidebar closed) and is disposed of on unmount. It is one image
 * to assistive technology, named by `label`: the screen shows its figures in a table too.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from '#web/src/features/analytics/utils/chart.ts';

use([LineChart, BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type EChartProps = {
  option: ChartOption;
  /** In CSS pixels; the width is the element's. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** The id of what else describes it (a note, where to find the figures). */
  describedBy?: string;
};

export const EChart = ({ option, height, label, describedBy }: EChartProps) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      className="echart"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      style={{ height }}
    />
  );
};
