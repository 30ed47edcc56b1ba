/**
 * The identities a correct 2019/2021 table satisfies (report-format.md §C, §D), checked on the stored
 * figures. Dash counts as 0; an identity touching a blank or undecided cell is skipped. One warning
 * per broken identity, naming every column that breaks it — not one per cell.
 */
import type { Figure, ReportWarning } from '../model.ts';
import { APPLICANTS, TABLE3_METRICS, TABLE4_GROUPS } from '../../catalogue/metrics.ts';
import { placeText } from '../text/document.ts';

type Lookup = (metric: string, applicant: string | null) => Figure | undefined;

const value = (f: Figure | undefined): number | null =>
  !f ? null : f.cell === 'dash' ? 0 : f.cell === 'number' ? f.value : null;

function lineRange(figs: Figure[]): string {
  const lines = figs.map((f) => f.source.line);
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  return lo === hi ? `第${lo}行` : `第${lo}–${hi}行`;
}

const label3 = (key: string) => TABLE3_METRICS.find((d) => d.key === key)?.label ?? key;

/** Leaf rows of 本年度办理结果 in the catalogue, and 其他处理's sub-rows among them (worked out once). */
const LEAF_KEYS = TABLE3_METRICS.map((d) => d.key).filter(
  (k) => k.startsWith('requests.result.') && k !== 'requests.result.total' && !TABLE3_METRICS.find((d) => d.key === k)?.derived,
);
const SUB_KEYS = LEAF_KEYS.filter((k) => k.startsWith('requests.result.other_handling.'));

/** Leaf rows of 本年度办理结果 present in the report (其他处理's sub-rows replace it when printed). */
function resultLeaves(has: (metric: string) => boolean): string[] {
  const withSub = SUB_KEYS.some(has);
  return LEAF_KEYS.filter((k) => (withSub ? k !== 'requests.result.other_handling' : !SUB_KEYS.includes(k)));
}

/** Table 三's applicant columns summed by its 总计. */
const PART_KEYS = APPLICANTS.filter((a) => a.key !== 'total').map((a) => a.key);

interface Failure {
  col: string;
  left: number;
  right: number;
}

function joinOthers(fails: Failure[]): string {
  return fails.map((f) => `${f.col}列 ${f.left}≠${f.right}`).join('，');
}

export function checkTable3(table: Figure[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  // Figures by metric, then applicant: a lookup builds no key string (this runs a few hundred times a report).
  const byKey = new Map<string, Map<string | null, Figure>>();
  for (const f of table) {
    let row = byKey.get(f.metric);
    if (!row) byKey.set(f.metric, (row = new Map()));
    row.set(f.applicant, f);
  }
  const get: Lookup = (m, a) => byKey.get(m)?.get(a);
  const rows = [...new Set(table.filter((f) => f.applicant !== null).map((f) => f.metric))];
  if (rows.length === 0) return warnings;

  // Row sums: 总计 = the six applicant columns.
  for (const metric of rows) {
    const total = get(metric, 'total');
    const parts = PART_KEYS.map((a) => get(metric, a));
    const tv = value(total);
    const pv = parts.map(value);
    if (tv === null || pv.some((v) => v === null) || parts.some((p) => !p)) continue;
    const sum = pv.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (sum === tv) continue;
    warnings.push({
      code: 'identity.row_sum',
      message: `表三“${label3(metric)}”行：总计 ${tv}（${placeText(total!.source)}）≠ 各申请人之和 ${sum}（${pv.join('+')}）`,
      line: total!.source.line,
      line2: null,
      metric,
    });
  }

  const rowSet = new Set(rows);
  const has = (m: string) => rowSet.has(m);
  const cols = APPLICANTS.map((a) => a.key);
  const colLabel = (c: string) => APPLICANTS.find((a) => a.key === c)!.label;

  // 一 + 二 = （七） + 四, per column.
  const balance: Failure[] = [];
  let balanceFigs: Figure[] = [];
  for (const c of cols) {
    const f = ['requests.new', 'requests.carried_over', 'requests.result.total', 'requests.carried_forward'].map((m) => get(m, c));
    const v = f.map(value);
    if (v.some((x) => x === null)) continue;
    const left = v[0]! + v[1]!;
    const right = v[2]! + v[3]!;
    if (left !== right) {
      balance.push({ col: colLabel(c), left, right });
      if (balanceFigs.length === 0 || c === 'total') balanceFigs = f as Figure[];
    }
  }
  if (balance.length > 0) {
    const [fNew, fPrev, fTot, fNext] = balanceFigs;
    const main = balance.find((b) => b.col === '总计') ?? balance[0];
    const others = balance.filter((b) => b !== main);
    warnings.push({
      code: 'identity.balance',
      message:
        `表三${main.col}列：新收 ${value(fNew)}（${placeText(fNew.source)}）+ 上年结转 ${value(fPrev)}（${placeText(fPrev.source)}）= ${main.left}，` +
        `≠ 办理结果总计 ${value(fTot)}（${placeText(fTot.source)}）+ 结转下年度 ${value(fNext)}（${placeText(fNext.source)}）= ${main.right}` +
        (others.length > 0 ? `；其他不符的列：${joinOthers(others)}` : ''),
      line: fNew.source.line,
      line2: fTot.source.line,
      metric: 'requests.result.total',
    });
  }

  // （七）总计 = sum of the leaf results, per column.
  const leaves = resultLeaves(has);
  if (has('requests.result.total') && leaves.every(has)) {
    const fails: (Failure & { total: Figure; leafFigs: Figure[] })[] = [];
    for (const c of cols) {
      const total = get('requests.result.total', c);
      const leafFigs = leaves.map((m) => get(m, c));
      const tv = value(total);
      const lv = leafFigs.map(value);
      if (tv === null || lv.some((x) => x === null)) continue;
      const sum = lv.reduce<number>((a, x) => a + (x ?? 0), 0);
      if (sum !== tv) fails.push({ col: colLabel(c), left: tv, right: sum, total: total!, leafFigs: leafFigs as Figure[] });
    }
    if (fails.length > 0) {
      const main = fails.find((f) => f.col === '总计') ?? fails[0];
      const others = fails.filter((f) => f !== main);
      warnings.push({
        code: 'identity.total_leaves',
        message:
          `表三（七）总计${main.col === '总计' ? '' : `（${main.col}列）`} ${main.left}（${placeText(main.total.source)}）≠ 各项办理结果之和 ${main.right}（${lineRange(main.leafFigs)}）` +
          (others.length > 0 ? `；其他不符的列：${joinOthers(others)}` : ''),
        line: main.total.source.line,
        line2: Math.min(...main.leafFigs.map((f) => f.source.line)),
        metric: 'requests.result.total',
      });
    }
  }
  return warnings;
}

export function checkTable4(table: Figure[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  const byKey = new Map(table.filter((f) => f.applicant === null).map((f) => [f.metric, f]));
  for (const g of TABLE4_GROUPS) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((k) => byKey.get(`${g.prefix}.${k}`));
    const total = byKey.get(`${g.prefix}.total`);
    const pv = parts.map(value);
    const tv = value(total);
    if (tv === null || pv.some((v) => v === null)) continue;
    const sum = pv.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (sum === tv) continue;
    warnings.push({
      code: 'identity.table4_total',
      message: `表四${g.label}：总计 ${tv}（${placeText(total!.source)}）≠ 结果维持、结果纠正、其他结果、尚未审结之和 ${sum}（${pv.join('+')}）`,
      line: total!.source.line,
      line2: null,
      metric: `${g.prefix}.total`,
    });
  }
  return warnings;
}
