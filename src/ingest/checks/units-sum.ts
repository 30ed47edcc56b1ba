/**
 * A government's report that says its figures sum its units' reports ("汇总区政府 28 个部门和 14 个街镇")
 * against those of its units that are in the index (pure: rows in, warnings out). Units are the agencies
 * of the government's own place that are not governments themselves. Only a units' sum MORE than the
 * government's figure contradicts it: a smaller one is expected while units are missing from the index
 * (and the government's own office may add its cases). When the index holds more units of the place than
 * the claim counts, some are not among those summed and nothing is checked.
 */
import { METRIC_BY_KEY } from '../../catalogue/metrics.ts';
import { SUMMED_METRICS } from '../../catalogue/units-summed.ts';
import type { CheckedFigure, CheckedReport, CrossWarning } from './across-reports.ts';

export interface UnitsClaim {
  phrase: string;
  units: number | null;
  line: number;
}

export interface UnitReport extends CheckedReport {
  agency_id: number;
}

/** Reports listed by name in a warning at most; the rest are counted. */
const MAX_LISTED = 5;

const label = (metric: string) => METRIC_BY_KEY.get(metric)?.label ?? metric;
const cite = (r: CheckedReport, line: number) => `《${r.title}》（${r.file}）第${line}行`;

export function checkUnitsSum(gov: CheckedReport, claim: UnitsClaim, units: readonly UnitReport[], figures: readonly CheckedFigure[]): CrossWarning[] {
  const sameYear = units.filter((u) => u.year === gov.year && u.id !== gov.id);
  const agencies = new Set(sameYear.map((u) => u.agency_id));
  if (agencies.size === 0 || (claim.units !== null && agencies.size > claim.units)) return [];
  // The first printed place of each headline figure (table before prose), per report.
  const first = new Map<string, CheckedFigure>();
  for (const f of figures) {
    if (f.cell !== 'number' || f.value === null || f.cumulative || (f.applicant !== null && f.applicant !== 'total')) continue;
    const k = `${f.report_id}|${f.metric}`;
    if (!first.has(k)) first.set(k, f);
  }
  const coverage = claim.units === null ? `${agencies.size}个` : `${agencies.size}/${claim.units}个`;
  const out: CrossWarning[] = [];
  for (const metric of SUMMED_METRICS) {
    const g = first.get(`${gov.id}|${metric}`);
    if (!g) continue;
    // One value per unit: of two reports for one unit and year, the smaller (never a contradiction of our making).
    const perUnit = new Map<number, { report: UnitReport; fig: CheckedFigure }>();
    for (const u of sameYear) {
      const f = first.get(`${u.id}|${metric}`);
      const had = perUnit.get(u.agency_id);
      if (f && (!had || f.value! < had.fig.value!)) perUnit.set(u.agency_id, { report: u, fig: f });
    }
    const parts = [...perUnit.values()].sort((a, b) => b.fig.value! - a.fig.value! || a.report.id - b.report.id);
    const sum = parts.reduce((s, p) => s + p.fig.value!, 0);
    if (parts.length === 0 || sum <= g.value!) continue;
    const listed = parts.slice(0, MAX_LISTED).map((p) => `${cite(p.report, p.fig.line)}为 ${p.fig.value}`);
    const more = parts.length > MAX_LISTED ? `等${parts.length}份` : '';
    out.push({
      reportId: gov.id,
      report2Id: parts[0]!.report.id,
      code: 'cross.units_sum',
      message:
        `${label(metric)}：本报告称汇总${claim.phrase}（第${claim.line}行），但其中已收录的${coverage}单位的报告合计 ${sum}，` +
        `多于本报告的 ${g.value}（${cite(gov, g.line)}）：${listed.join('，')}${more}`,
      line: g.line,
      line2: parts[0]!.fig.line,
      metric,
    });
  }
  return out;
}
