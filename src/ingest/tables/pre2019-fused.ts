/**
 * Rows of a pre-2019 statistics table whose values were squeezed into one digit run
 * ("主动公开信息数条4251516": 2011年度 425 | 历年累计 1516). Every split of the run is a reading; the
 * table's identities (a 其中 row's parts add up to it, in every column, and none exceeds it), 历年累计 ≥
 * the year's value and a figure the same report states in prose choose among them. What stays ambiguous is undecided —
 * never a guess. Pure; solving reuses fused.ts's whole-table search.
 */
import type { Figure } from '../model.ts';
import { identityValue, solveTable, settle, type Cell, type ColumnEquation, type Reading } from './fused.ts';

export interface FusedRowText {
  label: string;
  unit: string;
  /** What follows the unit, as printed: one digit run, or digit runs and dashes ("——", "12——"). */
  digits: string;
  /** Set when dashes stand among the values: the runs in order, each a dash run or a digit run. */
  runs?: string[];
}

const UNIT = '(?:万元|人次|条|件|元|次|个|人|项|篇)';
const DIGIT_RUN = '\\d+(?:\\.\\d+)?';
const DASH_RUN = '[—–]+';
/**
 * label (ending in a non-digit) · unit · one digit run right after it, nothing after that — or digit
 * runs and dashes: after a real unit, "——" is the row's empty cell ("万元——"), not a group row's mark
 * (a group row has no unit: "七、机构建设和保障经费情况——").
 */
const FUSED_ROW = new RegExp(`^(.*?[^\\d\\s—–])\\s*(${UNIT})((?:${DIGIT_RUN}|${DASH_RUN})+)$`, 'u');
const RUNS = new RegExp(`${DIGIT_RUN}|${DASH_RUN}`, 'gu');
const unclosed = (s: string) => (s.match(/[（(]/gu)?.length ?? 0) > (s.match(/[）)]/gu)?.length ?? 0);

/** A row printed as label, unit and a single digit run (or digit runs and dashes); null for anything else. */
export function fusedRowText(normLine: string): FusedRowText | null {
  const m = FUSED_ROW.exec(normLine.trim());
  // A label cut inside its note ("（不同渠道条5"): the number is the note's.
  if (!m || unclosed(m[1])) return null;
  const runs = m[3].match(RUNS)!;
  if (runs.length === 1 && /^\d/u.test(runs[0])) return { label: m[1].trim(), unit: m[2], digits: m[3] };
  return { label: m[1].trim(), unit: m[2], digits: m[3], runs };
}

/**
 * The readings of a squeezed row whose values include dashes, over `n` value columns. A digit run is
 * one cell here (never split next to a dash: too little is known); a dash run is one cell ("—", "——"),
 * or — when the row needs more cells — one per "——" pair or per character. Only readings with exactly
 * `n` cells; several distinct ones leave the cells they disagree on undecided.
 */
export function dashedReadings(runs: readonly string[], n: number, line: number): Reading[] {
  const options = runs.map((r): Cell[][] => {
    if (/^\d/u.test(r)) return [[cell(Number(r), r, line)]];
    const dash = (raw: string): Cell => ({ kind: 'dash', value: null, raw, line, computed: false, unit: null });
    const ways: Cell[][] = [[dash(r)]];
    if (r.length > 2 && r.length % 2 === 0 && /^(?:——)+$/u.test(r)) ways.push(Array.from({ length: r.length / 2 }, () => dash('——')));
    if (r.length > 1) ways.push([...r].map((ch) => dash(ch)));
    return ways;
  });
  const out: Reading[] = [];
  const rec = (k: number, acc: Cell[]): void => {
    if (acc.length > n || out.length > 16) return;
    if (k === options.length) {
      if (acc.length === n) out.push({ cells: acc });
      return;
    }
    for (const way of options[k]) rec(k + 1, [...acc, ...way]);
  };
  rec(0, []);
  // The same cells reached two ways ("—" as one cell or as its one character) are one reading.
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = r.cells.map((c) => (c.kind === 'dash' ? '—' : String(c.value))).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const validNumber = (s: string) => /^(?:0|[1-9]\d*)(?:\.\d+)?$/u.test(s);

/**
 * Every reading of a run over `n` value columns. With a 历年累计 column after the year's, the
 * cumulative value is never below the year's. More than two columns: none (not split here).
 */
export function splitRun(digits: string, n: number, cumulative: readonly boolean[]): number[][] {
  if (n === 1) return validNumber(digits) ? [[Number(digits)]] : [];
  // An amount with decimals ("万元2.5") is one value: with two columns it cannot be split.
  if (n !== 2 || digits.includes('.')) return [];
  const out: number[][] = [];
  for (let k = 1; k < digits.length; k++) {
    const a = digits.slice(0, k);
    const b = digits.slice(k);
    if (!validNumber(a) || !validNumber(b)) continue;
    if (cumulative[1] && !cumulative[0] && Number(b) < Number(a)) continue;
    out.push([Number(a), Number(b)]);
  }
  return out;
}

export interface TableRowReadings {
  key: string;
  label: string;
  /** 0-based doc line of the row. */
  line: number;
  /** One reading for a row printed cell by cell; every split for a fused one (cells: value columns). */
  readings: Reading[];
  fused: boolean;
}

const ORDINAL_LABEL = /^(?:其中\s*[:：]?\s*)?\d{1,2}\s*[.、．]/u;
const PARTS_START = /^其中/u;

function cell(value: number, raw: string, line: number): Cell {
  return { kind: 'number', value, raw, line, computed: false, unit: null };
}

export function fusedReadings(digits: string, n: number, cumulative: readonly boolean[], line: number): Reading[] {
  return splitRun(digits, n, cumulative).map((vals) => ({ cells: vals.map((v) => cell(v, String(v), line)) }));
}

/** A 其中 block: the row above and its numbered parts (row indices). */
interface PartsBlock {
  whole: number;
  parts: number[];
}

function partsBlocks(rows: readonly TableRowReadings[]): PartsBlock[] {
  const blocks: PartsBlock[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    if (ORDINAL_LABEL.test(rows[i].label) || !PARTS_START.test(rows[i + 1].label)) continue;
    const parts: number[] = [];
    for (let j = i + 1; j < rows.length && ORDINAL_LABEL.test(rows[j].label); j++) parts.push(j);
    if (parts.length > 0) blocks.push({ whole: i, parts });
  }
  return blocks;
}

/**
 * The row above each 其中 block is the sum of its numbered parts, column by column. One list of
 * equations per block — a block that contradicts itself must not stop the others from being solved.
 */
function equationsOf(block: PartsBlock, nCols: number): ColumnEquation[] {
  const eqs: ColumnEquation[] = [];
  for (let c = 0; c < nCols; c++) eqs.push({ left: [[block.whole, c]], right: block.parts.map((j) => [j, c] as [number, number]) });
  return eqs;
}

interface Bound {
  whole: number;
  reading: Reading;
}

/** Every equation holds with each row read its one remaining way (false when any row has more or none). */
function holdsAsRead(readings: Reading[][], eqs: ColumnEquation[]): boolean {
  const at = ([r, c]: [number, number]) => (readings[r].length === 1 ? identityValue(readings[r][0].cells[c]) : null);
  return eqs.every((eq) => {
    const sides = [eq.left, eq.right].map((side) => side.map(at));
    if (sides.some((vals) => vals.some((v) => v === null))) return true;
    const [l, r] = sides.map((vals) => vals.reduce<number>((a, v) => a + v!, 0));
    return l === r;
  });
}

/**
 * A part is never more than its whole, in any column. Reports whose parts do not add up (网站 1713 +
 * 公报 0 of 主动公开 1853: the rest went unnamed) still obey this, so it narrows a fused part's readings
 * where the sum cannot ("17135017" under 1853 | 5395 is 1713 | 5017 only). Used when the whole is read
 * one way; a bound nothing satisfies decides nothing.
 */
function withinWhole(readings: Reading[][], block: PartsBlock, bounded: Map<number, Bound>): Reading[][] {
  const whole = readings[block.whole];
  if (whole.length !== 1) return readings;
  const out = readings.slice();
  for (const j of block.parts) {
    if (out[j].length < 2) continue;
    const fits = out[j].filter((r) =>
      r.cells.every((c, k) => {
        const part = identityValue(c);
        const bound = whole[0].cells[k] ? identityValue(whole[0].cells[k]) : null;
        return part === null || bound === null || part <= bound;
      }),
    );
    if (fits.length > 0 && fits.length < out[j].length) {
      out[j] = fits;
      bounded.set(j, { whole: block.whole, reading: whole[0] });
    }
  }
  return out;
}

/**
 * The readings a prose figure of the same key keeps: those whose year's value the sentence states.
 * Only when exactly one reading is named (the prose may disagree with the table: then it decides nothing).
 */
function byProse(row: TableRowReadings, prose: readonly Figure[], yearCol: number): Reading[] {
  if (row.readings.length < 2 || yearCol < 0) return row.readings;
  const said = new Set(prose.filter((f) => f.metric === row.key && !f.cumulative && f.value !== null).map((f) => f.value));
  const named = row.readings.filter((r) => said.has(r.cells[yearCol].value));
  return named.length === 1 ? named : row.readings;
}

export interface SolvedRow {
  row: TableRowReadings;
  /** Per value column: the decided cell, or undecided. */
  cells: Cell[];
  /** The readings left when undecided cells remain (for the warning). */
  left: Reading[];
  /**
   * Set when only "no part exceeds its whole" decided the row, its block's parts not adding up to the
   * whole: the row it was bounded by (the report's parts leave something out, or it is wrong).
   */
  boundedBy?: { row: TableRowReadings; reading: Reading };
}

/** Solve a statistics table's fused rows as a whole. Rows printed cell by cell take part as they are. */
export function solveStatsTable(rows: readonly TableRowReadings[], nCols: number, cumulative: readonly boolean[], prose: readonly Figure[]): SolvedRow[] {
  const yearCol = cumulative.findIndex((c) => !c);
  let narrowed = rows.map((r) => (r.fused ? byProse(r, prose, yearCol) : r.readings));
  const blocks = partsBlocks(rows);
  const bounded = new Map<number, Bound>();
  for (const block of blocks) narrowed = withinWhole(narrowed, block, bounded);
  const kept = narrowed.map((r) => r);
  const summed = new Set<number>();
  for (const block of blocks) {
    const eqs = equationsOf(block, nCols);
    const inBlock = new Set([block.whole, ...block.parts]);
    // Rows outside the block are fixed to no reading so that only this block's rows vary.
    const solution = solveTable(narrowed.map((r, i) => (inBlock.has(i) ? r : [])), eqs);
    for (const i of inBlock) kept[i] = solution.kept[i];
    if (solution.usedColumns || holdsAsRead(kept, eqs)) for (const i of inBlock) summed.add(i);
  }
  return rows.flatMap((row, i): SolvedRow[] => {
    if (!row.fused) return [];
    const left = kept[i];
    if (left.length === 0) return [{ row, cells: [], left }];
    const by = bounded.get(i);
    return [{ row, cells: settle(left, '', row.line), left, ...(by && !summed.has(i) ? { boundedBy: { row: rows[by.whole], reading: by.reading } } : {}) }];
  });
}
