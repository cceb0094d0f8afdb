import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface KpiBar {
  readonly employeeId: string;
  readonly accuracy: number | null;
  readonly satisfaction: number | null;
}

/** Accuracy (%) and satisfaction per employee as bars (ECharts, only the parts used). */
export function KpiChart({ bars, labels }: { readonly bars: readonly KpiBar[]; readonly labels: { readonly accuracy: string; readonly satisfaction: string; readonly title: string } }) {
  const option = {
    aria: { enabled: true, label: { description: labels.title } },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.accuracy, labels.satisfaction] },
    grid: { left: 48, right: 48, bottom: 32 },
    xAxis: { type: 'category', data: bars.map((bar) => bar.employeeId) },
    yAxis: [
      { type: 'value', min: 0, max: 100, name: '%' },
      { type: 'value', min: 0, max: 5 },
    ],
    series: [
      { name: labels.accuracy, type: 'bar', data: bars.map((bar) => (bar.accuracy === null ? null : Math.round(bar.accuracy * 1000) / 10)), itemStyle: { color: '#0b57d0' } },
      { name: labels.satisfaction, type: 'bar', yAxisIndex: 1, data: bars.map((bar) => bar.satisfaction), itemStyle: { color: '#1b7a33' } },
    ],
  };
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(option, { notMerge: true });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  });
  return <div ref={element} role="img" aria-label={labels.title} style={{ height: 320 }} />;
}
