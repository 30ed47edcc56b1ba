/**
 * Reading a row whose printed tokens do not match its cells one to one (report-format.md §G):
 * whitespace squeezed out so cells fused into one digit run, or one number missing. We enumerate every
 * reading the row's own identities allow (e.g. 总计 = the six applicant columns), and a table-level
 * pass (solveTable) keeps the combinations that satisfy the column identities. Whatever stays
 * ambiguous is left undecided: never a guess stored as a fact.
 */
import type { Token } from './cells.ts';

export interface Cell {
  kind: 'number' | 'dash' | 'blank' | 'undecided';
  value: number | null;
  raw: string;
  /** 0-based doc line where the value is printed (for a computed cell: the row's line). */
  line: number;
  computed: boolean;
  unit: string | null;
}

/** sum(parts) = total, by cell index within the row. */
export interface RowSum {
  parts: number[];
  total: number;
}

/** A full reading of a row; an 'undecided' cell in it is a missing value no identity could recover. */
export interface Reading {
  cells: Cell[];
}

const MAX_PART_DIGITS = 9;
const MAX_READINGS = 4000;
/** Search steps per row: a run of dozens of digits has millions of splits; past this it is undecidable. */
const MAX_STEPS = 200_000;

/** Identity value of a cell: dash counts as 0; blank/undecided are unknown. */
export function identityValue(c: Cell): number | null {
  if (c.kind === 'dash') return 0;
  if (c.kind === 'number') return c.value;
  return null;
}

export function tokenCell(t: Token): Cell {
  return { kind: t.kind, value: t.value, raw: t.raw, line: t.line, computed: false, unit: t.unit };
}

/**
 * A cell whose value is not known: a cell the row did not print (`computed`: its value, if a row sum
 * recovers it, is not printed text), or one the readings disagree on (cited by the row's printed text).
 */
export function undecidedCell(raw: string, line: number, computed: boolean): Cell {
  return { kind: 'undecided', value: null, raw, line, computed, unit: null };
}

export interface RowReadings {
  readings: Reading[];
  /** True when the printed tokens were taken as they are (one per cell). */
  exact: boolean;
  /** Enumeration stopped at the cap: the row is too ambiguous to decode. */
  capped: boolean;
  /** The values were gathered from several lines and their order is not vouched for. */
  disordered?: boolean;
}

/** A blank 总计 whose parts are all printed is their sum: stored as computed, cited on the row. */
export function computeBlankTotals(cells: Cell[], sums: RowSum[]): Cell[] {
  const out = cells.map((c) => ({ ...c }));
  for (const s of sums) {
    const total = out[s.total];
    if (total.kind !== 'blank') continue;
    const parts = s.parts.map((k) => identityValue(out[k]));
    if (parts.some((v) => v === null)) continue;
    const line = out[s.parts[s.parts.length - 1]].line;
    out[s.total] = { ...total, kind: 'number', value: parts.reduce<number>((a, v) => a + (v ?? 0), 0), raw: '', computed: true, line };
  }
  return out;
}

/** Every evaluable row sum holds (dash = 0; sums over blank cells are skipped). */
export function sumsHold(cells: Cell[], sums: RowSum[]): boolean {
  return sums.every((s) => {
    const vals = [...s.parts, s.total].map((k) => identityValue(cells[k]));
    if (vals.some((v) => v === null)) return true;
    const total = vals.pop()!;
    return vals.reduce<number>((a, v) => a + (v ?? 0), 0) === total;
  });
}

/**
 * All readings of one row of `n` cells from its tokens. Tokens matching the cell count one to one are
 * taken as printed (a table that breaks its identities is reported by the checks, not "repaired").
 * Otherwise each digit run may split into several cells and at most one cell may be missing; a
 * missing cell is recovered from a row identity when it can be.
 */
export function readRow(tokens: Token[], n: number, sums: RowSum[], opts: { orderKnown?: boolean } = {}): RowReadings {
  tokens = pairedDashes(dropStrayTokens(tokens, n, sums), n);
  if (tokens.length === n && opts.orderKnown) return { readings: [{ cells: computeBlankTotals(tokens.map(tokenCell), sums) }], exact: true, capped: false };
  if (tokens.length === n) {
    const cells = tokens.map(tokenCell);
    // Values printed one per line (pdftotext raw) come in the order the PDF stored them, which is not
    // always the table's: without the row identity to vouch for the order, the row is not read.
    // Values alone on consecutive lines may be a column of several rows rather than one row.
    const oneLine = tokens.every((t) => t.line === tokens[0].line);
    const perLine = new Map<number, number>();
    for (const t of tokens) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
    const columnRun = [...perLine.values()].every((c) => c === 1) && tokens.some((t, i) => i > 0 && t.line === tokens[i - 1].line + 1);
    if (!oneLine && (columnRun || !sumsHold(cells, sums))) return { readings: [], exact: true, capped: false, disordered: true };
    const printed: Reading = { cells: computeBlankTotals(cells, sums) };
    // "12——" over three cells: 12 | — | —, or 1 | 2 | —— — both fit; the row's sums may tell them apart.
    const paired = pairedDashes(tokens, n - 1, true);
    if (paired.length < n && paired.some((t) => (t.digits?.length ?? 0) > 1)) {
      const other = enumerate(paired, n, sums, false);
      if (other.capped) return { readings: [], exact: false, capped: true };
      const all = sumsHold(cells, sums) ? [printed, ...other.readings] : other.readings;
      if (other.readings.length > 0) return { readings: dedupe(all), exact: false, capped: false };
    }
    return { readings: [printed], exact: true, capped: false };
  }
  if (tokens.length > n || tokens.length === 0) return { readings: [], exact: false, capped: false };

  // A squeezed row keeps all its digits, so fused readings come first; a missing cell is considered
  // only when no fused reading satisfies the row (otherwise "198 6 0 0 1 3208" would also read as a
  // row whose 总计 3413 went missing).
  const fusedOnly = enumerate(tokens, n, sums, false);
  if (fusedOnly.readings.length > 0 || fusedOnly.capped) return fusedOnly;
  return enumerate(tokens, n, sums, true);
}

function enumerate(tokens: Token[], n: number, sums: RowSum[], allowMissing: boolean): RowReadings {
  const out: Reading[] = [];
  let capped = false;
  const cells: Cell[] = [];
  const sumsAt = new Map<number, RowSum[]>();
  for (const s of sums) sumsAt.set(s.total, [...(sumsAt.get(s.total) ?? []), s]);
  const rowLine = tokens[0].line;

  // close(at) checks the row sums that close at cell index `at`, or solves one whose single missing
  // cell it recovers; those writes to earlier cells are logged here and undone on backtracking.
  const undo: [number, Cell][] = [];
  const close = (at: number): boolean => {
    for (const s of sumsAt.get(at) ?? []) {
      const idx = [...s.parts, s.total];
      const missing = idx.filter((k) => cells[k].kind === 'undecided');
      if (idx.some((k) => cells[k].kind === 'blank')) continue;
      if (missing.length > 1) continue;
      const val = (k: number) => identityValue(cells[k]) ?? 0;
      if (missing.length === 1) {
        const k = missing[0];
        const v = k === s.total ? s.parts.reduce((a, p) => a + val(p), 0) : val(s.total) - s.parts.filter((p) => p !== k).reduce((a, p) => a + val(p), 0);
        if (v < 0 || !Number.isInteger(v)) return false;
        // A row that writes none as a dash ("5 — — — — 5") lost a dash, not a printed 0.
        const others = idx.filter((j) => j !== k).map((j) => cells[j]);
        const dashRow = others.some((c) => c.kind === 'dash') && !others.some((c) => c.kind === 'number' && c.value === 0);
        undo.push([k, cells[k]]);
        cells[k] = dashRow && v === 0 ? { ...cells[k], kind: 'dash', value: null } : { ...cells[k], kind: 'number', value: v };
      } else if (s.parts.reduce((a, p) => a + val(p), 0) !== val(s.total)) return false;
    }
    return true;
  };

  // The digits the 总计 at `at` must print, when every part of its sum is read; else undefined.
  const forcedTotal = (at: number): string | undefined => {
    const closing = sumsAt.get(at);
    if (!closing || closing.length !== 1) return undefined;
    const parts = closing[0].parts.map((k) => cells[k]);
    if (parts.some((c) => c.kind === 'undecided' || c.kind === 'blank')) return undefined;
    return String(parts.reduce((a, c) => a + (identityValue(c) ?? 0), 0));
  };

  let steps = 0;
  const rec = (ti: number, rest: string | null, missingUsed: boolean): void => {
    if (out.length >= MAX_READINGS || ++steps > MAX_STEPS) {
      capped = true;
      return;
    }
    const at = cells.length;
    if (at === n) {
      if (ti === tokens.length && rest === null) out.push({ cells: cells.map((c) => ({ ...c })) });
      return;
    }
    const tryCell = (c: Cell, nextTi: number, nextRest: string | null, usedMissing: boolean) => {
      const mark = undo.length;
      cells.push(c);
      if (close(at)) rec(nextTi, nextRest, usedMissing);
      while (undo.length > mark) {
        const [k, prev] = undo.pop()!;
        cells[k] = prev;
      }
      cells.length = at;
    };
    // A missing cell here (value recovered by a row sum, if any closes over it).
    if (allowMissing && !missingUsed && rest === null) {
      tryCell(undecidedCell('', rowLine, true), ti, null, true);
    }
    if (rest !== null) {
      const t = tokens[ti];
      // At a 总计 whose parts are all read, its digits are known: the sum, or nothing.
      const forced = forcedTotal(at);
      if (forced !== undefined) {
        if (!rest.startsWith(forced)) return;
        const remaining = rest.slice(forced.length);
        tryCell(
          { kind: 'number', value: Number(forced), raw: forced, line: t.line, computed: false, unit: null },
          remaining === '' ? ti + 1 : ti,
          remaining === '' ? null : remaining,
          missingUsed,
        );
        return;
      }
      for (let len = 1; len <= Math.min(rest.length, MAX_PART_DIGITS); len++) {
        const part = rest.slice(0, len);
        if (part.length > 1 && part[0] === '0') break;
        const remaining = rest.slice(len);
        tryCell(
          { kind: 'number', value: Number(part), raw: part, line: t.line, computed: false, unit: null },
          remaining === '' ? ti + 1 : ti,
          remaining === '' ? null : remaining,
          missingUsed,
        );
      }
      return;
    }
    if (ti >= tokens.length) return;
    const t = tokens[ti];
    // A row that lost a cell splits runs only when it is one squeezed run ("000000 3.危及…"): in a row
    // printed as separate numbers, the recovered cell (often the 总计) would vouch for any split
    // ("12 3 1 16", three cells lost → 1·2·3·1·1·6·14).
    if (t.kind === 'number' && t.digits !== null && t.digits.length > 1 && (!allowMissing || tokens.length === 1)) {
      rec(ti, t.digits, missingUsed);
      return;
    }
    tryCell(tokenCell(t), ti + 1, null, missingUsed);
  };
  rec(0, null, false);
  // The missing cell's line: the line of the token printed next to it.
  for (const r of out) {
    r.cells.forEach((c, k) => {
      if (c.computed) c.line = r.cells[k - 1]?.line ?? r.cells[k + 1]?.line ?? rowLine;
    });
  }
  return { readings: dedupe(out), exact: false, capped };
}

/**
 * A bare page number ("5" alone on a line) between a row's label and its values, or after them: when
 * the row's other tokens are exactly its n cells, printed on one line, and satisfy the row identities,
 * the lone tokens on other lines are not cells.
 */
function dropStrayTokens(tokens: Token[], n: number, sums: RowSum[]): Token[] {
  if (tokens.length <= n) return tokens;
  const count = new Map<number, number>();
  for (const t of tokens) count.set(t.line, (count.get(t.line) ?? 0) + 1);
  const kept = tokens.filter((t) => count.get(t.line)! > 1);
  if (kept.length !== n || !kept.every((t) => t.line === kept[0].line)) return tokens;
  return sums.length > 0 && sumsHold(kept.map(tokenCell), sums) ? kept : tokens;
}

/**
 * More tokens than cells where "—" characters were printed together: each "——" pair of a squeezed run
 * of even length is one cell ("规章——————" is three dashes, "3——5" is 3 | —— | 5) — taken only when
 * that gives the row no more tokens than cells (`always`: in any case, for the alternative reading of a
 * row whose count already fits). Odd runs stay one cell per character.
 */
function pairedDashes(tokens: Token[], n: number, always = false): Token[] {
  if ((!always && tokens.length <= n) || !tokens.some((t) => t.joinsNext)) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let end = i;
    while (tokens[end].joinsNext && end + 1 < tokens.length && tokens[end + 1].kind === 'dash') end++;
    const len = end - i + 1;
    if (len > 1 && len % 2 === 0) {
      for (let k = i; k < end; k += 2) out.push({ ...tokens[k], raw: tokens[k].raw + tokens[k + 1].raw, joinsNext: false });
    } else out.push(...tokens.slice(i, end + 1));
    i = end + 1;
  }
  return always || out.length <= n ? out : tokens;
}

/**
 * Readings with the same values are one reading. Which cell was the missing one may differ among them
 * ("0 0 0 0 0 0": any); exactly one cell was not printed, so the first reading's choice is kept.
 */
function dedupe(readings: Reading[]): Reading[] {
  const byKey = new Map<string, Reading>();
  for (const r of readings) {
    const key = r.cells.map((c) => `${c.kind}:${c.value}`).join('|');
    if (!byKey.has(key)) byKey.set(key, { cells: r.cells.map((c) => ({ ...c })) });
  }
  return [...byKey.values()];
}

/** How a set of readings decides each cell: the common value where all agree, else undecided. */
export function settle(readings: Reading[], fallbackRaw: string, fallbackLine: number): Cell[] {
  const first = readings[0].cells;
  return first.map((c, k) => {
    const agree = readings.every((r) => r.cells[k].kind === c.kind && r.cells[k].value === c.value);
    if (agree && c.kind !== 'undecided') {
      const computed = readings.every((r) => r.cells[k].computed);
      const printed = readings.find((r) => !r.cells[k].computed)?.cells[k] ?? c;
      return computed ? { ...c, raw: '' } : { ...printed, computed: false };
    }
    return undecidedCell(fallbackRaw, fallbackLine, false);
  });
}

/** "77·3·0·0·0·3·83" for a warning message. */
export function describeReading(r: Reading): string {
  return r.cells.map((c) => (c.kind === 'dash' ? c.raw || '—' : c.kind === 'blank' ? '空' : c.value === null ? '?' : String(c.value))).join('·');
}

/** A linear identity over table cells: sum(left) = sum(right), each side a list of [row, col]. */
export interface ColumnEquation {
  left: [number, number][];
  right: [number, number][];
}

export interface TableSolution {
  /** Per row, the readings that take part in at least one consistent whole-table reading. */
  kept: Reading[][];
  /** The column identities were used to choose among readings. */
  usedColumns: boolean;
}

const MAX_COMBINATIONS = 200_000;

/**
 * Choose among the rows' readings those that make the whole table satisfy its column identities.
 * Used only when the unambiguous part of the table satisfies them itself: a table that is wrong as
 * printed cannot tell us how to read its damaged rows.
 */
export function solveTable(rows: Reading[][], equations: ColumnEquation[]): TableSolution {
  const none: TableSolution = { kept: rows, usedColumns: false };
  const variable = rows.map((r, i) => (r.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (variable.length === 0) return none;
  const choice = rows.map(() => 0);
  const cellValue = (row: number, col: number): number | null => {
    const r = rows[row];
    if (!r || r.length === 0) return null;
    return identityValue(r[choice[row]].cells[col]);
  };
  const holds = (eq: ColumnEquation): boolean | null => {
    let l = 0;
    let r = 0;
    for (const [row, col] of eq.left) {
      const v = cellValue(row, col);
      if (v === null) return null;
      l += v;
    }
    for (const [row, col] of eq.right) {
      const v = cellValue(row, col);
      if (v === null) return null;
      r += v;
    }
    return l === r;
  };
  const rowsOf = (eq: ColumnEquation) => [...eq.left, ...eq.right].map(([row]) => row);
  const isVariable = new Set(variable);
  const fixedOnly = equations.filter((eq) => !rowsOf(eq).some((r) => isVariable.has(r)));
  if (fixedOnly.some((eq) => holds(eq) === false)) return none;

  let product = 1;
  for (const v of variable) product *= rows[v].length;
  if (product > MAX_COMBINATIONS) return none;

  // Check each equation as soon as the last variable row it involves is chosen.
  const order = variable;
  const dueAt = order.map(() => [] as ColumnEquation[]);
  for (const eq of equations) {
    const involved = rowsOf(eq).filter((r) => isVariable.has(r));
    if (involved.length === 0) continue;
    const last = Math.max(...involved.map((r) => order.indexOf(r)));
    dueAt[last].push(eq);
  }
  const used = rows.map((r) => new Set<number>());
  let found = 0;
  const rec = (d: number): void => {
    if (d === order.length) {
      found++;
      for (const v of order) used[v].add(choice[v]);
      return;
    }
    const row = order[d];
    for (let k = 0; k < rows[row].length; k++) {
      choice[row] = k;
      if (dueAt[d].every((eq) => holds(eq) !== false)) rec(d + 1);
    }
    choice[row] = 0;
  };
  rec(0);
  if (found === 0) return none;
  return {
    kept: rows.map((r, i) => (isVariable.has(i) ? r.filter((_, k) => used[i].has(k)) : r)),
    usedColumns: true,
  };
}
