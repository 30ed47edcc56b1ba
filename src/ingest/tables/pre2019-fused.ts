/**
 * Rows of a pre-2019 statistics table whose values were squeezed into one digit run
 * ("主动公开信息数条4251516": 2011年度 425 | 历年累计 1516). Every split of the run is a reading; the
 * table's identities (a 其中 row's parts add up to it, in every column), 历年累计 ≥ the year's value
 * and a figure the same report states in prose choose among them. What stays ambiguous is undecided —
 * never a guess. Pure; solving reuses fused.ts's whole-table search.
 */
import type { Figure } from '../model.ts';
import { solveTable, settle, type Cell, type ColumnEquation, type Reading } from './fused.ts';

export interface FusedRowText {
  label: string;
  unit: string;
  digits: string;
}

const UNIT = '(?:万元|人次|条|件|元|次|个|人|项|篇)';
/** label (ending in a non-digit) · unit · one digit run right after it, nothing after that. */
const FUSED_ROW = new RegExp(`^(.*?[^\\d\\s])\\s*(${UNIT})(\\d+(?:\\.\\d+)?)$`, 'u');
const unclosed = (s: string) => (s.match(/[（(]/gu)?.length ?? 0) > (s.match(/[）)]/gu)?.length ?? 0);

/** A row printed as label, unit and a single digit run; null for anything else. */
export function fusedRowText(normLine: string): FusedRowText | null {
  const m = FUSED_ROW.exec(normLine.trim());
  // A label cut inside its note ("（不同渠道条5"): the number is the note's.
  if (!m || unclosed(m[1])) return null;
  return { label: m[1].trim(), unit: m[2], digits: m[3] };
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

/**
 * The 其中 blocks: the row above each is the sum of its numbered parts, column by column. One list of
 * equations per block — a block that contradicts itself must not stop the others from being solved.
 */
function blocksOf(rows: readonly TableRowReadings[], nCols: number): ColumnEquation[][] {
  const blocks: ColumnEquation[][] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    if (ORDINAL_LABEL.test(rows[i].label) || !PARTS_START.test(rows[i + 1].label)) continue;
    const parts: number[] = [];
    for (let j = i + 1; j < rows.length && ORDINAL_LABEL.test(rows[j].label); j++) parts.push(j);
    if (parts.length === 0) continue;
    const eqs: ColumnEquation[] = [];
    for (let c = 0; c < nCols; c++) eqs.push({ left: [[i, c]], right: parts.map((j) => [j, c] as [number, number]) });
    blocks.push(eqs);
  }
  return blocks;
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
}

/** Solve a statistics table's fused rows as a whole. Rows printed cell by cell take part as they are. */
export function solveStatsTable(rows: readonly TableRowReadings[], nCols: number, cumulative: readonly boolean[], prose: readonly Figure[]): SolvedRow[] {
  const yearCol = cumulative.findIndex((c) => !c);
  const narrowed = rows.map((r) => (r.fused ? byProse(r, prose, yearCol) : r.readings));
  const kept = narrowed.map((r) => r);
  for (const eqs of blocksOf(rows, nCols)) {
    const inBlock = new Set(eqs.flatMap((eq) => [...eq.left, ...eq.right].map(([r]) => r)));
    // Rows outside the block are fixed to no reading so that only this block's rows vary.
    const solution = solveTable(narrowed.map((r, i) => (inBlock.has(i) ? r : [])), eqs);
    for (const i of inBlock) kept[i] = solution.kept[i];
  }
  return rows.flatMap((row, i): SolvedRow[] => {
    if (!row.fused) return [];
    const left = kept[i];
    if (left.length === 0) return [{ row, cells: [], left }];
    return [{ row, cells: settle(left, '', row.line), left }];
  });
}
