/**
 * createBrowser: the reads behind the web pages besides answers — one report with all its cells, agencies
 * by place, level and alias, an agency's headline figures per year, one figure across agencies, and every
 * warning of the index for review. Parameterized statements prepared once, paged where a national index
 * would be large; figures resolved by the same FigureStore rules as answers, so a page never shows a
 * different value from the bot.
 */
import type { Database } from 'better-sqlite3';
import { metricDef } from '../../catalogue/metrics.ts';
import { agencyLevel, codesOf, type AgencyLevel, type ReviewKind } from '../../catalogue/review-kinds.ts';
import type { AgencyRow, FigureRow, ReportRow, WarningRow } from '../../store/schema.ts';
export type { CarryOverCheck } from './carry-over.ts';
import type { AnswerResult } from '../answer.ts';
import { OVERVIEW } from '../ask.ts';
import { FigureStore } from '../lookup/figures.ts';
import { Lru } from '../lookup/lru.ts';
import { figureResult } from '../respond/result.ts';
import { normalizeText } from '../text/normalize.ts';
import { createCarryOverCheck } from './carry-over.ts';

export interface AgencyListItem extends AgencyRow {
  level: AgencyLevel;
  years: number[];
}
export interface AgencyFilter {
  province?: string;
  city?: string;
  level?: AgencyLevel;
  /** Any alias or part of the name, in any form a user types (normalized like the index's aliases). */
  search?: string;
  limit: number;
  offset: number;
}
export interface YearFigures {
  year: number;
  report: Pick<ReportRow, 'id' | 'title' | 'file'>;
  /** One result per headline metric, in HEADLINE_METRICS order. */
  figures: AnswerResult[];
}
export interface CompareRow {
  agencyId: number;
  reportId: number;
  result: AnswerResult;
}
export interface ReviewFilter {
  province?: string;
  city?: string;
  year?: number;
  kind?: ReviewKind;
  limit: number;
  offset: number;
}
export interface ReviewWarning extends WarningRow {
  agency_id: number;
  agency: string;
  year: number;
  title: string;
}

/** The headline figures of an agency's year (what ask answers for "鹿城区的信息公开情况"). */
export const HEADLINE_METRICS: readonly string[] = OVERVIEW.map((s) => s[0]!);

/** Reports with warnings searched for undecided cells at most, per review page. */
export const MAX_UNDECIDED_REPORTS = 2000;

/** Agencies a comparison shows at most (each is one report read for its citation); the page says when it cut. */
export const MAX_COMPARED = 100;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const LEVEL_SQL = `(@level IS NULL
  OR (@level = 'county' AND a.county IS NOT NULL)
  OR (@level = 'city' AND a.county IS NULL AND a.city IS NOT NULL)
  OR (@level = 'province' AND a.county IS NULL AND a.city IS NULL AND a.province IS NOT NULL)
  OR (@level = 'central' AND a.county IS NULL AND a.city IS NULL AND a.province IS NULL))`;
const PLACE_SQL = '(@province IS NULL OR a.province = @province) AND (@city IS NULL OR a.city = @city)';
const AGENCY_WHERE = `${PLACE_SQL} AND ${LEVEL_SQL}
  AND (@search IS NULL OR a.name LIKE @search ESCAPE '\\'
       OR a.id IN (SELECT agency_id FROM agency_aliases WHERE alias LIKE @search ESCAPE '\\'))`;
const KIND_SQL = `(@codes IS NULL OR w.code IN (SELECT value FROM json_each(@codes))
  OR EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE substr(w.code, 1, length(p.value)) = p.value))`;
const REVIEW_WHERE = `${PLACE_SQL} AND (@year IS NULL OR r.year = @year) AND ${KIND_SQL}`;

export type Browser = ReturnType<typeof createBrowser>;

export function createBrowser(db: Database) {
  const store = new FigureStore(db);
  const ctx = { store };
  const s = {
    report: db.prepare('SELECT id, file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at FROM reports WHERE id = ?'),
    reportByFile: db.prepare('SELECT id FROM reports WHERE file = ?').pluck(),
    agency: db.prepare('SELECT id, name, province, city, county, division_code FROM agencies WHERE id = ?'),
    aliases: db.prepare('SELECT alias FROM agency_aliases WHERE agency_id = ? ORDER BY length(alias), alias').pluck(),
    agencyReports: db.prepare('SELECT id, year, title, file FROM reports WHERE agency_id = ? ORDER BY year, id'),
    // Every cell of a report, the cumulative (历年累计) column included: the report page shows the tables whole.
    figures: db.prepare('SELECT * FROM cited_figures WHERE report_id = ? ORDER BY n'),
    warnings: db.prepare('SELECT * FROM warnings WHERE report_id = ? ORDER BY id'),
    agencies: db.prepare(`
      SELECT a.id, a.name, a.province, a.city, a.county, a.division_code,
             (SELECT group_concat(year) FROM (SELECT DISTINCT year FROM reports r WHERE r.agency_id = a.id ORDER BY year)) AS years
      FROM agencies a WHERE ${AGENCY_WHERE}
      ORDER BY a.province IS NOT NULL, a.province, a.city IS NOT NULL, a.city, a.county IS NOT NULL, a.county, a.name
      LIMIT @limit OFFSET @offset`),
    agencyCount: db.prepare(`SELECT count(*) FROM agencies a WHERE ${AGENCY_WHERE}`).pluck(),
    provinces: db.prepare('SELECT DISTINCT province FROM agencies WHERE province IS NOT NULL ORDER BY province').pluck(),
    cities: db.prepare('SELECT DISTINCT city FROM agencies WHERE city IS NOT NULL AND (@province IS NULL OR province = @province) ORDER BY city').pluck(),
    years: db.prepare('SELECT DISTINCT year FROM reports ORDER BY year').pluck(),
    review: db.prepare(`
      SELECT w.*, r.agency_id, a.name AS agency, r.year, r.title
      FROM warnings w JOIN reports r ON r.id = w.report_id JOIN agencies a ON a.id = r.agency_id
      WHERE ${REVIEW_WHERE} ORDER BY a.name, r.year, w.id LIMIT @limit OFFSET @offset`),
    reviewCount: db.prepare(`
      SELECT count(*) FROM warnings w JOIN reports r ON r.id = w.report_id JOIN agencies a ON a.id = r.agency_id
      WHERE ${REVIEW_WHERE}`).pluck(),
    // Undecided cells per report, beside the warnings that explain them. Looked for in reports that have a
    // warning (a cell is left undecided with one): figures are clustered by report, so this reads those
    // reports' rows only, never the whole figures table.
    undecided: db.prepare(`
      SELECT r.id AS report_id, a.name AS agency, r.year, count(*) AS cells, min(s.line) AS line
      FROM figures f JOIN sources s ON s.report_id = f.report_id AND s.n = f.source
      JOIN reports r ON r.id = f.report_id JOIN agencies a ON a.id = r.agency_id
      WHERE f.report_id IN (SELECT DISTINCT w.report_id FROM warnings w JOIN reports r ON r.id = w.report_id JOIN agencies a ON a.id = r.agency_id
                            WHERE ${PLACE_SQL} AND (@year IS NULL OR r.year = @year) LIMIT ${MAX_UNDECIDED_REPORTS})
        AND f.cell = 'undecided'
      GROUP BY r.id ORDER BY a.name, r.year`),
    metricId: db.prepare('SELECT id FROM metric_keys WHERE key = ?').pluck(),
    // A ranking over a whole place from the resolved values ingest wrote (figure_values), largest first;
    // one report per agency and year, the last ingested, as answers read it.
    ranked: db.prepare(`
      SELECT fv.agency_id, fv.report_id FROM figure_values fv JOIN agencies a ON a.id = fv.agency_id
      WHERE fv.metric = @metric AND fv.col = 0 AND fv.year = @year AND ${PLACE_SQL}
        AND fv.report_id = (SELECT max(id) FROM reports WHERE agency_id = fv.agency_id AND year = fv.year)
      ORDER BY fv.value IS NULL, fv.value DESC, a.name
      LIMIT @limit`),
    // Agencies of the place with a report that year, for "N 个单位未给出".
    reportingIn: db.prepare(`SELECT count(DISTINCT r.agency_id) FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.year = @year AND ${PLACE_SQL}`).pluck(),
  };
  const choices = new Lru<string, string[] | number[]>(512);
  const carryOverCheck = createCarryOverCheck(db);
  // The index is fixed while served, and the check reads the whole index (≈ 0.4–1.5 s at 100,000 reports):
  // each filter's result is kept.
  const carryOvers = new Lru<string, ReturnType<typeof carryOverCheck>>(64);

  const agencyRow = (id: number) => (s.agency.get(id) as AgencyRow | undefined) ?? null;
  const place = (f: { province?: string; city?: string }) => ({ province: f.province ?? null, city: f.city ?? null });
  const kindParams = (kind: ReviewKind | undefined) => {
    if (!kind) return { codes: null, prefixes: '[]' };
    const { codes, prefixes } = codesOf(kind);
    return { codes: JSON.stringify(codes), prefixes: JSON.stringify(prefixes) };
  };

  return {
    report: (id: number) => (s.report.get(id) as ReportRow | undefined) ?? null,
    /** Answers cite a report by its file (AnswerSource.file, stored or public name); pages link it by id. */
    reportIdByFile(file: string, candidates: readonly string[] = [file]): number | null {
      for (const f of candidates) {
        const id = s.reportByFile.get(f) as number | undefined;
        if (id !== undefined) return id;
      }
      return null;
    },
    figures: (reportId: number) => s.figures.all(reportId) as FigureRow[],
    warnings: (reportId: number) => s.warnings.all(reportId) as WarningRow[],
    agency: agencyRow,
    aliases: (agencyId: number) => s.aliases.all(agencyId) as string[],
    agencyReports: (agencyId: number) => s.agencyReports.all(agencyId) as Array<Pick<ReportRow, 'id' | 'year' | 'title' | 'file'>>,
    // The filters' choices: DISTINCT scans of agencies (≈ 50 ms at 100,000 agencies), on every filtered page.
    provinces: () => choices.getOr('provinces', () => s.provinces.all() as string[]) as string[],
    cities: (province?: string) => choices.getOr(`cities:${province ?? ''}`, () => s.cities.all({ province: province ?? null }) as string[]) as string[],
    years: () => choices.getOr('years', () => s.years.all() as number[]) as number[],

    agencies(filter: AgencyFilter): { total: number; items: AgencyListItem[] } {
      const q = filter.search ? normalizeText(filter.search) : '';
      const params = { ...place(filter), level: filter.level ?? null, search: q ? `%${escapeLike(q)}%` : null };
      const rows = s.agencies.all({ ...params, limit: filter.limit, offset: filter.offset }) as Array<AgencyRow & { years: string | null }>;
      return {
        total: s.agencyCount.get(params) as number,
        items: rows.map((r) => ({ ...r, level: agencyLevel(r), years: r.years ? r.years.split(',').map(Number) : [] })),
      };
    },

    /** Every year of one agency with its headline figures (the last ingested report of a year, as answers use). */
    history(agencyId: number, metrics: readonly string[] = HEADLINE_METRICS): YearFigures[] {
      const agency = agencyRow(agencyId);
      if (!agency) return [];
      return store.years(agencyId).map((year) => {
        const report = store.report(agencyId, year)!;
        const figures = metrics.map((m) => figureResult(ctx, agency, report, [m], null).result);
        return { year, report: { id: report.id, title: report.title, file: report.file }, figures };
      });
    },

    /**
     * One figure of one year across agencies, largest first. Agencies picked by id: each of them, a figure
     * its report does not give listed last. A whole place (or the index): the MAX_COMPARED largest, read
     * by SQL, with how many of the place's reports that year do not give it.
     */
    compare(metric: string, year: number, scope: { ids?: number[]; province?: string; city?: string }): { rows: CompareRow[]; cut: boolean; without: number } {
      if (!metricDef(metric)) return { rows: [], cut: false, without: 0 };
      const row = (id: number, report: ReportRow): CompareRow => ({ agencyId: id, reportId: report.id, result: figureResult(ctx, agencyRow(id)!, report, [metric], null).result });
      if (scope.ids && scope.ids.length > 0) {
        const rows: CompareRow[] = [];
        for (const id of scope.ids.slice(0, MAX_COMPARED)) {
          const report = agencyRow(id) ? store.report(id, year) : null;
          if (report) rows.push(row(id, report));
        }
        rows.sort((a, b) => (b.result.value ?? -Infinity) - (a.result.value ?? -Infinity) || a.result.agency.localeCompare(b.result.agency, 'zh'));
        return { rows, cut: scope.ids.length > MAX_COMPARED, without: 0 };
      }
      const metricId = s.metricId.get(metric) as number | undefined;
      const params = { ...place(scope), year };
      const reporting = s.reportingIn.get(params) as number;
      if (metricId === undefined) return { rows: [], cut: false, without: reporting };
      const found = s.ranked.all({ ...params, metric: metricId, limit: MAX_COMPARED + 1 }) as Array<{ agency_id: number; report_id: number }>;
      const rows = found.slice(0, MAX_COMPARED).map((f) => row(f.agency_id, store.report(f.agency_id, year)!));
      const cut = found.length > MAX_COMPARED;
      return { rows, cut, without: cut ? 0 : reporting - rows.length };
    },

    /** The index's warnings for review, filtered by place, year and kind. */
    review(filter: ReviewFilter): { total: number; items: ReviewWarning[] } {
      const params = { ...place(filter), year: filter.year ?? null, ...kindParams(filter.kind) };
      return {
        total: s.reviewCount.get(params) as number,
        items: s.review.all({ ...params, limit: filter.limit, offset: filter.offset }) as ReviewWarning[],
      };
    },

    /** Reports with undecided cells (count and first line), filtered like review. */
    undecided(filter: Omit<ReviewFilter, 'kind' | 'limit' | 'offset'>) {
      return s.undecided.all({ ...place(filter), year: filter.year ?? null }) as Array<{ report_id: number; agency: string; year: number; cells: number; line: number }>;
    },

    /** Checks across years (上年结转 vs last year's 结转下年度), from the stored values. */
    carryOver: (filter: Omit<ReviewFilter, 'kind' | 'offset' | 'limit'> & { limit?: number }) =>
      carryOvers.getOr(JSON.stringify([filter.province, filter.city, filter.year, filter.limit]), () => carryOverCheck(filter, filter.limit)),
  };
}
