/**
 * Reading figures out of the index. Parameterized, prepared once; each statement says what it fetches.
 * The index stays on disk: in memory are only each agency's (year, report id) pairs and bounded LRU caches
 * of the reports last asked about (their row, figures and warnings), so a batch of questions about the
 * same reports touches SQLite once per report while memory does not grow with the index.
 * How a figure's value is found (stored, or computed from its parts): resolve.ts.
 */
import type { Database, Statement } from 'better-sqlite3';
import { APPLICANT_KEYS, FORMULAS, LEGAL_PERSON_COLUMNS, METRICS } from '../../catalogue/metrics.ts';
import type { FigureRow, ReportRow, WarningRow } from '../../store/schema.ts';
import { Lru } from './lru.ts';
import { printedInTable, resolveFigure, type Resolved as ResolvedOf } from './resolve.ts';

export { fmt, type CellState } from './resolve.ts';
export type Resolved = ResolvedOf<FigureRow>;

const STATEMENTS = {
  agencies: ['所有单位', 'SELECT id, name, province, city, county, division_code FROM agencies ORDER BY id'],
  aliases: ['所有单位别名', 'SELECT alias, agency_id FROM agency_aliases'],
  reportYears: ['所有报告的单位与年份', 'SELECT agency_id, year, id FROM reports ORDER BY agency_id, year, id'],
  report: ['某报告（不含正文）', 'SELECT id, file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at FROM reports WHERE id = ?'],
  figures: ['某报告的全部数字', 'SELECT * FROM cited_figures WHERE report_id = ? AND cumulative = 0 ORDER BY n'],
  someFigures: [
    '某报告中某些指标在某些栏的数字',
    'SELECT * FROM cited_figures WHERE report_id = ? AND cumulative = 0 AND metric IN (SELECT value FROM json_each(?)) AND (applicant IS NULL OR instr(?, \',\' || applicant || \',\') > 0) ORDER BY n',
  ],
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
  private readonly someFiguresStmt: Statement;
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
    this.someFiguresStmt = db.prepare(LOOKUP_SQL.someFigures.sql);
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
    const id = this.reportId(agencyId, year);
    if (id === null) return null;
    return this.reportCache.getOr(id, () => (this.reportStmt.get(id) as ReportRow | undefined) ?? null);
  }

  /** The id of that report, without reading it. */
  reportId(agencyId: number, year: number): number | null {
    const pairs = this.yearsByAgency.get(agencyId);
    if (!pairs) return null;
    let found: number | null = null;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === year) found = pairs[i + 1]!;
    return found;
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

  /** Reports replaced by a later one of the same agency and year (report() never returns them). */
  superseded(): number[] {
    if (this.supersededIds) return this.supersededIds;
    const out: number[] = [];
    for (const pairs of this.yearsByAgency.values()) {
      for (let i = 0; i + 2 < pairs.length; i += 2) if (pairs[i] === pairs[i + 2]) out.push(pairs[i + 1]!);
    }
    return (this.supersededIds = out);
  }
  private supersededIds: number[] | null = null;

  /** Of these agencies (null: all), those with a report for the year, in id order. */
  agenciesWithReport(year: number, agencies: Iterable<number> | null): number[] {
    if (agencies === null) {
      // Every agency: asked of each ranking and total, so kept per year (one integer per report at most).
      let all = this.withReportByYear.get(year);
      if (!all) this.withReportByYear.set(year, (all = this.agenciesWithReport(year, [...this.yearsByAgency.keys()].sort((a, b) => a - b))));
      return all;
    }
    const out: number[] = [];
    for (const id of agencies ?? this.yearsByAgency.keys()) {
      const pairs = this.yearsByAgency.get(id);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) {
        if (pairs[i] === year) {
          out.push(id);
          break;
        }
      }
    }
    return out;
  }
  private readonly withReportByYear = new Map<number, number[]>();

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

  /**
   * The figure for a key in one report, stored or computed. `column`: table 三 applicant or legal_person.
   * `narrow`: unless the report is cached already, read only the cells the key can be computed from.
   */
  resolve(reportId: number, key: string, column = 'total', narrow = false): Resolved {
    return resolveIn(this.cellsOf(reportId, narrow ? [key] : null, [column]), key, column);
  }

  /**
   * A report's cells by metric: with `keys`, the cached report if it is cached, else only the cells those
   * keys are read or computed from, in one query and not cached; with null, the whole report (cached).
   * `columns`: the table 三 columns the figures are asked in ('total', an applicant, 'legal_person'):
   * a 总计 question reads 1 of a row's 7 cells (a closure of 18 keys: ≈ 9 rows, not ≈ 60).
   */
  cellsOf(reportId: number, keys: readonly string[] | null, columns: readonly string[] = ALL_COLUMNS): Map<string, FigureRow[]> {
    if (keys === null) return this.figures(reportId);
    return this.figureCache.peek(reportId) ?? this.cellsFor(reportId, keys, columns);
  }

  /**
   * The cells of the keys a figure is read or computed from (itself, its parts, their parts), not cached.
   * Most figures are printed: when the first key has its own table cell in every column asked, that cell
   * is the answer (resolve.ts: a printed table cell beats any sum) and a reader looks past the first key
   * only when it is missing — so the keys' own cells are read first (a seek each), and the closure (up to
   * ≈ 18 keys, a seek each, most finding nothing) only when the first key is not printed.
   */
  private cellsFor(reportId: number, keys: readonly string[], columns: readonly string[]): Map<string, FigureRow[]> {
    const cols = columnsList(columns);
    if (!columns.includes('all')) {
      const own = this.read(reportId, keysJson(keys), cols);
      const cells = (k: string) => own.get(k);
      if (columns.every((c) => printedInTable(cells, keys[0]!, c))) return own;
    }
    return this.read(reportId, closureJson(keys), cols);
  }

  private read(reportId: number, keysJsonText: string, cols: string): Map<string, FigureRow[]> {
    const m = new Map<string, FigureRow[]>();
    for (const f of this.someFiguresStmt.all(reportId, keysJsonText, cols) as FigureRow[]) push(m, f.metric, f);
    return m;
  }
}

/** A key's figure over cells read by FigureStore.cellsOf (which must have read that key's closure). */
export function resolveIn(cells: Map<string, FigureRow[]>, key: string, column = 'total'): Resolved {
  return resolveFigure((k) => cells.get(k), key, column);
}

/** Every column ('all': the six applicants and 总计). */
const ALL_COLUMNS: readonly string[] = ['all'];

/**
 * The applicant columns someFigures reads for the columns asked, as ",total,natural," for instr() (a
 * json_each list per row made every read slower than reading all columns): 'legal_person' is its five
 * columns summed, and 'total' is always read (a figure not split by applicant, RELATED neighbours).
 */
const COLUMN_LISTS = new Map<string, string>();
function columnsList(columns: readonly string[]): string {
  const id = columns.join('\u0000');
  let list = COLUMN_LISTS.get(id);
  if (list === undefined) {
    const cols = new Set<string>(['total']);
    for (const c of columns) for (const k of c === 'legal_person' ? LEGAL_PERSON_COLUMNS : c === 'all' ? APPLICANT_KEYS : [c]) cols.add(k);
    list = `,${[...cols].join(',')},`;
    if (COLUMN_LISTS.size < 1_000) COLUMN_LISTS.set(id, list);
  }
  return list;
}

/** Keys as the JSON array someFigures reads, built once per set of keys. */
const KEYS_JSON = new Map<string, string>();
function keysJson(keys: readonly string[]): string {
  const id = keys.join('\u0000');
  let json = KEYS_JSON.get(id);
  if (json === undefined) {
    json = JSON.stringify(keys);
    if (KEYS_JSON.size < 10_000) KEYS_JSON.set(id, json);
  }
  return json;
}

/** The closure of several keys as the JSON array someFigures reads, built once per set of keys. */
const CLOSURE_JSON = new Map<string, string>();
function closureJson(keys: readonly string[]): string {
  const id = keys.join('\u0000');
  let json = CLOSURE_JSON.get(id);
  if (json === undefined) {
    json = JSON.stringify([...new Set(keys.flatMap(keyClosure))]);
    // Bounded by the catalogue's slots in practice; a cap keeps odd key sets from growing it.
    if (CLOSURE_JSON.size < 10_000) CLOSURE_JSON.set(id, json);
  }
  return json;
}

/** A key, the keys of its formula and its descendants, and theirs: what resolving it may read. */
const CLOSURES = new Map<string, string[]>();
function keyClosure(key: string): string[] {
  let out = CLOSURES.get(key);
  if (out) return out;
  const keys = new Set<string>();
  const add = (k: string) => {
    if (keys.has(k)) return;
    keys.add(k);
    for (const d of METRICS) if (d.key.startsWith(k + '.')) add(d.key);
    for (const part of FORMULAS[k] ?? []) add(part);
  };
  add(key);
  CLOSURES.set(key, (out = [...keys]));
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
