/**
 * The seed index against the hand-made gold files (test/gold/*.json): every table cell with its value,
 * kind and line; the key prose figures; verbatim quotes; no invented cells; the warnings a careful
 * reader would raise. The first half checks the gold files themselves (catalogue keys, completeness,
 * the report's own identities, values printed where the gold says), so a wrong gold fails loudly too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { TABLE2_METRICS, TABLE3_METRICS, TABLE4_METRICS, APPLICANT_KEYS, metricDef } from '../src/catalogue/metrics.ts';
import type { FigureRow, ReportRow, WarningRow } from '../src/store/schema.ts';
import { cellKey, codeMatches, loadGold, type GoldCell, type GoldEntry } from './helpers/gold.ts';

const ENTRIES = loadGold();
const APPLICANTS6 = APPLICANT_KEYS.filter((a) => a !== 'total');

// ---------------------------------------------------------------------------------------------
// The gold files themselves

/** Table 三 rows stored in the 2019 format: not derived, and （六） is one row, not three. */
const T3_2019 = TABLE3_METRICS.filter((d) => !d.derived && !d.key.startsWith('requests.result.other_handling.')).map(
  (d) => d.key,
);
const T2_2019 = TABLE2_METRICS.filter((d) => !/\.(issued|repealed|in_force)$|^fees\.amount$/.test(d.key)).map((d) => d.key);
const T4_CELLS = TABLE4_METRICS.filter((d) => /^(review|litigation\.(direct|after_review))\./.test(d.key)).map((d) => d.key);
const LEAF_RESULTS = T3_2019.filter((k) => k.startsWith('requests.result.') && k !== 'requests.result.total');

/** The identities of report-format.md §C/§D, over gold values (dash counts as 0). */
function identityBreaks(cells: GoldCell[]): string[] {
  const v = new Map(cells.map((c) => [cellKey(c.metric, c.applicant), c.value ?? 0]));
  const get = (metric: string, applicant: string | null) => v.get(cellKey(metric, applicant)) ?? 0;
  const breaks: string[] = [];
  for (const metric of T3_2019) {
    const sum = APPLICANTS6.reduce((s, a) => s + get(metric, a), 0);
    if (sum !== get(metric, 'total')) breaks.push(`row_sum ${metric}: ${get(metric, 'total')} vs ${sum}`);
  }
  for (const a of APPLICANT_KEYS) {
    const lhs = get('requests.new', a) + get('requests.carried_over', a);
    const rhs = get('requests.result.total', a) + get('requests.carried_forward', a);
    if (lhs !== rhs) breaks.push(`balance ${a}: ${lhs} vs ${rhs}`);
    const leaves = LEAF_RESULTS.reduce((s, k) => s + get(k, a), 0);
    if (leaves !== get('requests.result.total', a)) {
      breaks.push(`total_leaves ${a}: ${get('requests.result.total', a)} vs ${leaves}`);
    }
  }
  for (const prefix of ['review', 'litigation.direct', 'litigation.after_review']) {
    const four = ['upheld', 'corrected', 'other', 'pending'].reduce((s, k) => s + get(`${prefix}.${k}`, null), 0);
    if (four !== get(`${prefix}.total`, null)) breaks.push(`table4 ${prefix}: ${get(`${prefix}.total`, null)} vs ${four}`);
  }
  return breaks;
}

/** Where the seeds really break their own identities (001: （七）总计 7, but only 予以公开 3 is listed). */
const EXPECTED_BREAKS: Record<string, string[]> = {
  '001': ['total_leaves natural: 7 vs 3', 'total_leaves total: 7 vs 3'],
};

const numbersIn = (line: string): string[] => line.match(/\d+(?:\.\d+)?/g) ?? [];

describe('gold files', () => {
  test('there is one gold file per seed', () => {
    expect(ENTRIES.map((e) => e.seed)).toEqual(['000', '001', '002', '003', '004']);
  });

  test.each(ENTRIES.map((e) => [e.seed, e] as const))('%s: catalogue keys, applicant rule, no duplicates', (_s, e) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const c of [...e.gold.cells, ...e.gold.prose]) {
      const def = metricDef(c.metric);
      if (!def) problems.push(`unknown metric ${c.metric}`);
      else if (def.byApplicant ? c.applicant === null : c.applicant !== null) problems.push(`applicant ${cellKey(c.metric, c.applicant)}`);
      if (c.applicant !== null && !(APPLICANT_KEYS as string[]).includes(c.applicant)) problems.push(`applicant ${c.applicant}`);
      if (c.line > e.lines.length) problems.push(`line ${c.line} beyond the file`);
    }
    for (const c of e.gold.cells) {
      if (metricDef(c.metric)?.derived) problems.push(`derived ${c.metric} is not a table cell`);
      const k = cellKey(c.metric, c.applicant);
      if (seen.has(k)) problems.push(`duplicate ${k}`);
      seen.add(k);
      if ((c.value === null) !== (c.cell !== 'number')) problems.push(`${k}: value/cell kind disagree`);
    }
    expect(problems).toEqual([]);
  });

  const format2019 = ENTRIES.filter((e) => e.gold.format === '2019');
  test.each(format2019.map((e) => [e.seed, e] as const))('%s: every cell of tables 二, 三 (23 rows × 7), 四', (_s, e) => {
    const want = [
      ...T2_2019.map((k) => cellKey(k, null)),
      ...T3_2019.flatMap((k) => APPLICANT_KEYS.map((a) => cellKey(k, a))),
      ...T4_CELLS.map((k) => cellKey(k, null)),
    ].sort();
    expect(want).toHaveLength(22 + 23 * 7 + 15);
    expect(e.gold.cells.map((c) => cellKey(c.metric, c.applicant)).sort()).toEqual(want);
  });

  test.each(format2019.map((e) => [e.seed, e] as const))('%s: gold values keep the report’s identities', (s, e) => {
    expect(identityBreaks(e.gold.cells)).toEqual(EXPECTED_BREAKS[s] ?? []);
  });

  test.each(ENTRIES.map((e) => [e.seed, e] as const))('%s: each gold value is printed on its line', (_s, e) => {
    const problems: string[] = [];
    for (const c of e.gold.cells) {
      const line = e.lines[c.line - 1] ?? '';
      if (c.cell === 'dash' && !/[—\-\/－]/.test(line)) problems.push(`${cellKey(c.metric, c.applicant)} @${c.line}: no dash`);
      if (c.cell === 'number' && !c.computed && !numbersIn(line).includes(String(Math.abs(c.value!)))) {
        problems.push(`${cellKey(c.metric, c.applicant)} @${c.line}: ${c.value} not printed`);
      }
    }
    for (const line of new Set(e.gold.cells.filter((c) => c.computed).map((c) => c.line))) {
      const onLine = e.gold.cells.filter((c) => c.line === line).length;
      if (numbersIn(e.lines[line - 1]).length !== onLine - 1) problems.push(`@${line}: computed row is not one number short`);
    }
    for (const p of e.gold.prose) {
      const line = e.lines[p.line - 1] ?? '';
      const printed = p.value === 0 ? /未发生|无/.test(line) : numbersIn(line).includes(String(p.value));
      if (!printed) problems.push(`prose ${p.metric} @${p.line}: ${p.value} not printed`);
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The seed index against the gold

let db: Database.Database;
const reportIds = new Map<string, number>();

type ReportWithAgency = ReportRow & { agency: string };

function reportOf(e: GoldEntry): ReportWithAgency {
  const rows = db
    .prepare('SELECT r.*, a.name AS agency FROM reports r JOIN agencies a ON a.id = r.agency_id')
    .all() as ReportWithAgency[];
  const wanted = basename(e.gold.file);
  const found = rows.filter((r) => basename(r.file) === wanted);
  if (found.length !== 1) throw new Error(`${wanted}: ${found.length} report rows in the index (expected 1)`);
  reportIds.set(e.seed, found[0].id);
  return found[0];
}
const reportId = (e: GoldEntry) => reportIds.get(e.seed) ?? reportOf(e).id;

function figures(e: GoldEntry, origin: 'table' | 'prose', metric: string, applicant: string | null): FigureRow[] {
  return db
    .prepare('SELECT * FROM cited_figures WHERE report_id = ? AND origin = ? AND metric = ? AND applicant IS ? AND cumulative = 0')
    .all(reportId(e), origin, metric, applicant) as FigureRow[];
}
const describeRows = (rows: FigureRow[]) =>
  rows.map((r) => `${r.value ?? r.cell}@${r.line}`).join(', ') || 'none';

describe('seed index matches the gold', () => {
  beforeAll(async () => {
    // Imported here so the gold files' own checks still run while the ingest code is mid-edit.
    const { buildSeedIndex } = await import('./helpers/seed-index.ts');
    db = new Database(await buildSeedIndex(), { readonly: true, fileMustExist: true });
  });
  afterAll(() => db?.close());

  test.each(ENTRIES.map((e) => [e.seed, e] as const))('%s: report identity', (_s, e) => {
    const r = reportOf(e);
    expect({ agency: r.agency, year: r.year, format: r.format }).toEqual({
      agency: e.gold.agency,
      year: e.gold.year,
      format: e.gold.format,
    });
    expect(r.title).toContain(e.gold.title_contains);
    if (e.gold.website !== undefined) expect(r.website).toBe(e.gold.website);
    if (e.gold.published !== undefined) expect(r.published).toBe(e.gold.published);
  });

  const cellCases = ENTRIES.flatMap((e) =>
    e.gold.cells.map((c) => {
      const shown = c.value === null ? c.cell : String(c.value);
      const name = `${e.seed} ${c.metric}${c.applicant ? '/' + c.applicant : ''} = ${shown} @${c.line}`;
      return [name, e, c] as const;
    }),
  );
  test.each(cellCases)('%s', (_n, e, c) => {
    const rows = figures(e, 'table', c.metric, c.applicant);
    expect(rows.length, `table figures found: ${describeRows(rows)}`).toBe(1);
    const got = rows[0];
    if (c.computed) {
      expect({ value: got.value, line: got.line }).toEqual({ value: c.value, line: c.line });
    } else {
      expect({ value: got.value, cell: got.cell, line: got.line }).toEqual({ value: c.value, cell: c.cell, line: c.line });
    }
  });

  const proseCases = ENTRIES.flatMap((e) =>
    e.gold.prose.map((p) => {
      const name = `${e.seed} prose ${p.metric} = ${p.approximate ? '~' : ''}${p.value} @${p.line}`;
      return [name, e, p] as const;
    }),
  );
  test.each(proseCases)('%s', (_n, e, p) => {
    const all = figures(e, 'prose', p.metric, p.applicant);
    const rows = all.filter((r) => r.line === p.line);
    expect(rows.length, `prose figures for ${p.metric}: ${describeRows(all)}`).toBe(1);
    expect({ value: rows[0].value, approximate: rows[0].approximate === 1 }).toEqual({
      value: p.value,
      approximate: p.approximate,
    });
  });

  // A row printed with one number too few: one of its stored cells was not printed, and must say so
  // (computed), whichever it is.
  const shortRows = ENTRIES.flatMap((e) =>
    [...new Set(e.gold.cells.filter((c) => c.computed).map((c) => c.line))].map((line) => {
      const onLine = e.gold.cells.filter((c) => c.line === line).length;
      const missing = onLine - numbersIn(e.lines[line - 1]).length;
      return [`${e.seed} row @${line}: ${missing} of ${onLine} cells marked computed`, e, line, missing] as const;
    }),
  );
  test.each(shortRows)('%s', (_n, e, line, missing) => {
    const rows = db
      .prepare("SELECT * FROM cited_figures WHERE report_id = ? AND origin = 'table' AND line = ?")
      .all(reportId(e), line) as FigureRow[];
    expect(rows.filter((r) => r.computed === 1).map((r) => cellKey(r.metric, r.applicant))).toHaveLength(missing);
  });

  test.each(ENTRIES.map((e) => [e.seed, e] as const))('%s: every figure quotes its line verbatim', (_s, e) => {
    const rows = db.prepare('SELECT * FROM cited_figures WHERE report_id = ?').all(reportId(e)) as FigureRow[];
    const wrong = rows
      .filter((r) => e.lines[r.line - 1] !== r.quote)
      .map((r) => `${cellKey(r.metric, r.applicant)} @${r.line}: ${JSON.stringify(r.quote)}`);
    expect(wrong).toEqual([]);
  });

  test.each(ENTRIES.map((e) => [e.seed, e] as const))('%s: no table figure the gold does not list', (_s, e) => {
    const listed = new Set(e.gold.cells.map((c) => cellKey(c.metric, c.applicant)));
    const rows = db.prepare("SELECT * FROM cited_figures WHERE report_id = ? AND origin = 'table'").all(reportId(e)) as FigureRow[];
    const invented = rows
      .filter((r) => r.cumulative !== 0 || !listed.has(cellKey(r.metric, r.applicant)))
      .map((r) => `${cellKey(r.metric, r.applicant)}${r.cumulative ? ' (cumulative)' : ''} = ${r.value ?? r.cell} @${r.line}`);
    expect(invented).toEqual([]);
  });

  const warningsOf = (e: GoldEntry) =>
    db.prepare('SELECT * FROM warnings WHERE report_id = ?').all(reportId(e)) as WarningRow[];
  const showWarnings = (ws: WarningRow[]) =>
    ws.map((w) => `${w.code}[${w.metric ?? ''}]@${w.line ?? ''}/${w.line2 ?? ''}`).join('; ') || 'none';

  const warningCases = ENTRIES.flatMap((e) =>
    e.gold.warnings.map((w) => {
      const lines = [w.line, w.line2].filter((l) => l !== undefined).join('/');
      return [`${e.seed} warns ${w.code}${w.metric ? ' ' + w.metric : ''} @${lines}`, e, w] as const;
    }),
  );
  test.each(warningCases)('%s', (_n, e, w) => {
    const all = warningsOf(e);
    const match = all.filter(
      (x) =>
        codeMatches(w.code, x.code) &&
        (w.metric === undefined || x.metric === w.metric) &&
        [w.line, w.line2].every((l) => l === undefined || x.line === l || x.line2 === l),
    );
    expect(match.length, `warnings present: ${showWarnings(all)}`).toBeGreaterThan(0);
  });

  const forbiddenCases = ENTRIES.flatMap((e) =>
    (e.gold.forbidden_warnings ?? []).map((code) => [`${e.seed} has no ${code} warning`, e, code] as const),
  );
  test.each(forbiddenCases)('%s', (_n, e, code) => {
    expect(showWarnings(warningsOf(e).filter((x) => codeMatches(code, x.code)))).toBe('none');
  });
});
