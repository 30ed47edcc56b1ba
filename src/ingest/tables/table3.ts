/**
 * Table 三 — 收到和处理政府信息公开申请情况 (report-format.md §C): 23 or 25 rows × 7 applicant columns.
 * Rows are found by anchors; damaged rows (fused digits, one number missing) are read by the row
 * identity and then by the column identities of the whole table.
 */
import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';
import { APPLICANTS, TABLE3_METRICS } from '../../catalogue/metrics.ts';
import { scanRegion, type Region, type Token } from './cells.ts';
import { readDetached } from './columnwise.ts';
import { anchorRows, blankRow, exactCells, type RowSpec } from './anchors.ts';
import {
  readRow,
  settle,
  solveTable,
  sumsHold,
  identityValue,
  computeBlankTotals,
  describeReading,
  type ColumnEquation,
  type Reading,
  type Cell,
} from './fused.ts';
import { toFigure, citeLine, citePlace } from './figures.ts';
import type { StageOutput } from './tables.ts';

interface T3Spec extends RowSpec {
  /** A leaf of 三、本年度办理结果 (summed by （七）总计). */
  leaf: boolean;
}

const label = (key: string) => TABLE3_METRICS.find((d) => d.key === key)!.label;
const spec = (key: string, match: RegExp, leaf = true): T3Spec => ({ key, label: label(key), match, leaf });

/** In the order the national form prints them; each with a second key where misreads are common. */
export const TABLE3_ROWS: T3Spec[] = [
  spec('requests.new', /本年新收|新收政府信息/, false),
  spec('requests.carried_over', /上年结转/, false),
  // OCR misreads 予 as 于/子 ("于以公开").
  spec('requests.result.disclosed', /[予于子]以公开/),
  spec('requests.result.partial', /部分公开|区分处理/),
  spec('requests.result.withheld.state_secret', /国家秘密|属于国家秘/),
  spec('requests.result.withheld.law_prohibited', /其他法律|法规禁止|行政止公开/),
  spec('requests.result.withheld.three_safety', /三安全|一稳定/),
  spec('requests.result.withheld.third_party', /第三方|合法权益/),
  spec('requests.result.withheld.internal_affairs', /内部事务|三类内部/),
  spec('requests.result.withheld.process_info', /过程性|四类过程|过程信息/),
  spec('requests.result.withheld.enforcement_file', /执法案卷|行政执法案/),
  spec('requests.result.withheld.inquiry', /查询事项|行政查询/),
  spec('requests.result.unavailable.not_held', /不掌握|本机关不/),
  spec('requests.result.unavailable.needs_creation', /没有现成|另行制作/),
  spec('requests.result.unavailable.unclear', /补正后|仍不明确/),
  spec('requests.result.not_processed.petition', /信访|举报投诉类/),
  spec('requests.result.not_processed.repeated', /(?<!反复)重复申请/),
  spec('requests.result.not_processed.publication', /出版物|公开出版/),
  spec('requests.result.not_processed.mass_repeated', /大量反复|理由大量/),
  spec('requests.result.not_processed.confirmation', /确认或重新|重新出具|已获取信息/),
  spec('requests.result.other_handling', /其他处理/),
  spec('requests.result.other_handling.no_correction', /逾期不补正?|无正当理由逾期/),
  spec('requests.result.other_handling.no_fee', /收费通知|缴纳费用/),
  { ...spec('requests.result.other_handling.other', /(?:3[.、]|\(3\))其他(?!法律|处理|结果)/), after: ['requests.result.other_handling.no_fee', 'requests.result.other_handling.no_correction'] },
  // The third sub-row with its "3." lost ("…缴纳费用…申请 0 0 0 0 0 0 0 其他 0 0 0 0 0 0 0 （七）总计"):
  // "其他" right before （七）总计, after the 缴纳费用 row.
  { ...spec('requests.result.other_handling.other', /其他(?=\(?七\)?总计)/), after: ['requests.result.other_handling.no_fee'] },
  spec('requests.result.total', /\(七\)总计|七\)总计/, false),
  // A （七） printed without its ordinal: "总计" after the last result row (the header's 总计 is before).
  {
    ...spec('requests.result.total', /总计/, false),
    after: ['requests.result.other_handling.other', 'requests.result.other_handling', 'requests.result.not_processed.confirmation'],
  },
  spec('requests.carried_forward', /结转下年|继续办理/, false),
];

const OTHER_SUBROWS = new Set([
  'requests.result.other_handling.no_correction',
  'requests.result.other_handling.no_fee',
  'requests.result.other_handling.other',
]);

const COLS = APPLICANTS.length; // 6 applicant columns + 总计
const ROW_SUM = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];

/**
 * A tab row of six values and then an empty cell on the same line: the empty cell is its blank 总计
 * (not a missing number whose place is unknown).
 */
function withTrailingBlank(tokens: Token[], untrimmed: Token[]): Token[] {
  if (tokens.length !== COLS - 1) return tokens;
  const last = tokens[tokens.length - 1];
  const next = untrimmed[untrimmed.indexOf(last) + 1];
  return next && next.kind === 'blank' && next.line === last.line && last.celled ? [...tokens, next] : tokens;
}

/**
 * A table printed with its 总计 column left blank: rows whose numbers decide it ("20 7 — — — —": only a
 * missing 总计 fits) show it, and rows of one repeated value ("0 0 0 0 0 0", "—— × 6"), where any cell
 * could be the missing one, are read with the same blank 总计 (computed from its parts, as a blank cell
 * of a tab row is) rather than with an arbitrary cell marked missing. Only when no row prints a 总计. A
 * table of nothing but such rows gets the same reading: the values are the same wherever the blank is,
 * and the 总计 is the cell reports leave blank, so no cell is claimed printed that may not be.
 */
function blankTotalColumn(readings: Reading[][]): void {
  const TOTAL = COLS - 1;
  const missingAt = (r: Reading) => r.cells.flatMap((c, k) => (c.computed ? [k] : []));
  const uniform = (r: Reading) => r.cells.every((c) => c.kind === r.cells[0].kind && c.value === r.cells[0].value);
  const repeated: number[] = [];
  for (let i = 0; i < readings.length; i++) {
    const rr = readings[i];
    if (rr.length === 0) continue;
    if (rr.length === 1 && uniform(rr[0]) && missingAt(rr[0]).length === 1) {
      repeated.push(i);
      continue;
    }
    const total = rr.every((r) => missingAt(r).length === 1 && missingAt(r)[0] === TOTAL);
    if (!total && rr.some((r) => !r.cells[TOTAL].computed && r.cells[TOTAL].kind !== 'blank')) return; // a 总计 is printed
  }
  for (const i of repeated) {
    const r = readings[i][0];
    const printed = r.cells.find((c) => !c.computed)!;
    const cells = r.cells.map((c, k) => (k === TOTAL ? { ...printed, kind: 'blank' as const, value: null, raw: '' } : c.computed ? { ...printed } : c));
    readings[i] = [{ cells: computeBlankTotals(cells, ROW_SUM) }];
  }
}

/** True when the table's 其他处理 has the 2021 sub-rows. */
export function hasOtherHandlingSubrows(text: string): boolean {
  return /逾期不补正|缴纳费用|收费通知/.test(text);
}

/**
 * Per applicant column: 一 + 二 = （七） + 四, and （七） = the leaf results (only when every leaf row
 * of the format was found: a missing row would make a true table look broken).
 */
function columnEquations(found: T3Spec[], specs: T3Spec[]): ColumnEquation[] {
  const idx = (key: string) => found.findIndex((s) => s.key === key);
  const [iNew, iPrev, iTotal, iNext] = ['requests.new', 'requests.carried_over', 'requests.result.total', 'requests.carried_forward'].map(idx);
  const leaves = found.map((s, i) => (s.leaf ? i : -1)).filter((i) => i >= 0);
  const allLeaves = specs.filter((s) => s.leaf).length === leaves.length;
  const equations: ColumnEquation[] = [];
  for (let c = 0; c < COLS; c++) {
    if (iNew >= 0 && iPrev >= 0 && iTotal >= 0 && iNext >= 0) {
      equations.push({ left: [[iNew, c], [iPrev, c]], right: [[iTotal, c], [iNext, c]] });
    }
    if (iTotal >= 0 && allLeaves) equations.push({ left: [[iTotal, c]], right: leaves.map((l) => [l, c] as [number, number]) });
  }
  return equations;
}

/**
 * The table rebuilt from column-wise runs (see columnwise.ts), in the form's row order — accepted only
 * if it has exactly the form's rows and every row and column identity then holds.
 */
function tableFromColumns(doc: ReportDocument, region: Region, specs: T3Spec[]): StageOutput | null {
  const rows = readDetached(doc, region, COLS, specs.length);
  if (!rows || rows.length !== specs.length) return null;
  // The rows' order comes from the print structure; the identities below vouch for it.
  const readings: Reading[][] = rows.map((tokens) => readRow(tokens, COLS, ROW_SUM, { orderKnown: true }).readings);
  if (readings.some((r) => r.length !== 1 || !sumsHold(r[0].cells, ROW_SUM))) return null;
  const equations = columnEquations(specs, specs);
  const value = (row: number, col: number) => identityValue(readings[row][0].cells[col]);
  const holds = equations.every((eq) => {
    const side = (cells: [number, number][]) => cells.reduce<number | null>((a, [r, c]) => (a === null || value(r, c) === null ? null : a + value(r, c)!), 0);
    const l = side(eq.left);
    const r = side(eq.right);
    return l !== null && r !== null && l === r;
  });
  if (!holds) return null;
  const figures = specs.flatMap((spec, i) =>
    readings[i][0].cells.map((cell, k) =>
      toFigure(doc, { metric: spec.key, applicant: APPLICANTS[k].key, rowLabel: spec.label, colLabel: APPLICANTS[k].label }, cell),
    ),
  );
  const first = rows[0][0].line;
  const last = rows[rows.length - 1][COLS - 1].line;
  return {
    figures,
    warnings: [
      {
        code: 'table.reordered',
        message: `表三的数字在第${citeLine(doc, first)}–${citeLine(doc, last)}行与行名分离打印；已按表格的行序重排，每行总计与各列勾稽关系均核对无误。`,
        line: citeLine(doc, first),
        line2: null,
        metric: null,
      },
    ],
  };
}

export function parseTable3(doc: ReportDocument, start: number, end: number, _format: ReportFormat): StageOutput {
  const region = scanRegion(doc, start, end);
  const withSub = hasOtherHandlingSubrows(region.text);
  const specs = TABLE3_ROWS.filter((s) => (withSub ? s.key !== 'requests.result.other_handling' : !OTHER_SUBROWS.has(s.key)));
  // The form's rows, once each (a row may have a second, fallback spec).
  const form = specs.filter((s, i) => specs.findIndex((o) => o.key === s.key) === i);
  const rows = anchorRows(region, specs).map((r) => ({ ...r, tokens: blankRow(r, COLS) ?? exactCells(r, COLS) ?? withTrailingBlank(r.tokens, r.untrimmed) }));
  const warnings: ReportWarning[] = [];
  const figures: Figure[] = [];
  if (rows.length === 0) return { figures, warnings };

  const readings: Reading[][] = [];
  const capped: boolean[] = [];
  const disordered: boolean[] = [];
  for (const r of rows) {
    const rr = readRow(r.tokens, COLS, ROW_SUM);
    readings.push(rr.readings);
    capped.push(rr.capped);
    disordered.push(rr.disordered ?? false);
  }

  blankTotalColumn(readings);

  const equations = columnEquations(rows.map((r) => r.spec), form);
  // pdftotext raw output: rows printed column by column, away from their labels.
  const damaged = rows.length < form.length || readings.some((r) => r.length === 0);
  if (damaged) {
    const columnwise = tableFromColumns(doc, region, form);
    if (columnwise) return columnwise;
  }
  const solved = solveTable(readings, equations);

  const unread: string[] = [];
  rows.forEach((r, i) => {
    const kept = solved.kept[i];
    const fusedRaw = r.tokens.map((t) => t.raw).join(' ');
    const rowLine = r.tokens[0]?.line ?? r.line;
    if (r.tokens.length === 0) {
      unread.push(`“${r.spec.label}”（${citePlace(doc, r.line)}）`);
      return;
    }
    let cells: Cell[];
    if (kept.length === 0) {
      cells = Array.from({ length: COLS }, () => ({ kind: 'undecided' as const, value: null, raw: fusedRaw, line: rowLine, computed: false, unit: null }));
      warnings.push({
        code: capped[i] ? 'fused.ambiguous' : disordered[i] ? 'table.order_uncertain' : 'table.row_unreadable',
        message: capped[i]
          ? `表三“${r.spec.label}”${citePlace(doc, rowLine)}的数字“${fusedRaw}”可拆分的方式过多，无法确定各栏数值，未录入。`
          : disordered[i]
            ? `表三“${r.spec.label}”的7个数分散在第${citeLine(doc, rowLine)}–${citeLine(doc, r.tokens[r.tokens.length - 1].line)}行（“${fusedRaw}”），无法确认是本行按顺序打印的数字，未录入。`
            : `表三“${r.spec.label}”${citePlace(doc, rowLine)}读到${r.tokens.length}个数（“${fusedRaw}”），应为7个，且无法按勾稽关系补正，未录入。`,
        line: citeLine(doc, rowLine),
        line2: null,
        metric: r.spec.key,
      });
    } else {
      cells = settle(kept, fusedRaw, rowLine);
      const undecided = cells.filter((c) => c.kind === 'undecided').length;
      if (undecided > 0) {
        const options = kept.slice(0, 4).map(describeReading).join('，或 ');
        const sure = cells
          .map((c, k) => (c.kind !== 'undecided' ? `${APPLICANTS[k].label} ${c.kind === 'number' ? c.value : c.raw}` : null))
          .filter((s): s is string => s !== null);
        const missing = r.tokens.length < COLS && !r.tokens.some((t) => t.digits !== null && t.digits.length > 1);
        warnings.push({
          code: missing ? 'cells.missing' : 'fused.ambiguous',
          message:
            `表三“${r.spec.label}”${citePlace(doc, rowLine)}的数字“${fusedRaw}”` +
            (missing ? `少一个数，` : `粘连，`) +
            `按勾稽关系仍有多种读法：${options}${kept.length > 4 ? ' 等' : ''}。` +
            (sure.length > 0 ? `可确定的只有：${sure.join('、')}；` : '') +
            `其余${undecided}栏未录入。`,
          line: citeLine(doc, rowLine),
          line2: null,
          metric: r.spec.key,
        });
      }
    }
    cells.forEach((cell, k) => {
      figures.push(
        toFigure(doc, { metric: r.spec.key, applicant: APPLICANTS[k].key, rowLabel: r.spec.label, colLabel: APPLICANTS[k].label }, cell),
      );
    });
  });
  if (unread.length > 0) {
    warnings.push({
      code: 'table.row_unreadable',
      message: `表三以下各行未读到数字：${unread.join('、')}。`,
      line: citeLine(doc, rows.find((r) => r.tokens.length === 0)!.line),
      line2: null,
      metric: null,
    });
  }
  // Rows of the form not found at all: the checks then skip the identities that need them.
  const absent = form.filter((s) => !rows.some((r) => r.spec.key === s.key));
  if (absent.length > 0 && rows.length >= form.length / 2) {
    warnings.push({
      code: 'table.row_missing',
      message: `表三未找到以下行：${absent.map((s) => `“${s.label}”`).join('、')}；涉及这些行的勾稽关系未核对。`,
      line: citeLine(doc, rows[0].line),
      line2: null,
      metric: null,
    });
  }
  return { figures, warnings };
}

export type { Token };
