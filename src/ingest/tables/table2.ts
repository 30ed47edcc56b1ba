/**
 * Table 二 — 主动公开政府信息情况 (report-format.md §A, §B). Its rows are the same words in both
 * formats; its columns are not, so the columns come from the format. Table 二 has no identities: a
 * row whose values cannot be matched to its columns one to one is left undecided.
 */
import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';
import { scanRegion, type Region, type Token } from './cells.ts';
import { anchorRows, blankRow, exactCells, trimBlanks, type RowSpec } from './anchors.ts';
import { readRow, settle, describeReading, tokenCell, type Cell, type Reading } from './fused.ts';
import { toFigure, citeLine, citePlace } from './figures.ts';
import type { StageOutput } from './tables.ts';

interface Column {
  /** Metric key suffix ("made" → "regulations.made"). */
  suffix: string;
  label: string;
  /** When the header prints a unit for this column. */
  unitIf?: { re: RegExp; unit: string };
}

interface T2Row extends RowSpec {
  /** Metric key prefix ("regulations"). */
  prefix: string;
  columns: Column[];
}

const C = (suffix: string, label: string, unitIf?: Column['unitIf']): Column => ({ suffix, label, unitIf });
const WAN = (head: string) => ({ re: new RegExp(`${head}\\(?(单位[:：])?万元`), unit: '万元' });

const DOCS_2019 = [C('made', '本年新制作数量'), C('published', '本年新公开数量'), C('public_total', '对外公开总数量')];
const DOCS_2021 = [C('issued', '本年制发件数'), C('repealed', '本年废止件数'), C('in_force', '现行有效件数')];
const ITEMS_2019 = [C('prev_items', '上一年项目数量'), C('change', '本年增/减'), C('decisions', '处理决定数量')];
const DECISIONS_2021 = [C('decisions', '本年处理决定数量')];

const row = (prefix: string, label: string, match: RegExp, columns: Column[]): T2Row => ({
  key: prefix,
  prefix,
  label,
  match,
  columns,
});

/** Rows per format, in printed order. */
export const TABLE2_ROWS: Record<'2019' | '2021', T2Row[]> = {
  '2019': [
    row('regulations', '规章', /规章/, DOCS_2019),
    row('normative_docs', '规范性文件', /(行政)?规范性文件/, DOCS_2019),
    row('licensing', '行政许可', /行政许可/, ITEMS_2019),
    row('other_services', '其他对外管理服务事项', /其他对外管理服务/, ITEMS_2019),
    row('penalty', '行政处罚', /行政处罚/, ITEMS_2019),
    row('coercion', '行政强制', /行政强制/, ITEMS_2019),
    row('fees', '行政事业性收费', /行政事业性收费/, ITEMS_2019.slice(0, 2)),
    row('procurement', '政府集中采购', /政府集中采购/, [
      C('projects', '采购项目数量'),
      C('amount', '采购总金额', WAN('采购总金额')),
    ]),
  ],
  '2021': [
    row('regulations', '规章', /规章/, DOCS_2021),
    row('normative_docs', '行政规范性文件', /(行政)?规范性文件/, DOCS_2021),
    row('licensing', '行政许可', /行政许可/, DECISIONS_2021),
    row('penalty', '行政处罚', /行政处罚/, DECISIONS_2021),
    row('coercion', '行政强制', /行政强制/, DECISIONS_2021),
    row('fees', '行政事业性收费', /行政事业性收费/, [C('amount', '本年收费金额', WAN('收费金额'))]),
  ],
};

/** Tokens printed together right after a label (no label text between them). */
function leadingGroup(tokens: Token[]): Token[] {
  const values = tokens.filter((t) => t.kind !== 'blank');
  if (values.length === 0) return [];
  const pos = values[0].pos;
  return trimBlanks(tokens.filter((t) => t.pos === pos));
}

/**
 * What is certain in "A-B" (a lone "-" between digits) of a row with 本年增/减: with two cells the "-"
 * cannot be a cell of its own, so the row is A | −B; with three, A is the first cell either way (A | — | B
 * or A | −B₁ | B₂) and the rest stays undecided. Null for any other shape.
 */
function minusCells(tokens: Token[], n: number, raw: string, line: number): Cell[] | null {
  if (tokens.length !== 3 || tokens[0].kind !== 'number' || !tokens[1].fusedMinus || tokens[2].kind !== 'number' || tokens[2].value === null) return null;
  const a: Cell = { kind: 'number', value: tokens[0].value, raw: tokens[0].raw, line: tokens[0].line, computed: false, unit: null };
  const undecided: Cell = { kind: 'undecided', value: null, raw, line, computed: false, unit: null };
  if (n === 2) return [a, { kind: 'number', value: -tokens[2].value, raw: `-${tokens[2].raw}`, line: tokens[2].line, computed: false, unit: null }];
  if (n === 3) return [a, undecided, { ...undecided }];
  return null;
}

/**
 * The readings of a squeezed row that agree with what the report's sentences state for its cells
 * ("废止规范性文件6件，制定规范性文件15件" keeps 15·6·21 of "15621"). A cell the prose does not state
 * constrains nothing; when no reading agrees (the prose contradicts the table) the prose decides
 * nothing, and the prose-vs-table check reports the disagreement.
 */
function byProse(readings: Reading[], metrics: string[], prose: readonly Figure[]): Reading[] {
  if (readings.length < 2) return readings;
  const said = metrics.map((m) => new Set(prose.filter((f) => f.metric === m && f.origin === 'prose' && !f.approximate && !f.cumulative && f.value !== null).map((f) => f.value)));
  if (said.every((s) => s.size === 0)) return readings;
  const kept = readings.filter((r) => r.cells.every((c, k) => said[k].size === 0 || (c.kind === 'number' && said[k].has(c.value))));
  return kept.length > 0 ? kept : readings;
}

/** A printed sign ("增9", "减 4", "+41", "-26") opens the 本年增/减 cell: nothing else in table 二 is signed. */
const SIGN_RE = /^(增|减|\+|-)\s*(\d+)$/u;

/**
 * Readings of a squeezed 2019 row whose 本年增/减 carries a printed sign ("272+602376", "30增90"). The sign
 * fixes where that cell starts: what precedes it is 上一年项目数量 as printed (never split), and the signed
 * run holds 本年增/减 and then 处理决定数量 — every split with no leading zero is a reading ("+60·2376",
 * "+602·376" …), so only a run with one such split decides both. Null when the row has no signed token
 * or another shape.
 */
function signedReadings(tokens: Token[], n: number, changeAt: number): Reading[] | null {
  const s = tokens.findIndex((t) => t.kind === 'number' && SIGN_RE.test(t.raw.trim()));
  if (s < 0 || s !== changeAt || tokens.length > n) return null;
  const before = tokens.slice(0, s).map(tokenCell);
  const after = tokens.slice(s + 1).map(tokenCell);
  const t = tokens[s];
  const m = SIGN_RE.exec(t.raw.trim())!;
  const negative = m[1] === '减' || m[1] === '-';
  const cell = (digits: string, raw: string, signedCell: boolean): Cell => ({
    kind: 'number',
    value: signedCell && negative ? -Number(digits) : Number(digits),
    raw,
    line: t.line,
    computed: false,
    unit: null,
  });
  const rest = n - s - 1;
  if (after.length === rest) return [{ cells: [...before, tokenCell(t), ...after] }];
  if (after.length !== 0 || rest !== 1) return null;
  const digits = m[2];
  const readings: Reading[] = [];
  for (let len = 1; len < digits.length; len++) {
    const change = digits.slice(0, len);
    const decisions = digits.slice(len);
    if ((change.length > 1 && change[0] === '0') || (decisions.length > 1 && decisions[0] === '0')) continue;
    readings.push({ cells: [...before, cell(change, `${m[1]}${change}`, true), cell(decisions, decisions, false)] });
  }
  return readings;
}

/** `prose`: the figures the report's sentences state, used only to choose among a squeezed row's readings. */
export function parseTable2(doc: ReportDocument, start: number, end: number, format: '2019' | '2021', prose: readonly Figure[] = []): StageOutput {
  const region: Region = scanRegion(doc, start, end, () => true, true);
  const specs = TABLE2_ROWS[format];
  const rows = anchorRows(region, specs);
  const figures: Figure[] = [];
  const warnings: ReportWarning[] = [];
  const claimed = new Set<Token>();
  const groups = rows.map((r) => {
    const g = exactCells(r, r.spec.columns.length) ?? leadingGroup(r.tokens);
    g.forEach((t) => claimed.add(t));
    return g;
  });
  rows.forEach((r, i) => {
    let tokens = groups[i];
    // pdftotext raw output prints a one-row block's value before its label ("550" / "行政许可"):
    // take the unclaimed values just before the label when they are exactly the row's cells.
    if (tokens.length === 0) {
      const prevPos = i > 0 ? rows[i - 1].pos : -1;
      const before = region.tokens.filter((t) => t.pos > prevPos && t.pos <= r.pos && !claimed.has(t) && t.kind !== 'blank');
      const lastPos = before[before.length - 1]?.pos;
      const group = before.filter((t) => t.pos === lastPos);
      if (group.length === r.spec.columns.length) tokens = group;
    }
    const n = r.spec.columns.length;
    if (tokens.length === 0) tokens = blankRow(r, n) ?? [];
    if (tokens.length === 0) return;
    // More numbers on the row's line after its first group ("120 (3) 4521" with the middle cell not
    // read as a value): the group is not the whole row, so its digits must not be split to fill it.
    const strays = tokens.length < n && r.tokens.some((t) => t.kind === 'number' && !tokens.includes(t) && t.line === tokens[0]?.line);
    // "88-720" in a row with 本年增/减: 88 | — | 720, or 88 | −72 | 0, or 88 | −7 | 20 … not decidable.
    const minus = tokens.some((t) => t.fusedMinus);
    const changeAt = r.spec.columns.findIndex((c) => c.suffix === 'change');
    const signed = !strays && !minus && tokens.length < n && changeAt >= 0 ? signedReadings(tokens, n, changeAt) : null;
    const read = signed ? { readings: signed } : strays || minus ? { readings: [] } : readRow(tokens, n, []);
    const rr = { readings: byProse(read.readings, r.spec.columns.map((c) => `${r.spec.prefix}.${c.suffix}`), prose) };
    // "12——" over three cells read two ways (12 | — | — or 1 | 2 | ——).
    const dashPairs = tokens.length === n && tokens.some((t) => t.joinsNext) && rr.readings.length > 1;
    const shown = strays ? r.tokens.filter((t) => t.kind !== 'blank') : tokens;
    const raw = shown.map((t) => t.raw).join(' ');
    const line = tokens[0].line;
    const cells = rr.readings.length > 0 ? settle(rr.readings, raw, line) : minus ? minusCells(tokens, n, raw, line) : null;
    if (!cells || cells.some((c) => c.kind === 'undecided')) {
      const options = rr.readings.slice(0, 4).map(describeReading).join('，或 ');
      warnings.push({
        code: !strays && tokens.some((t) => (t.digits?.length ?? 0) > 1) && (tokens.length < n || dashPairs) ? 'fused.ambiguous' : 'table.row_unreadable',
        message:
          (minus
            ? `表二“${r.spec.label}”${citePlace(doc, line)}的“${raw.replace(/ /gu, '')}”中的“-”可能是空栏（—），也可能是下一个数的负号，不能确定各栏`
            : dashPairs
            ? `表二“${r.spec.label}”${citePlace(doc, line)}的“${raw.replace(/ /gu, '')}”中相连的“—”可能各占一栏，也可能两个合为一栏（“——”），连在一起的数字也就可能分属几栏`
            : strays
            ? `表二“${r.spec.label}”${citePlace(doc, line)}的数（“${raw}”）有的夹在无法识读的文字之间，不能确定各在哪一栏`
            : `表二“${r.spec.label}”${citePlace(doc, line)}读到${tokens.length}个数（“${raw}”），应为${n}个`) +
          (options ? `，可能读作 ${options}${rr.readings.length > 4 ? ' 等' : ''}` : '') +
          `；本表没有勾稽关系可据以判断，无法确定的栏未录入。`,
        line: citeLine(doc, line),
        line2: null,
        metric: `${r.spec.prefix}.${r.spec.columns[0].suffix}`,
      });
    }
    r.spec.columns.forEach((col, k) => {
      const cell = cells?.[k] ?? { kind: 'undecided' as const, value: null, raw, line, computed: false, unit: null };
      const columnUnit = col.unitIf && col.unitIf.re.test(region.text) ? col.unitIf.unit : null;
      figures.push(
        toFigure(doc, { metric: `${r.spec.prefix}.${col.suffix}`, applicant: null, rowLabel: r.spec.label, colLabel: col.label, columnUnit }, cell),
      );
    });
  });
  return { figures, warnings };
}

export type { ReportFormat };
