/**
 * Checks across one agency's reports, as the offices that review them do (pure: rows in, warnings out).
 * Each warning names both reports (title and file) and both printed lines:
 * - cross.carry_over   this year's 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column;
 * - cross.in_force     2021 format: 现行有效件数 = last year's 现行有效 + 本年制发 − 本年废止;
 * - cross.cumulative   Fujian pre-2019: 历年累计 = last year's 历年累计 + 本年度;
 * - cross.conflict     two different reports for the same agency and year that disagree on a figure
 *                      (both are kept; answers show this warning with either).
 * - cross.units_sum    a government's report that says it sums its units' reports, against theirs
 *                      (src/ingest/checks/units-sum.ts).
 */
import { APPLICANTS, METRIC_BY_KEY } from '../../catalogue/metrics.ts';

export interface CheckedReport {
  id: number;
  year: number;
  file: string;
  title: string;
  format: string;
}

export interface CheckedFigure {
  report_id: number;
  metric: string;
  applicant: string | null;
  cumulative: number;
  value: number | null;
  cell: string;
  line: number;
}

export interface CrossWarning {
  reportId: number;
  report2Id: number;
  code: 'cross.carry_over' | 'cross.in_force' | 'cross.cumulative' | 'cross.conflict' | 'cross.units_sum';
  message: string;
  line: number;
  line2: number;
  metric: string;
}

/** Conflicts listed per pair of reports at most: beyond that the first ones say enough. */
const MAX_CONFLICTS_PER_PAIR = 20;
/** Regulations and normative documents: the three figures of table 二 (2021 format). */
const IN_FORCE = ['regulations', 'normative_docs'];

/** The figures the year-to-year checks read (besides every 历年累计 cell and its 本年度 twin). */
export const YEAR_TO_YEAR_METRICS: readonly string[] = [
  'requests.carried_over',
  'requests.carried_forward',
  ...IN_FORCE.flatMap((k) => [`${k}.in_force`, `${k}.issued`, `${k}.repealed`]),
];

const label = (metric: string) => METRIC_BY_KEY.get(metric)?.label ?? metric;
const column = (applicant: string | null) => (applicant && applicant !== 'total' ? `（${APPLICANTS.find((a) => a.key === applicant)?.label ?? applicant}）` : '');
const cite = (r: CheckedReport, line: number) => `《${r.title}》（${r.file}）第${line}行`;

type Key = string;
const keyOf = (metric: string, applicant: string | null, cumulative: number): Key => `${metric}|${applicant ?? ''}|${cumulative}`;

export function checkAcrossReports(reports: readonly CheckedReport[], figures: readonly CheckedFigure[]): CrossWarning[] {
  const byReport = new Map<number, Map<Key, CheckedFigure>>();
  for (const f of figures) {
    if (f.cell !== 'number' || f.value === null) continue;
    let m = byReport.get(f.report_id);
    if (!m) byReport.set(f.report_id, (m = new Map()));
    // The first printed place of a figure is the one to cite (table before prose: figures come in that order).
    const k = keyOf(f.metric, f.applicant, f.cumulative);
    if (!m.has(k)) m.set(k, f);
  }
  const get = (r: CheckedReport, metric: string, applicant: string | null, cumulative = 0) => byReport.get(r.id)?.get(keyOf(metric, applicant, cumulative));
  const out: CrossWarning[] = [];
  const sorted = [...reports].sort((a, b) => a.year - b.year || a.id - b.id);

  // Same year, different content: compare every figure both state.
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.year === sorted[i]!.year; j++) {
      const [a, b] = [sorted[i]!, sorted[j]!];
      const fa = byReport.get(a.id);
      const fb = byReport.get(b.id);
      if (!fa || !fb) continue;
      let n = 0;
      for (const [k, x] of fa) {
        const y = fb.get(k);
        if (!y || y.value === x.value || n >= MAX_CONFLICTS_PER_PAIR) continue;
        n++;
        const what = `${label(x.metric)}${column(x.applicant)}${x.cumulative ? '（历年累计）' : ''}`;
        const msg = (self: CheckedReport, sv: CheckedFigure, other: CheckedReport, ov: CheckedFigure) =>
          `同一单位${self.year}年有两份内容不同的报告，${what}不一致：${cite(self, sv.line)}为 ${sv.value}，${cite(other, ov.line)}为 ${ov.value}`;
        out.push({ reportId: b.id, report2Id: a.id, code: 'cross.conflict', message: msg(b, y, a, x), line: y.line, line2: x.line, metric: x.metric });
        out.push({ reportId: a.id, report2Id: b.id, code: 'cross.conflict', message: msg(a, x, b, y), line: x.line, line2: y.line, metric: x.metric });
      }
    }
  }

  // Year to year: each report against the previous year's (every report of that year, when there are two).
  for (const cur of sorted) {
    for (const prev of sorted.filter((r) => r.year === cur.year - 1)) {
      for (const a of APPLICANTS) {
        const now = get(cur, 'requests.carried_over', a.key);
        const before = get(prev, 'requests.carried_forward', a.key);
        if (now && before && now.value !== before.value) {
          out.push({
            reportId: cur.id,
            report2Id: prev.id,
            code: 'cross.carry_over',
            message: `上年结转${column(a.key)}与上一年报告的结转下年度继续办理不一致：${cite(cur, now.line)}为 ${now.value}，${cite(prev, before.line)}为 ${before.value}`,
            line: now.line,
            line2: before.line,
            metric: 'requests.carried_over',
          });
        }
      }
      if (cur.format === '2021') {
        for (const kind of IN_FORCE) {
          const inForce = get(cur, `${kind}.in_force`, null);
          const lastInForce = get(prev, `${kind}.in_force`, null);
          const issued = get(cur, `${kind}.issued`, null);
          const repealed = get(cur, `${kind}.repealed`, null);
          if (!inForce || !lastInForce || !issued || !repealed) continue;
          const expected = lastInForce.value! + issued.value! - repealed.value!;
          if (expected === inForce.value) continue;
          out.push({
            reportId: cur.id,
            report2Id: prev.id,
            code: 'cross.in_force',
            message:
              `${label(`${kind}.in_force`)} ${inForce.value}（${cite(cur, inForce.line)}）≠ 上一年的 ${lastInForce.value}（${cite(prev, lastInForce.line)}）` +
              ` + 本年制发 ${issued.value} − 本年废止 ${repealed.value} = ${expected}`,
            line: inForce.line,
            line2: lastInForce.line,
            metric: `${kind}.in_force`,
          });
        }
      }
      if (cur.format === 'pre-2019' && prev.format === 'pre-2019') {
        for (const total of byReport.get(cur.id)?.values() ?? []) {
          if (!total.cumulative) continue;
          const annual = get(cur, total.metric, total.applicant, 0);
          const lastTotal = get(prev, total.metric, total.applicant, 1);
          if (!annual || !lastTotal || lastTotal.value! + annual.value! === total.value) continue;
          out.push({
            reportId: cur.id,
            report2Id: prev.id,
            code: 'cross.cumulative',
            message:
              `${label(total.metric)} 历年累计 ${total.value}（${cite(cur, total.line)}）≠ 上一年的历年累计 ${lastTotal.value}（${cite(prev, lastTotal.line)}）` +
              ` + 本年度 ${annual.value}（第${annual.line}行）= ${lastTotal.value! + annual.value!}`,
            line: total.line,
            line2: lastTotal.line,
            metric: total.metric,
          });
        }
      }
    }
  }
  return out;
}
