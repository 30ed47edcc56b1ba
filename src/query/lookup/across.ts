/**
 * Figures across agencies, read by SQL over figure_values (src/store/schema.ts): rankings (ORDER BY value
 * LIMIT), totals (SUM … GROUP BY state) and lists of agencies picked by a figure (GROUP BY agency). Nothing
 * here loads a report: an answer reads citations (FigureStore) only for the rows it shows, so a question
 * about every agency costs what a question about one does, and memory does not grow with the index.
 *
 * A question's figure is a slot: keys tried in order (2019 key, 2021 key, pre-2019 key), each in a column.
 * A report's value for the slot is that of the first key it gives (as figureResult reads one report), so
 * each key after the first takes only the reports that lack every key before it (NOT EXISTS on the primary
 * key). Every statement is parameterized; their shapes (number of keys, which filters) are few and
 * prepared once each.
 */
import type { Database, Statement } from 'better-sqlite3';
import { Lru } from './lru.ts';
import { VALUE_COLUMNS, VALUE_STATES, type ValueState } from '../../store/schema.ts';

/** One key of a slot and the column it is read in (total, an applicant, legal_person). */
export interface SlotKey {
  key: string;
  column: string;
}

/** Which reports a question covers. */
export interface ValueScope {
  /** One year (rankings, totals) or several (lists of agencies over a range). */
  years?: number[];
  /** Only these agencies; null: every agency. */
  agencies: number[] | null;
  /**
   * Per year, its agencies (null: all of `agencies`): each agency's latest report, or last three, is a
   * few years each with most agencies — scanned by year, not probed report by report. Overrides both.
   */
  byYear?: { year: number; agencies: number[] | null }[];
  /** `byYear` takes one report of each agency (its latest): an agency is one row. */
  oneReportPerAgency?: boolean;
  /** Reports a later one of the same agency and year replaced: never counted. */
  excluded: number[];
}

export interface ValueRow {
  reportId: number;
  agencyId: number;
  year: number;
  value: number | null;
  state: ValueState;
}

/** How many reports of the scope give the slot in each state, and the sum of those with a value. */
export type StateCounts = Record<ValueState, { reports: number; sum: number }>;

/** Competition ranking order: by value, then by agency id (the order agencies are listed everywhere). */
export type Order = 'desc' | 'asc';

const COLUMN_CODE = new Map<string, number>(VALUE_COLUMNS.map((c, i) => [c, i]));

/**
 * Up to this many agencies are probed one by one (≈ 1 µs each); more are a filter on the year's range of
 * an index, read in order (≈ 0.1 µs a row, ≈ 9,100 rows a year at 100,000 reports).
 */
const PROBED = 512;

export class AcrossStore {
  private readonly metricIds: Map<string, number>;
  private readonly statements = new Lru<string, Statement>(256);

  constructor(private readonly db: Database) {
    this.metricIds = new Map(db.prepare('SELECT key, id FROM metric_keys').raw().all() as [string, number][]);
  }

  /** The rows of a ranking: the reports with a value, best first, one page of them. */
  rank(slot: SlotKey[], scope: ValueScope, order: Order, limit: number, offset = 0): ValueRow[] {
    const keys = this.known(slot);
    if (keys.length === 0) return [];
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    const { sql, params } = this.picked(keys, scope, 'value', 'value IS NOT NULL');
    const stmt = this.prepare(`rank|${dir}|${sql}`, `${sql} ORDER BY value ${dir}, agency_id LIMIT ? OFFSET ?`);
    return (stmt.all(...params, limit, offset) as RawRow[]).map(toRow);
  }

  /** Reports of the scope whose value is better than `value` (ranked above it), and those equal to it. */
  around(slot: SlotKey[], scope: ValueScope, order: Order, value: number): { better: number; equal: number } {
    const keys = this.known(slot);
    if (keys.length === 0) return { better: 0, equal: 0 };
    // One range of figure_values_rank, from the best value to this one: counted off the index.
    const { sql, params } = this.picked(keys, scope, 'value', order === 'asc' ? 'value <= ?' : 'value >= ?', [value]);
    const stmt = this.prepare(`around|${sql}`, `SELECT count(*) AS upto, coalesce(sum(value = ?), 0) AS equal FROM (${sql})`);
    const { upto, equal } = stmt.get(value, ...params) as { upto: number; equal: number };
    return { better: upto - equal, equal };
  }

  /**
   * Agencies of the scope's reports whose report does not give the slot (`withValue`: gives no value for
   * it — blank, undecided or not given — in any report of the scope), the first `limit` in id order. The
   * scope's reports in agency order EXCEPT those giving it, merged by SQLite in order: no report is probed.
   */
  absent(slot: SlotKey[], scope: ValueScope, withValue: boolean, limit: number): number[] {
    const keys = this.known(slot);
    const params: unknown[] = [];
    const reports = this.parts(scope).map((part) => {
      const few = part.agencies !== null && part.agencies.length <= PROBED;
      // One year is one range of reports_year in agency order; an IN list would need a sort first.
      const where = [part.years.length === 1 ? 'r.year = ?' : 'r.year IN (SELECT value FROM json_each(?))'];
      params.push(part.years.length === 1 ? part.years[0] : json(part.years));
      if (part.agencies) {
        where.push(`${few ? '' : '+'}r.agency_id IN (SELECT value FROM json_each(?))`);
        params.push(json(part.agencies));
      }
      if (scope.excluded.length > 0) {
        where.push('r.id NOT IN (SELECT value FROM json_each(?))');
        params.push(json(scope.excluded));
      }
      return `SELECT r.agency_id FROM reports r INDEXED BY reports_year WHERE ${where.join(' AND ')}`;
    });
    const giving = this.branches(keys, scope, 'agency', withValue ? 'value IS NOT NULL' : null, [], 'v.agency_id');
    params.push(...giving.params);
    // The parts hold different reports: UNION ALL, the EXCEPT after them making the list distinct.
    const sql = [reports.join(' UNION ALL '), ...giving.sql].join(' EXCEPT ');
    return this.prepare(`absent|${sql}`, `${sql} ORDER BY 1 LIMIT ?`).pluck().all(...params, limit) as number[];
  }

  /** Per state, how many reports of the scope give the slot so, and the sum of their values (SQL SUM). */
  counts(slot: SlotKey[], scope: ValueScope): StateCounts {
    const out = Object.fromEntries(VALUE_STATES.map((s) => [s, { reports: 0, sum: 0 }])) as StateCounts;
    const keys = this.known(slot);
    if (keys.length === 0) return out;
    const { sql, params } = this.picked(keys, scope, 'agency', null);
    // One pass of the year's range, a count and a sum per state: no GROUP BY (a sort of every row).
    const columns = VALUE_STATES.map((_, i) => `count(*) FILTER (WHERE state = ${i}), total(value) FILTER (WHERE state = ${i})`).join(', ');
    const row = this.prepare(`counts|${sql}`, `SELECT ${columns} FROM (${sql})`).raw().get(...params) as number[];
    VALUE_STATES.forEach((s, i) => (out[s] = { reports: row[2 * i]!, sum: row[2 * i + 1]! }));
    return out;
  }

  /** One page of the scope's rows in agency order: with a value (a total's lines) or without (blank, undecided). */
  listed(slot: SlotKey[], scope: ValueScope, withValue: boolean, limit: number, offset = 0): ValueRow[] {
    const keys = this.known(slot);
    if (keys.length === 0) return [];
    // Without a value: the NULL end of figure_values_rank, in agency order there too.
    const { sql, params } = this.picked(keys, scope, withValue ? 'agency' : 'value', withValue ? 'value IS NOT NULL' : 'value IS NULL');
    const stmt = this.prepare(`listed|${sql}`, `${sql} ORDER BY agency_id, year LIMIT ? OFFSET ?`);
    return (stmt.all(...params, limit, offset) as RawRow[]).map(toRow);
  }

  /**
   * Agencies picked by their figure over the scope's reports: every value they give is 0 ('zero'), or
   * not ('nonzero'). Reports without a value (blank, undecided, not given) decide nothing. One page of
   * agency ids in id order, how many there are, and how many agencies give a value at all.
   */
  pick(slot: SlotKey[], scope: ValueScope, filter: 'zero' | 'nonzero', limit: number, offset = 0): { agencies: number[]; matched: number; known: number } {
    const keys = this.known(slot);
    if (keys.length === 0) return { agencies: [], matched: 0, known: 0 };
    if (onePerAgency(scope)) {
      // One report per agency: no grouping — the agencies are the rows. "= 0" is one range of
      // figure_values_rank, in agency order; "<> 0" is read in agency order off figure_values_agency.
      const all = this.picked(keys, scope, 'value', 'value IS NOT NULL');
      const known = this.prepare(`known|${all.sql}`, `SELECT count(*) FROM (${all.sql})`).pluck().get(...all.params) as number;
      const hits = this.picked(keys, scope, filter === 'zero' ? 'value' : 'agency', filter === 'zero' ? 'value = 0' : 'value <> 0');
      const matched = this.prepare(`matched|${hits.sql}`, `SELECT count(*) FROM (${hits.sql})`).pluck().get(...hits.params) as number;
      const page = this.prepare(`hits|${hits.sql}`, `${hits.sql} ORDER BY agency_id LIMIT ? OFFSET ?`);
      return { agencies: (page.all(...hits.params, limit, offset) as RawRow[]).map((r) => r.agency_id), matched, known };
    }
    // Several reports per agency: an agency is 'zero' when every value it gives is 0.
    const { sql, params } = this.picked(keys, scope, 'agency', 'value IS NOT NULL');
    const zero = 'max(value) = 0 AND min(value) = 0';
    const grouped = `SELECT agency_id, (${filter === 'zero' ? zero : `NOT (${zero})`}) AS hit FROM (${sql}) GROUP BY agency_id`;
    const stmt = this.prepare(
      `pick|${filter}|${sql}`,
      `WITH g AS MATERIALIZED (${grouped}), n AS (SELECT count(*) AS known, coalesce(sum(hit), 0) AS matched FROM g)
       SELECT n.known, n.matched, p.agency_id FROM n LEFT JOIN (SELECT agency_id FROM g WHERE hit ORDER BY agency_id LIMIT ? OFFSET ?) p`,
    );
    const rows = stmt.all(...params, limit, offset) as { known: number; matched: number; agency_id: number | null }[];
    return { agencies: rows.filter((r) => r.agency_id !== null).map((r) => r.agency_id!), matched: rows[0]?.matched ?? 0, known: rows[0]?.known ?? 0 };
  }

  /** Keys the index holds, with their codes (a key no report gives has no rows: nothing to read). */
  private known(slot: SlotKey[]): { metric: number; col: number }[] {
    const out: { metric: number; col: number }[] = [];
    for (const s of slot) {
      const metric = this.metricIds.get(s.key);
      const col = COLUMN_CODE.get(s.column);
      if (metric !== undefined && col !== undefined) out.push({ metric, col });
    }
    return out;
  }

  /** The scope as (years, agencies) parts: one, or one per year of `byYear`. */
  private parts(scope: ValueScope): { years: number[]; agencies: number[] | null }[] {
    return scope.byYear
      ? scope.byYear.map((p) => ({ years: [p.year], agencies: p.agencies ?? scope.agencies }))
      : [{ years: scope.years ?? [], agencies: scope.agencies }];
  }

  /** The reports of the scope with their value for the slot, as one UNION ALL of `branches`. */
  private picked(keys: { metric: number; col: number }[], scope: ValueScope, order: 'value' | 'agency', extra: string | null, extraParams: unknown[] = []): { sql: string; params: unknown[] } {
    const b = this.branches(keys, scope, order, extra, extraParams, 'v.report_id, v.agency_id, v.year, v.value, v.state');
    return { sql: b.sql.join(' UNION ALL '), params: b.params };
  }

  /**
   * One SELECT per key and part of the scope, each key after the first limited to the reports lacking
   * every earlier key (NOT IN the earlier keys' reports of the same years and agencies: one small list
   * built per statement, not a probe per row). `order`: the index read — figure_values_rank for value
   * order (a ranking, "= 0", the NULL end), figure_values_agency for agency order; a place of at most
   * PROBED agencies is probed agency by agency in figure_values_agency, a larger one is a filter on the
   * year's range (`+agency_id`: not used to probe). `extra`: a condition on value for every branch.
   */
  private branches(keys: { metric: number; col: number }[], scope: ValueScope, order: 'value' | 'agency', extra: string | null, extraParams: unknown[], columns: string): { sql: string[]; params: unknown[] } {
    const params: unknown[] = [];
    const sql = keys.flatMap((k, i) => this.parts(scope).map((part) => {
      const few = part.agencies !== null && part.agencies.length <= PROBED;
      const byAgency = order === 'agency' || few;
      const where = ['v.metric = ?', 'v.col = ?'];
      params.push(k.metric, k.col);
      const within = (alias: string) => {
        const w: string[] = [];
        if (part.years.length === 1) {
          w.push(`${alias}.year = ?`);
          params.push(part.years[0]);
        } else {
          w.push(`${alias}.year IN (SELECT value FROM json_each(?))`);
          params.push(json(part.years));
        }
        if (part.agencies) {
          w.push(`${few ? '' : '+'}${alias}.agency_id IN (SELECT value FROM json_each(?))`);
          params.push(json(part.agencies));
        }
        return w;
      };
      where.push(...within('v'));
      if (scope.excluded.length > 0) {
        where.push('v.report_id NOT IN (SELECT value FROM json_each(?))');
        params.push(json(scope.excluded));
      }
      if (extra) {
        where.push(`v.${extra}`);
        params.push(...extraParams);
      }
      for (const earlier of keys.slice(0, i)) {
        params.push(earlier.metric, earlier.col);
        const w = within('p');
        where.push(`v.report_id NOT IN (SELECT p.report_id FROM figure_values p INDEXED BY figure_values_agency WHERE p.metric = ? AND p.col = ? AND ${w.join(' AND ')})`);
      }
      return `SELECT ${columns} FROM figure_values v INDEXED BY ${byAgency ? 'figure_values_agency' : 'figure_values_rank'} WHERE ${where.join(' AND ')}`;
    }));
    return { sql, params };
  }

  /** Statements by their shape (keys, filters, years split): few, and bounded whatever is asked. */
  private prepare(shape: string, sql: string): Statement {
    return this.statements.getOr(shape, () => this.db.prepare(sql));
  }
}

/** A list as one JSON text for json_each: each list once per question however many statements read it. */
const JSON_TEXT = new WeakMap<number[], string>();
function json(list: number[]): string {
  let text = JSON_TEXT.get(list);
  if (text === undefined) JSON_TEXT.set(list, (text = JSON.stringify(list)));
  return text;
}

/** Whether each agency has at most one report in the scope: one year, or each agency's latest report. */
function onePerAgency(scope: ValueScope): boolean {
  return scope.byYear ? scope.oneReportPerAgency === true : (scope.years ?? []).length === 1;
}

interface RawRow {
  report_id: number;
  agency_id: number;
  year: number;
  value: number | null;
  state: number;
}

function toRow(r: RawRow): ValueRow {
  return { reportId: r.report_id, agencyId: r.agency_id, year: r.year, value: r.value, state: VALUE_STATES[r.state]! };
}
