/**
 * Reading figures out of the index. Parameterized, prepared once; each statement says what it fetches.
 * A report's figures and warnings are read in one statement each and kept, so a batch of questions
 * about the same reports touches SQLite once per report.
 *
 * Value rules: a stored table figure beats prose; a parent that is not stored is the sum of its stored
 * children (catalogue childrenOf), litigation.* follow FORMULAS; 法人或其他组织 = the five columns summed.
 */
import type { Database } from 'better-sqlite3';
import { childrenOf, FORMULAS, LEGAL_PERSON_COLUMNS, metricDef } from '../../catalogue/metrics.ts';
import type { FigureRow, ReportRow, WarningRow } from '../../store/schema.ts';

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
  reports: ['所有报告（不含正文）', 'SELECT id, file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at FROM reports ORDER BY agency_id, year, id'],
  figures: ['某报告的全部数字', 'SELECT * FROM figures WHERE report_id = ? AND cumulative = 0 ORDER BY id'],
  warnings: ['某报告的全部警告', 'SELECT * FROM warnings WHERE report_id = ? ORDER BY id'],
} as const;

export const LOOKUP_SQL: Record<keyof typeof STATEMENTS, { description: string; sql: string }> = Object.fromEntries(
  Object.entries(STATEMENTS).map(([k, [description, sql]]) => [k, { description, sql }]),
) as Record<keyof typeof STATEMENTS, { description: string; sql: string }>;

const CACHE_LIMIT = 5000;

export class FigureStore {
  private readonly figuresStmt;
  private readonly warningsStmt;
  private readonly figureCache = new Map<number, Map<string, FigureRow[]>>();
  private readonly warningCache = new Map<number, WarningRow[]>();
  readonly reportsByAgency = new Map<number, ReportRow[]>();
  readonly reportsByYear = new Map<number, ReportRow[]>();

  constructor(private readonly db: Database) {
    this.figuresStmt = db.prepare(LOOKUP_SQL.figures.sql);
    this.warningsStmt = db.prepare(LOOKUP_SQL.warnings.sql);
    for (const r of db.prepare(LOOKUP_SQL.reports.sql).all() as ReportRow[]) {
      push(this.reportsByAgency, r.agency_id, r);
      push(this.reportsByYear, r.year, r);
    }
  }

  /** One report per agency and year: the last ingested wins when a year was ingested twice. */
  report(agencyId: number, year: number): ReportRow | null {
    const list = this.reportsByAgency.get(agencyId) ?? [];
    let found: ReportRow | null = null;
    for (const r of list) if (r.year === year) found = r;
    return found;
  }

  years(agencyId: number): number[] {
    return [...new Set((this.reportsByAgency.get(agencyId) ?? []).map((r) => r.year))].sort((a, b) => a - b);
  }

  allYears(): number[] {
    return [...this.reportsByYear.keys()].sort((a, b) => a - b);
  }

  warnings(reportId: number): WarningRow[] {
    let w = this.warningCache.get(reportId);
    if (!w) {
      if (this.warningCache.size > CACHE_LIMIT) this.warningCache.clear();
      w = this.warningsStmt.all(reportId) as WarningRow[];
      this.warningCache.set(reportId, w);
    }
    return w;
  }

  private figures(reportId: number): Map<string, FigureRow[]> {
    let m = this.figureCache.get(reportId);
    if (!m) {
      if (this.figureCache.size > CACHE_LIMIT) this.figureCache.clear();
      m = new Map();
      for (const f of this.figuresStmt.all(reportId) as FigureRow[]) push(m, f.metric, f);
      this.figureCache.set(reportId, m);
    }
    return m;
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
      return parts.some((p) => p.cell !== 'missing') ? sum(key, unit, parts) : null;
    }
    const formula = FORMULAS[key];
    if (formula) {
      const parts = formula.map((k) => this.resolve(reportId, k, column, depth + 1));
      if (parts.some((p) => p.cell !== 'missing')) return sum(key, unit, parts);
    }
    const children = childrenOf(key);
    if (children.length > 0) {
      const parts = children.map((c) => this.resolve(reportId, c.key, column, depth + 1)).filter((p) => p.cell !== 'missing');
      if (parts.length > 0) return sum(key, unit, parts);
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

function applicantLabel(column: string): string {
  return { commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他' }[column] ?? column;
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

function sum(key: string, unit: string, parts: Resolved[], label: (p: Resolved) => string = partLabel(key)): Resolved {
  const present = parts.filter((p) => p.cell !== 'missing');
  const undecided = present.some((p) => p.cell === 'undecided');
  const allBlank = present.length > 0 && present.every((p) => p.cell === 'blank');
  const numeric = present.filter((p) => p.value !== null);
  const value = undecided || allBlank || numeric.length === 0 ? null : numeric.reduce((s, p) => s + p.value!, 0);
  const formula = present.map((p) => `${label(p)} ${p.value === null ? (p.cell === 'blank' ? '空白' : '?') : fmt(p.value)}`).join(' + ');
  return {
    key,
    value,
    cell: undecided ? 'undecided' : allBlank ? 'blank' : 'computed',
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
