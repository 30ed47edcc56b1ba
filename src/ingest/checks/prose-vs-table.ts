/**
 * Prose vs table (report-format.md §F): where the report's sentences and its tables state the same
 * figure differently, a careful reader reports both. Only exact prose figures are compared; "1000 余"
 * (approximate) never contradicts a table.
 */
import type { Figure, ReportWarning } from '../model.ts';
import { metricDef } from '../../catalogue/metrics.ts';

/** Short names for the figures prose most often restates. */
const SHORT_NAMES: Record<string, string> = {
  'requests.new': '本年新收申请',
  'requests.carried_over': '上年结转申请',
  'requests.result.total': '办理申请',
  'requests.carried_forward': '结转下年度申请',
  'review.total': '行政复议',
  'litigation.total': '行政诉讼',
};

/** The table side of a metric: table 三 rows compare on their 总计 column. */
const tableSide = (f: Figure) => f.origin === 'table' && (f.applicant === null || f.applicant === 'total');
const proseSide = (f: Figure) => f.origin === 'prose' && (f.applicant === null || f.applicant === 'total') && !f.approximate;

export function checkProseVsTable(figures: Figure[]): ReportWarning[] {
  const table = new Map<string, Figure>();
  for (const f of figures) if (tableSide(f) && f.cell === 'number' && !f.cumulative && !table.has(f.metric)) table.set(f.metric, f);
  const warnings: ReportWarning[] = [];
  const seen = new Set<string>();
  for (const p of figures) {
    if (!proseSide(p) || p.value === null || p.cumulative) continue;
    const t = table.get(p.metric);
    if (!t || t.value === null || t.value === p.value) continue;
    const key = `${p.metric}|${p.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = SHORT_NAMES[p.metric] ?? metricDef(p.metric)?.label ?? p.metric;
    warnings.push({
      code: 'prose_table_mismatch',
      message: `报告正文称${name}${p.value}${p.unit}（第${p.source.line}行），表格为${t.value}${t.unit}（第${t.source.line}行）`,
      line: p.source.line,
      line2: t.source.line,
      metric: p.metric,
    });
  }
  return warnings;
}
