/**
 * Reading figures out of the index. Parameterized, prepared once; each statement says what it fetches.
 * The index stays on disk: in memory are only each agency's (year, report id) pairs and bounded LRU caches
 * of the reports last asked about (their row, figures and warnings), so a batch of questions about the
 * same reports touches SQLite once per report while memory does not grow with the index.
 *
 * Value rules: a stored table figure beats prose; a parent that is not stored is the sum of its stored
 * children (catalogue childrenOf), litigation.* follow FORMULAS; 法人或其他组织 = the five columns summed.
 */
import type { Database, Statement } from 'better-sqlite3';
import { applicantLabel, childrenOf, FORMULAS, LEGAL_PERSON_COLUMNS, metricDef } from '../../catalogue/metrics.ts';
import type { FigureRow, ReportRow, WarningRow } from '../../store/schema.ts';
import { Lru } from './lru.ts';

export type CellState = 'number' | 'dash' | 'blank' | 'undecided' | 'computed' | 'missing';

export interface Resolved {
  key: string;
  value: number | null;
  cell: CellState;
  approximate: boolean;
  /** Cells used, main first. */
  cells: FigureRow[];
  formula?: string;
  unit: string;
  /** How a part is named inside a formula (法人或其他组织 parts are columns, not keys). */
  name?: string;
}

const STATEMENTS = {
  agencies: ['所有单位', 'SELECT id, name, province, city, county, division_code FROM agencies ORDER BY id'],
  aliases: ['所有单位别名', 'SELECT alias, agency_id FROM agency_aliases'],
  reportYears: ['所有报告的单位与年份', 'SELECT agency_id, year, id FROM reports ORDER BY agency_id, year, id'],
  report: ['某报告（不含正文）', 'SELECT id, file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at FROM reports WHERE id = ?'],
  figures: ['某报告的全部数字', 'SELECT * FROM cited_figures WHERE report_id = ? AND cumulative = 0 ORDER BY n'],
  warnings: ['某报告的全部警告', 'SELECT * FROM warnings WHERE report_id = ? ORDER BY id'],
} as const;

export const LOOKUP_SQL: Record<keyof typeof STATEMENTS, { description: string; sql: string }> = Object.fromEntries(
  Object.entries(STATEMENTS).map(([k, [description, sql]]) => [k, { description, sql }]),
) as Record<keyof typeof STATEMENTS, { description: string; sql: string }>;

/**
 * Reports whose figures stay cached. One report's figures are ≈ 140 rows, ≈ 25 KB of heap once their strings
 * are shared (81 KB as SQLite returns them); reading them again costs an indexed query, ≈ 1 ms when its pages
 * are not in the OS cache. 2,048 reports ≈ 50 MB keeps a busy server's working set without growing with the index.
 */
export const CACHE_LIMITS = { reports: 4096, figures: 2048, warnings: 2048 };

export class FigureStore {
  private readonly reportStmt: Statement;
  private readonly figuresStmt: Statement;
  private readonly warningsStmt: Statement;
  private readonly reportCache: Lru<number, ReportRow | null>;
  private readonly figureCache: Lru<number, Map<string, FigureRow[]>>;
  private readonly warningCache: Lru<number, WarningRow[]>;
  /** One shared copy of each label text (metric keys, row/column labels, units): few distinct ones. */
  private readonly labels = new Lru<string, string>(20_000);
  /** Per agency, its reports as flat (year, report id) pairs in (year, id) order. */
  private readonly yearsByAgency = new Map<number, number[]>();
  private readonly yearsInIndex: number[];

  constructor(db: Database, limits: typeof CACHE_LIMITS = CACHE_LIMITS) {
    this.reportStmt = db.prepare(LOOKUP_SQL.report.sql);
    this.figuresStmt = db.prepare(LOOKUP_SQL.figures.sql);
    this.warningsStmt = db.prepare(LOOKUP_SQL.warnings.sql);
    this.reportCache = new Lru(limits.reports);
    this.figureCache = new Lru(limits.figures);
    this.warningCache = new Lru(limits.warnings);
    const years = new Set<number>();
    // raw(): arrays instead of one object per report row — 100,000 reports stay a few MB.
    for (const [agencyId, year, id] of db.prepare(LOOKUP_SQL.reportYears.sql).raw().iterate() as Iterable<[number, number, number]>) {
      const pairs = this.yearsByAgency.get(agencyId);
      if (pairs) pairs.push(year, id);
      else this.yearsByAgency.set(agencyId, [year, id]);
      years.add(year);
    }
    this.yearsInIndex = [...years].sort((a, b) => a - b);
  }

  /** One report per agency and year: the last ingested wins when a year was ingested twice. */
  report(agencyId: number, year: number): ReportRow | null {
    const pairs = this.yearsByAgency.get(agencyId);
    if (!pairs) return null;
    let found: number | null = null;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === year) found = pairs[i + 1]!;
    if (found === null) return null;
    const id = found;
    return this.reportCache.getOr(id, () => (this.reportStmt.get(id) as ReportRow | undefined) ?? null);
  }

  years(agencyId: number): number[] {
    const pairs = this.yearsByAgency.get(agencyId) ?? [];
    const out: number[] = [];
    // Pairs are in year order: skip repeats of the same year.
    for (let i = 0; i < pairs.length; i += 2) if (out[out.length - 1] !== pairs[i]) out.push(pairs[i]!);
    return out;
  }

  allYears(): number[] {
    return [...this.yearsInIndex];
  }

  warnings(reportId: number): WarningRow[] {
    return this.warningCache.getOr(reportId, () => this.warningsStmt.all(reportId) as WarningRow[]);
  }

  private figures(reportId: number): Map<string, FigureRow[]> {
    return this.figureCache.getOr(reportId, () => {
      const m = new Map<string, FigureRow[]>();
      // SQLite hands every row its own copy of each string; a table row's cells share their line, and
      // labels repeat across reports: sharing one copy makes a cached report several times smaller.
      const own = new Map<string, string>();
      const share = (t: string | null) => {
        if (t === null) return t;
        const hit = this.labels.get(t) ?? own.get(t);
        if (hit !== undefined) return hit;
        own.set(t, t);
        return t;
      };
      for (const f of this.figuresStmt.all(reportId) as FigureRow[]) {
        f.metric = this.labels.getOr(f.metric, () => f.metric);
        f.row_label = this.labels.getOr(f.row_label, () => f.row_label);
        f.col_label = this.labels.getOr(f.col_label, () => f.col_label);
        f.unit = this.labels.getOr(f.unit, () => f.unit);
        f.quote = share(f.quote)!;
        f.section = share(f.section);
        f.raw = share(f.raw)!;
        push(m, f.metric, f);
      }
      return m;
    });
  }

  private stored(reportId: number, key: string, column: string): FigureRow | null {
    const rows = this.figures(reportId).get(key);
    if (!rows) return null;
    const byApplicant = metricDef(key)?.byApplicant ?? false;
    const fits = (f: FigureRow) =>
      !byApplicant ? true : f.applicant === column || (column === 'total' && f.applicant === null);
    return rows.find((f) => fits(f) && f.origin === 'table') ?? rows.find((f) => fits(f)) ?? null;
  }

  /** The figure for a key in one report, stored or computed. `column`: table 三 applicant or legal_person. */
  resolve(reportId: number, key: string, column = 'total', depth = 0): Resolved {
    const def = metricDef(key);
    const unit = def?.unit ?? '件';
    const f = this.stored(reportId, key, column);
    if (f && f.origin === 'table') return fromRow(key, unit, f);
    // A sum of table cells beats a figure restated in prose (prose rounds, and can disagree).
    const computed = depth > 4 ? null : this.compute(reportId, key, column, depth);
    if (computed && computed.cells.some((c) => c.origin === 'table')) return computed;
    if (f) return fromRow(key, unit, f);
    return computed ?? missing(key, unit);
  }

  private compute(reportId: number, key: string, column: string, depth: number): Resolved | null {
    const def = metricDef(key);
    const unit = def?.unit ?? '件';
    if (column === 'legal_person' && def?.byApplicant) {
      const parts = LEGAL_PERSON_COLUMNS.map((c) => ({ ...this.resolve(reportId, key, c, depth + 1), name: applicantLabel(c) }));
      // The columns stored are summed: a row whose cells could not be read is stored undecided, not left out.
      return parts.some((p) => p.cell !== 'missing') ? sum(key, unit, parts, false) : null;
    }
    const formula = FORMULAS[key];
    if (formula) {
      const parts = formula.map((k) => this.resolve(reportId, k, column, depth + 1));
      if (parts.some((p) => p.cell !== 'missing')) return sum(key, unit, parts, true);
    }
    // One applicant's column of a sum is the sum of that column: a child not split by applicant (the
    // pre-2019 channels of 收到申请) holds totals only, and must not stand in for 商业企业 or 自然人.
    const children = childrenOf(key).filter((c) => column === 'total' || c.byApplicant);
    if (children.length > 0) {
      const parts = children.map((c) => this.resolve(reportId, c.key, column, depth + 1));
      if (parts.some((p) => p.cell !== 'missing')) return sum(key, unit, parts, def?.derived === true);
    }
    return null;
  }
}

function fromRow(key: string, unit: string, f: FigureRow): Resolved {
  return {
    key,
    value: f.cell === 'dash' ? 0 : f.value,
    cell: f.cell === 'number' && f.computed ? 'computed' : f.cell,
    approximate: f.approximate === 1,
    cells: [f],
    unit: f.unit || unit,
  };
}

function missing(key: string, unit: string): Resolved {
  return { key, value: null, cell: 'missing', approximate: false, cells: [], unit };
}

/** A part's label inside its parent's formula, without the words they share (不予公开 属于国家秘密 → 属于国家秘密). */
function partLabel(parentKey: string): (r: Resolved) => string {
  const parentWords = new Set((metricDef(parentKey)?.label ?? '').split(/\s+/));
  return (r) => {
    if (r.name) return r.name;
    const words = (metricDef(r.key)?.label ?? r.key).split(/\s+/);
    const own = words.filter((w, i) => !(i === 0 && parentWords.has(w)));
    return (own.length > 0 ? own : words).join('').replace(/^未经复议/, '');
  };
}

/**
 * `complete`: the parts are a fixed set (不予公开 = its eight reasons, 行政诉讼 = 直接起诉 + 复议后起诉), so
 * one not read makes the sum unknown rather than understated. Open sets (pre-2019 channels of 收到申请,
 * which vary by form) add what is there.
 */
function sum(key: string, unit: string, parts: Resolved[], complete: boolean, label: (p: Resolved) => string = partLabel(key)): Resolved {
  const present = parts.filter((p) => p.cell !== 'missing');
  const incomplete = complete && present.length < parts.length;
  const undecided = incomplete || present.some((p) => p.cell === 'undecided');
  // A blank cell is not 0 (报告未填写): a sum over one is no figure.
  const blank = present.some((p) => p.cell === 'blank');
  const numeric = present.filter((p) => p.value !== null);
  const value = undecided || blank || numeric.length === 0 ? null : numeric.reduce((s, p) => s + p.value!, 0);
  const formula = present.map((p) => `${label(p)} ${p.value === null ? (p.cell === 'blank' ? '空白' : '?') : fmt(p.value)}`).join(' + ');
  return {
    key,
    value,
    cell: undecided ? 'undecided' : blank ? 'blank' : 'computed',
    approximate: present.some((p) => p.approximate),
    cells: present.flatMap((p) => p.cells),
    formula,
    unit,
  };
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
