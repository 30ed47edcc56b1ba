/**
 * Charts drawn on the server as SVG by ECharts (its SSR renderer: no browser, no script on the page).
 * Served as their own image/svg+xml responses and shown with <img>, so the pages keep a CSP without inline
 * styles and a chart is never a place where report text could run. Labels are ECharts-escaped text.
 */
import * as echarts from 'echarts';

// Single quotes: ECharts writes the family into a double-quoted style attribute unescaped.
const FONT = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

function render(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface Series {
  name: string;
  /** null: the report does not give it (a gap in the line, not a zero). */
  values: Array<number | null>;
}

/** Year-by-year lines, one per figure. */
export function trendChart(title: string, years: number[], series: Series[], width = 720, height = 340): string {
  return render(width, height, {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 44, bottom: 56 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: false, label: { show: true }, symbolSize: 7 })),
  });
}

/** Horizontal bars, largest on top. */
export function barChart(title: string, labels: string[], values: number[], unit: string, width = 720): string {
  const height = Math.max(160, 70 + labels.length * 28);
  return render(width, height, {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 8, right: 56, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: unit },
    yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [{ type: 'bar', data: [...values].reverse(), label: { show: true, position: 'right' }, itemStyle: { color: '#0b57d0' } }],
  });
}
