/**
 * Prose vs table (report-format.md §F): where the report's sentences and its tables state the same
 * figure differently, a careful reader reports both. Only exact prose figures are compared; "1000 余"
 * (approximate) never contradicts a table. A figure the table holds only as parts (行政诉讼 = the two
 * 总计s; 不予公开 = its eight reasons) is compared with the sum of the parts.
 */
import type { Figure, ReportWarning } from '../model.ts';
import { FORMULAS, childrenOf, metricDef } from '../../catalogue/metrics.ts';
import { placeText } from '../text/document.ts';

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
const tableSide = (f: Figure) => f.origin === 'table' && (f.applicant === null || f.applicant === 'total') && !f.cumulative;
const proseSide = (f: Figure) => f.origin === 'prose' && (f.applicant === null || f.applicant === 'total') && !f.approximate && !f.cumulative;

interface TableValue {
  value: number;
  unit: string;
  lines: number[];
  /** Where the cells are, as citations say it (第355行第11837字起 inside a long line). */
  places: string[];
  summed: boolean;
}

function tableValue(metric: string, table: Map<string, Figure>): TableValue | null {
  const direct = table.get(metric);
  if (direct) return direct.cell === 'number' ? { value: direct.value!, unit: direct.unit, lines: [direct.source.line], places: [placeText(direct.source)], summed: false } : null;
  const children = childrenOf(metric).map((d) => d.key);
  const parts = FORMULAS[metric] ?? (metricDef(metric)?.derived || children.some((k) => table.has(k)) ? children : null);
  if (!parts || parts.length === 0) return null;
  const figs = parts.map((k) => table.get(k));
  // Every part printed (dash = 0); a blank or undecided part makes the sum unknown.
  if (figs.some((f) => !f || (f.cell !== 'number' && f.cell !== 'dash'))) return null;
  const value = figs.reduce((a, f) => a + (f!.cell === 'number' ? f!.value! : 0), 0);
  return { value, unit: figs[0]!.unit, lines: [...new Set(figs.map((f) => f!.source.line))], places: [...new Set(figs.map((f) => placeText(f!.source)))], summed: true };
}

export function checkProseVsTable(figures: Figure[]): ReportWarning[] {
  const table = new Map<string, Figure>();
  for (const f of figures) if (tableSide(f) && !table.has(f.metric)) table.set(f.metric, f);
  const warnings: ReportWarning[] = [];
  const seen = new Set<string>();
  for (const p of figures) {
    if (!proseSide(p) || p.value === null) continue;
    const t = tableValue(p.metric, table);
    if (!t || t.value === p.value) continue;
    const key = `${p.metric}|${p.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = SHORT_NAMES[p.metric] ?? metricDef(p.metric)?.label ?? p.metric;
    const where =
      t.places.length <= 2
        ? t.places.join('、')
        : t.lines.length > 1
          ? `第${Math.min(...t.lines)}–${Math.max(...t.lines)}行`
          : `${t.places[0]}等${t.places.length}处`;
    warnings.push({
      code: 'prose_table_mismatch',
      message: `报告正文称${name}${p.value}${p.unit}（${placeText(p.source)}），表格${t.summed ? '各项合计' : ''}为${t.value}${t.unit}（${where}）`,
      line: p.source.line,
      line2: t.lines[0],
      metric: p.metric,
    });
  }
  return warnings;
}
