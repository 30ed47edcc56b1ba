/**
 * The value of a figure in one report, stored or computed — pure: the report's cells in, the figure out.
 * One rule for both readers: query (FigureStore, over rows of the index) and ingest (the writer, over a
 * parsed report, to store every figure's resolved value for rankings and totals across agencies).
 *
 * Value rules: a stored table figure beats prose; a parent that is not stored is the sum of its stored
 * children (catalogue childrenOf), litigation.* follow FORMULAS; 法人或其他组织 = the five columns summed.
 */
import { APPLICANT_KEYS, applicantLabel, childrenOf, FORMULAS, LEGAL_PERSON_COLUMNS, METRICS, metricDef, type MetricDef } from '../../catalogue/metrics.ts';

export type CellState = 'number' | 'dash' | 'blank' | 'undecided' | 'computed' | 'missing';

/** What resolving needs of a cell: a row of the index (FigureRow) and a parsed Figure both fit. */
export interface CellLike {
  metric: string;
  applicant: string | null;
  value: number | null;
  cell: 'number' | 'dash' | 'blank' | 'undecided';
  unit: string;
  approximate: number | boolean;
  computed: number | boolean;
  origin: 'table' | 'prose';
}

export interface Resolved<C extends CellLike = CellLike> {
  key: string;
  value: number | null;
  cell: CellState;
  approximate: boolean;
  /** Cells used, main first. */
  cells: C[];
  formula?: string;
  unit: string;
  /** How a part is named inside a formula (法人或其他组织 parts are columns, not keys). */
  name?: string;
}

/** A report's cells by metric key (cumulative 历年累计 cells left out). */
export type CellsByMetric<C extends CellLike> = (key: string) => readonly C[] | undefined;

/** childrenOf scans the catalogue; a report resolves a few hundred keys, so each key's children are looked up once. */
const CHILDREN = new Map<string, MetricDef[]>();
function children(key: string): MetricDef[] {
  let c = CHILDREN.get(key);
  if (!c) CHILDREN.set(key, (c = childrenOf(key)));
  return c;
}

/** Ingest resolves a few hundred keys per report: plain loops here, no closure per call. */
function stored<C extends CellLike>(cells: CellsByMetric<C>, key: string, column: string): C | null {
  const rows = cells(key);
  if (!rows) return null;
  const byApplicant = metricDef(key)?.byApplicant ?? false;
  let prose: C | null = null;
  for (const f of rows) {
    if (byApplicant && !(f.applicant === column || (column === 'total' && f.applicant === null))) continue;
    if (f.origin === 'table') return f;
    prose ??= f;
  }
  return prose;
}

/**
 * Whether the report prints the key's own table cell in that column: then that cell is its figure, whatever
 * else the report gives (resolveIn), and nothing it could be computed from needs reading.
 */
export function printedInTable<C extends CellLike>(cells: CellsByMetric<C>, key: string, column: string): boolean {
  return stored(cells, key, column)?.origin === 'table';
}

/**
 * The figure for a key in one report, stored or computed. `column`: table 三 applicant or legal_person.
 * `formulas`: spell out a computed figure's formula (answers do; ingest, storing values only, does not).
 */
export function resolveFigure<C extends CellLike>(cells: CellsByMetric<C>, key: string, column = 'total', formulas = true): Resolved<C> {
  return resolveIn({ cells, formulas }, key, column, 0);
}

/**
 * Every figure the catalogue names that a report gives, in every column it can be asked in: what the
 * writer stores for questions across agencies. Values only (no formulas).
 */
export function resolveAll<C extends CellLike>(cells: CellsByMetric<C>): { key: string; column: string; resolved: Resolved<C> }[] {
  const ctx: Ctx<C> = { cells, formulas: false };
  const out: { key: string; column: string; resolved: Resolved<C> }[] = [];
  for (const def of METRICS) {
    for (const column of def.byApplicant ? RESOLVED_COLUMNS : TOTAL_ONLY) {
      const resolved = resolveIn(ctx, def.key, column, 0);
      if (resolved.cell !== 'missing') out.push({ key: def.key, column, resolved });
    }
  }
  return out;
}

/** The columns a table 三 figure is asked in: the six applicants, 总计 and 法人或其他组织. */
export const RESOLVED_COLUMNS: readonly string[] = [...APPLICANT_KEYS, 'legal_person'];
const TOTAL_ONLY: readonly string[] = ['total'];

interface Ctx<C extends CellLike> {
  cells: CellsByMetric<C>;
  formulas: boolean;
}

function resolveIn<C extends CellLike>(ctx: Ctx<C>, key: string, column: string, depth: number): Resolved<C> {
  const def = metricDef(key);
  const unit = def?.unit ?? '件';
  const f = stored(ctx.cells, key, column);
  if (f && f.origin === 'table') return fromRow(key, unit, f);
  // A sum of table cells beats a figure restated in prose (prose rounds, and can disagree).
  const computed = depth > 4 ? null : compute(ctx, key, column, depth);
  if (computed && computed.cells.some((c) => c.origin === 'table')) return computed;
  if (f) return fromRow(key, unit, f);
  return computed ?? missing(key, unit);
}

function compute<C extends CellLike>(ctx: Ctx<C>, key: string, column: string, depth: number): Resolved<C> | null {
  const def = metricDef(key);
  const unit = def?.unit ?? '件';
  if (column === 'legal_person' && def?.byApplicant) {
    const parts = LEGAL_PERSON_COLUMNS.map((c) => ({ ...resolveIn(ctx, key, c, depth + 1), name: applicantLabel(c) }));
    // The columns stored are summed: a row whose cells could not be read is stored undecided, not left out.
    return parts.some((p) => p.cell !== 'missing') ? sum(key, unit, parts, false, ctx.formulas) : null;
  }
  const formula = FORMULAS[key];
  if (formula) {
    const parts = formula.map((k) => resolveIn(ctx, k, column, depth + 1));
    if (parts.some((p) => p.cell !== 'missing')) return sum(key, unit, parts, true, ctx.formulas);
  }
  // One applicant's column of a sum is the sum of that column: a child not split by applicant (the
  // pre-2019 channels of 收到申请) holds totals only, and must not stand in for 商业企业 or 自然人.
  const parts: Resolved<C>[] = [];
  let any = false;
  for (const c of children(key)) {
    if (column !== 'total' && !c.byApplicant) continue;
    const part = resolveIn(ctx, c.key, column, depth + 1);
    any ||= part.cell !== 'missing';
    parts.push(part);
  }
  if (any) return sum(key, unit, parts, def?.derived === true, ctx.formulas);
  return null;
}

function fromRow<C extends CellLike>(key: string, unit: string, f: C): Resolved<C> {
  return {
    key,
    value: f.cell === 'dash' ? 0 : f.value,
    cell: f.cell === 'number' && f.computed ? 'computed' : f.cell,
    approximate: f.approximate === 1 || f.approximate === true,
    cells: [f],
    unit: f.unit || unit,
  };
}

function missing<C extends CellLike>(key: string, unit: string): Resolved<C> {
  return { key, value: null, cell: 'missing', approximate: false, cells: [], unit };
}

/** A part's label inside its parent's formula, without the words they share (不予公开 属于国家秘密 → 属于国家秘密). */
const PART_LABELS = new Map<string, string>();
function partLabel(parentKey: string, r: Resolved<CellLike>): string {
  if (r.name) return r.name;
  const memo = `${parentKey}\u0000${r.key}`;
  let label = PART_LABELS.get(memo);
  if (label === undefined) {
    const parentWords = new Set((metricDef(parentKey)?.label ?? '').split(/\s+/));
    const words = (metricDef(r.key)?.label ?? r.key).split(/\s+/);
    const own = words.filter((w, i) => !(i === 0 && parentWords.has(w)));
    label = (own.length > 0 ? own : words).join('').replace(/^未经复议/, '');
    PART_LABELS.set(memo, label);
  }
  return label;
}

/**
 * `complete`: the parts are a fixed set (不予公开 = its eight reasons, 行政诉讼 = 直接起诉 + 复议后起诉), so
 * one not read makes the sum unknown rather than understated. Open sets (pre-2019 channels of 收到申请,
 * which vary by form) add what is there.
 */
function sum<C extends CellLike>(key: string, unit: string, parts: Resolved<C>[], complete: boolean, formulas: boolean): Resolved<C> {
  let present = 0;
  let undecided = false;
  // A blank cell is not 0 (报告未填写): a sum over one is no figure.
  let blank = false;
  let numeric = 0;
  let total = 0;
  let approximate = false;
  const cells: C[] = [];
  const terms: string[] = [];
  for (const p of parts) {
    if (p.cell === 'missing') continue;
    present++;
    if (p.cell === 'undecided') undecided = true;
    if (p.cell === 'blank') blank = true;
    if (p.value !== null) {
      numeric++;
      total += p.value;
    }
    approximate ||= p.approximate;
    for (const c of p.cells) cells.push(c);
    if (formulas) terms.push(`${partLabel(key, p)} ${p.value === null ? (p.cell === 'blank' ? '空白' : '?') : fmt(p.value)}`);
  }
  if (complete && present < parts.length) undecided = true;
  const value = undecided || blank || numeric === 0 ? null : total;
  return {
    key,
    value,
    cell: undecided ? 'undecided' : blank ? 'blank' : 'computed',
    approximate,
    cells,
    ...(formulas ? { formula: terms.join(' + ') } : {}),
    unit,
  };
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}
