/**
 * Accuracy at scale: the index built from a generated corpus compared with the corpus's sidecars —
 * every true table cell extracted exactly, or absent with a warning, or an error (wrong value,
 * silently missing, or filed under the wrong agency/year); fused digit runs reported separately —
 * and 1,000 generated questions answered with the true figure.
 */
import Database from 'better-sqlite3';
import { relative } from 'node:path';
import { createAsker } from '../src/query/index.ts';
import { openIndex } from '../src/store/open.ts';
import { parseTruth, type TrueCell, type Truth } from './corpus/truth.ts';
import { readFileSync } from 'node:fs';
import { corpus, corpusIndex } from './lib/cache.ts';
import { DEFAULT_DOCUMENT_SHARES } from './corpus/documents.ts';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { knownQuestions } from './lib/questions.ts';
import { int, pct } from './lib/stats.ts';

interface IndexedFigure {
  metric: string;
  applicant: string | null;
  cumulative: number;
  value: number | null;
  cell: string;
  computed: number;
  line: number;
}
interface IndexedWarning {
  metric: string | null;
  line: number | null;
}

export type Outcome =
  | 'exact'
  | 'dash_as_zero' // a printed dash stored as the number 0 (answers the same; not the same cell)
  | 'absent_warned' // missing or undecided, and a warning names the figure or a nearby line
  | 'absent_report_warned' // missing or undecided; the report carries warnings, none about this cell
  | 'file_failed' // the whole file was refused with an error message
  | 'wrong' // ERROR: a different value
  | 'absent_silent' // ERROR: missing or undecided with no warning at all
  | 'misattributed'; // ERROR: the report was filed under another agency or year

export const ERROR_OUTCOMES: Outcome[] = ['wrong', 'absent_silent', 'misattributed'];

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

export function judgeCell(cell: TrueCell, figures: IndexedFigure[], warnings: IndexedWarning[]): { outcome: Outcome; got: IndexedFigure | null } {
  const candidates = figures.filter(
    (f) => f.metric === cell.metric && (f.applicant ?? null) === (cell.applicant ?? null) && Boolean(f.cumulative) === cell.cumulative,
  );
  const got = candidates.find((f) => f.line === cell.line) ?? candidates[0] ?? null;
  const decided = got && got.cell !== 'undecided';
  if (decided) {
    if (cell.cell === 'number' && got.cell === 'number' && got.value !== null && same(got.value, cell.value!)) return { outcome: 'exact', got };
    if (cell.cell === 'dash' && got.cell === 'dash') return { outcome: 'exact', got };
    if (cell.cell === 'dash' && got.cell === 'number' && got.value === 0) return { outcome: 'dash_as_zero', got };
    if (cell.cell === 'blank' && (got.cell === 'blank' || (got.computed && got.value !== null && same(got.value, cell.actual)))) return { outcome: 'exact', got };
    return { outcome: 'wrong', got };
  }
  const named = warnings.some((w) => w.metric === cell.metric || (w.metric !== null && cell.metric.startsWith(w.metric + '.')) || (w.line !== null && Math.abs(w.line - cell.line) <= 3));
  if (named) return { outcome: 'absent_warned', got };
  return { outcome: warnings.length > 0 ? 'absent_report_warned' : 'absent_silent', got };
}

interface Tally {
  total: number;
  byOutcome: Record<string, number>;
}
const tally = (): Tally => ({ total: 0, byOutcome: {} });
const add = (t: Tally, o: Outcome) => {
  t.total++;
  t.byOutcome[o] = (t.byOutcome[o] ?? 0) + 1;
};
const errorsOf = (t: Tally) => ERROR_OUTCOMES.reduce((s, o) => s + (t.byOutcome[o] ?? 0), 0);

export interface AccuracyResult {
  reports: number;
  all: Tally;
  fused: Tally;
  clean: Tally;
  byLayout: Record<string, Tally>;
  byFormat: Record<string, Tally>;
  /** By the report-level shapes and damage its sidecar lists (crawled, html_minified, page_numbers …). */
  byShape: Record<string, Tally>;
  lineExact: number;
  /** Exact cells whose true line is a line of the file itself (not of the web page a PDF/.docx was made from). */
  lineCounted: number;
  identity: { agency: number; year: number; format: number; indexed: number };
  prose: { total: number; found: number };
  examples: string[];
}

const PRINTED_LAYOUTS = new Set(['pdf', 'docx']);

export function compareIndex(dbPath: string, corpusDir: string, files: string[], truths: string[]): AccuracyResult {
  const db = new Database(dbPath, { readonly: true });
  const reportQ = db.prepare('SELECT r.id, r.year, r.format, a.name FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.file = ?');
  const figQ = db.prepare("SELECT metric, applicant, cumulative, value, cell, computed, line, origin FROM cited_figures WHERE report_id = ?");
  const warnQ = db.prepare('SELECT metric, line FROM warnings WHERE report_id = ?');
  const res: AccuracyResult = {
    reports: files.length,
    all: tally(),
    fused: tally(),
    clean: tally(),
    byLayout: {},
    byFormat: {},
    byShape: {},
    lineExact: 0,
    lineCounted: 0,
    identity: { agency: 0, year: 0, format: 0, indexed: 0 },
    prose: { total: 0, found: 0 },
    examples: [],
  };
  for (let i = 0; i < files.length; i++) {
    const truth: Truth = parseTruth(readFileSync(truths[i], 'utf8'));
    const row = reportQ.get(files[i]) as { id: number; year: number; format: string; name: string } | undefined;
    let figures: (IndexedFigure & { origin: string })[] = [];
    let warnings: IndexedWarning[] = [];
    let misattributed = false;
    if (row) {
      res.identity.indexed++;
      if (row.name === truth.agency.name) res.identity.agency++;
      if (row.year === truth.year) res.identity.year++;
      if (row.format === truth.format) res.identity.format++;
      misattributed = row.name !== truth.agency.name || row.year !== truth.year;
      figures = figQ.all(row.id) as typeof figures;
      warnings = warnQ.all(row.id) as IndexedWarning[];
    }
    const table = figures.filter((f) => f.origin === 'table');
    for (const cell of truth.cells) {
      let outcome: Outcome;
      let got: IndexedFigure | null = null;
      if (!row) outcome = 'file_failed';
      else if (misattributed) outcome = 'misattributed';
      else ({ outcome, got } = judgeCell(cell, table, warnings));
      add(res.all, outcome);
      add(cell.damage.includes('fused') ? res.fused : res.clean, outcome);
      add((res.byLayout[truth.layout] ??= tally()), outcome);
      add((res.byFormat[truth.format] ??= tally()), outcome);
      for (const d of truth.damage) add((res.byShape[d] ??= tally()), outcome);
      // A PDF or .docx made from a web page has its own lines (and pages): the sidecar's line is the page's.
      if (outcome === 'exact' && got && !PRINTED_LAYOUTS.has(truth.layout)) {
        res.lineCounted++;
        if (got.line === cell.line) res.lineExact++;
      }
      if (ERROR_OUTCOMES.includes(outcome) && res.examples.length < Number(process.env.GONGKAI_BENCH_ERRORS ?? 12)) {
        const who = cell.applicant ? `${cell.metric}[${cell.applicant}]` : cell.metric;
        const was = cell.cell === 'number' ? cell.raw : `${cell.cell}「${cell.raw}」`;
        const is = got ? (got.cell === 'number' ? String(got.value) : got.cell) : '—';
        res.examples.push(`${relative(corpusDir, files[i])} (${truth.layout}, ${truth.format}${cell.damage.length ? `, ${cell.damage.join('+')}` : ''}) ${who} line ${cell.line}: true ${was}, indexed ${is} → ${outcome}`);
      }
    }
    for (const p of truth.prose) {
      res.prose.total++;
      if (figures.some((f) => f.origin === 'prose' && f.metric === p.metric && f.value !== null && same(f.value, p.value))) res.prose.found++;
    }
  }
  db.close();
  return res;
}

function tallyRow(label: string, t: Tally): string {
  const o = (k: Outcome) => t.byOutcome[k] ?? 0;
  const notExactOk = o('dash_as_zero') + o('absent_warned') + o('absent_report_warned') + o('file_failed');
  return `| ${label} | ${int(t.total)} | **${pct(o('exact'), t.total, 3)}** | ${int(notExactOk)} | ${int(errorsOf(t))} |`;
}

export async function benchAccuracy(ctx: BenchContext): Promise<Section> {
  const n = ctx.quick ? 1_000 : 10_000;
  // Some web-page reports rewritten as PDF and .docx, so the figures are measured on every input kind.
  const c = corpus(n, ctx.log, { documents: DEFAULT_DOCUMENT_SHARES });
  const dbPath = corpusIndex(c, ctx.log, { fresh: true });
  const r = compareIndex(dbPath, c.dir, c.files, c.truths);
  ctx.log(`cells exact: ${pct(r.all.byOutcome.exact ?? 0, r.all.total, 3)}, errors ${errorsOf(r.all)}`);

  const truths = c.truths.map((p) => parseTruth(readFileSync(p, 'utf8')));
  const questions = knownQuestions(truths, 1_000, 31);
  const db = openIndex(dbPath);
  const ask = createAsker(db, { today: new Date('2026-06-01') });
  let right = 0;
  const statuses: Record<string, number> = {};
  const wrong: string[] = [];
  for (const q of questions) {
    const a = ask(q.question);
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const v = a.results[0]?.value;
    const ok = a.status === 'answered' && a.results.length > 0 && (v === null ? q.dash : v !== undefined && same(v, q.expected));
    if (ok) right++;
    else if (wrong.length < 8) wrong.push(`${q.question} → ${a.status}${a.results.length ? ` ${a.results[0].value}` : ''} (true ${q.dash ? '—' : q.expected})`);
  }
  db.close();
  ctx.log(`questions answered with the true figure: ${pct(right, questions.length)}`);

  const o = (k: Outcome) => r.all.byOutcome[k] ?? 0;
  const body = [
    '## Accuracy at scale',
    '',
    `Method: \`npm run bench -- --only accuracy${ctx.quick ? ' --quick' : ''}\`. The index of ${int(n)} generated reports (${pct(DEFAULT_DOCUMENT_SHARES.pdf, 1, 0)} of them web pages printed to PDF by`,
    `Chromium and ${pct(DEFAULT_DOCUMENT_SHARES.docx, 1, 0)} converted to .docx by LibreOffice — rows "layout pdf" / "layout docx" —, built by the pipeline with the`,
    'worker pool) is compared cell by cell with the sidecars (`<report>.truth.json`): a true table cell is **exact** when the index',
    'holds a table figure with the same metric, applicant column and cumulative flag and the same value (a dash as a dash; a blank',
    'as blank, or computed to its true sum). Otherwise it must be absent/undecided **with a warning** (one naming its metric or a',
    'line within 3 of it; "report warned" = the report carries warnings but none about this cell) — or it is an **error**: a wrong',
    'value, silently missing, or the whole report filed under another agency/year. Questions: 1,000 generated',
    '"<全称><年>年<指标>多少件" questions on the same index; right = `answered` with the true figure first.',
    '',
    '| cells | count | exact | not exact, acceptable | errors |',
    '|---|---|---|---|---|',
    tallyRow('all', r.all),
    tallyRow('in fused digit runs', r.fused),
    tallyRow('not fused', r.clean),
    ...Object.entries(r.byFormat).sort().map(([k, t]) => tallyRow(`format ${k}`, t)),
    ...Object.entries(r.byLayout).sort().map(([k, t]) => tallyRow(`layout ${k}`, t)),
    ...Object.entries(r.byShape).sort().map(([k, t]) => tallyRow(`shape ${k}`, t)),
    '',
    `Not exact, by outcome: dash stored as 0 ${int(o('dash_as_zero'))} · absent with a warning ${int(o('absent_warned'))} · absent, report warned ${int(o('absent_report_warned'))} ·`,
    `file refused ${int(o('file_failed'))} · **errors**: wrong value ${int(o('wrong'))}, silently absent ${int(o('absent_silent'))}, misattributed report ${int(o('misattributed'))}.`,
    '',
    `Exact cells cited on their true line: ${pct(r.lineExact, r.lineCounted)} (PDF and .docx files excluded: their lines are not the sidecar's). Reports indexed: ${int(r.identity.indexed)} of ${int(r.reports)};`,
    `agency name right ${pct(r.identity.agency, r.identity.indexed)}, year right ${pct(r.identity.year, r.identity.indexed)}, format right ${pct(r.identity.format, r.identity.indexed)}.`,
    `Prose figures (sentences stating a figure): ${pct(r.prose.found, r.prose.total)} of ${int(r.prose.total)} found with their value.`,
    '',
    `Questions answered with the true figure: **${pct(right, questions.length, 1)}** of ${int(questions.length)} (${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(', ')}).`,
    '',
    `Targets: ≥ 99.9% of cells exact — ${(o('exact') / r.all.total) >= 0.999 ? 'met' : '**missed**'}; error count 0 — ${errorsOf(r.all) === 0 ? 'met' : `**missed** (${int(errorsOf(r.all))})`}.`,
    ...(r.examples.length ? ['', 'First errors (for whoever fixes them; GONGKAI_BENCH_ERRORS=N lists N):', '', ...r.examples.map((e) => `- ${e}`)] : []),
    ...(wrong.length ? ['', 'First questions not answered with the true figure:', '', ...wrong.map((w) => `- ${w}`)] : []),
  ];
  return { id: 'accuracy', body: body.join('\n') };
}
