/**
 * A parsed report against figures read from it by hand (a gold file). Pure: the parse result and the
 * gold in, one verdict per gold figure out. Used by `gongkai eval` and the real-report benchmark.
 *
 * Verdicts, per gold figure:
 *   exact          the stored value equals the gold value
 *   absent_warned  nothing stored (or stored undecided) and a warning names the figure or its line
 *   absent_due     the gold says the text cannot decide (sure: false) or does not state it (value null),
 *                  and nothing decided is stored
 *   absent         nothing stored and no warning about it
 *   guessed        the gold says the text cannot decide, yet a value was stored
 *   wrong          a stored value differs from the gold value — the one outcome that must never happen
 *   uncatalogued   the gold names a figure the catalogue has no key for (not counted either way)
 */
import { z } from 'zod';
import { hintTarget } from '../catalogue/gold-hints.ts';
import { ReportFormatSchema, type Figure, type ParseResult, type ReportWarning } from '../ingest/model.ts';

export const GoldFigureSchema = z.object({
  what: z.string().default(''),
  metric_hint: z.string(),
  applicant: z.string().nullable().default(null),
  value: z.number().nullable(),
  printed: z.string().default(''),
  where: z.string().default(''),
  sure: z.boolean().default(true),
});
export type GoldFigure = z.infer<typeof GoldFigureSchema>;

export const GoldFileSchema = z.object({
  file: z.string(),
  agency: z.string(),
  year: z.number().int(),
  format: ReportFormatSchema,
  figures: z.array(GoldFigureSchema),
});
export type GoldFile = z.infer<typeof GoldFileSchema>;

export const VERDICTS = ['exact', 'absent_warned', 'absent_due', 'absent', 'guessed', 'wrong', 'uncatalogued'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface FigureVerdict {
  gold: GoldFigure;
  verdict: Verdict;
  /** The stored value compared (null when none was stored). */
  got: number | null;
  metric: string | null;
}

export interface ReportEval {
  file: string;
  /** Null when the file was refused. */
  error: string | null;
  agency: { want: string; got: string | null; right: boolean };
  year: { want: number; got: number | null; right: boolean };
  figures: FigureVerdict[];
  counts: Record<Verdict, number>;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function emptyCounts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
}

/** The figures a gold figure is compared with: its key, column and applicant; the hinted origin first. */
function candidates(figures: readonly Figure[], g: GoldFigure, metric: string, cumulative: boolean, origin: 'table' | 'prose'): Figure[] {
  const applicant = g.applicant === 'total' || g.applicant === null ? null : g.applicant;
  const matching = figures.filter((f) => {
    if (f.metric !== metric || Boolean(f.cumulative) !== cumulative) return false;
    // Table 三 rows are stored per applicant; other figures have none. Gold writes "total" for the 总计.
    const fa = f.applicant === 'total' ? null : f.applicant;
    return fa === applicant;
  });
  const preferred = matching.filter((f) => f.origin === origin);
  // A table hint may be stated only in prose (a narrative report); a prose hint is the sentence's own
  // figure, never the table's (the two often disagree, and each is kept with its source).
  return preferred.length > 0 || origin === 'prose' ? preferred : matching;
}

function warned(warnings: readonly ReportWarning[], metric: string, lines: readonly number[]): boolean {
  return warnings.some(
    (w) =>
      (w.metric !== null && (w.metric === metric || metric.startsWith(w.metric + '.') || w.metric.startsWith(metric + '.'))) ||
      (w.line !== null && lines.some((l) => Math.abs(l - w.line!) <= 1)),
  );
}

export function judgeFigure(g: GoldFigure, figures: readonly Figure[], warnings: readonly ReportWarning[], format: GoldFile['format']): FigureVerdict {
  const target = hintTarget(g.metric_hint, format);
  if (!target) return { gold: g, verdict: 'uncatalogued', got: null, metric: null };
  const found = candidates(figures, g, target.metric, target.cumulative ?? false, target.origin ?? 'table');
  const decided = found.filter((f) => f.cell !== 'undecided' && f.value !== null);
  const base = { gold: g, metric: target.metric };
  if (decided.length > 0) {
    const hit = g.value !== null ? decided.find((f) => same(f.value!, g.value!)) : undefined;
    // Undecidable from the text, yet stored: a guess, whatever its value (an HTML twin with intact cells
    // may decide what the squeezed text cannot: the verdict is then read with the input in mind).
    if (!g.sure) return { ...base, verdict: 'guessed', got: (hit ?? decided[0]).value };
    if (hit) return { ...base, verdict: 'exact', got: hit.value };
    // The report states no such figure, yet one was stored: wrong as any other value.
    return { ...base, verdict: 'wrong', got: decided[0].value };
  }
  // Undecidable, or a figure the report does not state (value null): nothing stored is right.
  if (!g.sure || g.value === null) return { ...base, verdict: 'absent_due', got: null };
  const lines = found.map((f) => f.source.line);
  if (found.length > 0 || warned(warnings, target.metric, lines)) return { ...base, verdict: 'absent_warned', got: null };
  return { ...base, verdict: 'absent', got: null };
}

export function evaluateReport(result: ParseResult, gold: GoldFile): ReportEval {
  const counts = emptyCounts();
  if (!result.ok) {
    const figures = gold.figures.map((g): FigureVerdict => {
      const target = hintTarget(g.metric_hint, gold.format);
      return { gold: g, verdict: !target ? 'uncatalogued' : g.sure && g.value !== null ? 'absent' : 'absent_due', got: null, metric: target?.metric ?? null };
    });
    for (const f of figures) counts[f.verdict]++;
    return {
      file: gold.file,
      error: `${result.error.message} (${result.error.code})`,
      agency: { want: gold.agency, got: null, right: false },
      year: { want: gold.year, got: null, right: false },
      figures,
      counts,
    };
  }
  const r = result.report;
  const figures = gold.figures.map((g) => judgeFigure(g, r.figures, r.warnings, gold.format));
  for (const f of figures) counts[f.verdict]++;
  return {
    file: gold.file,
    error: null,
    agency: { want: gold.agency, got: r.agency.name, right: r.agency.name === gold.agency },
    year: { want: gold.year, got: r.year, right: r.year === gold.year },
    figures,
    counts,
  };
}

export interface EvalTotals {
  reports: number;
  refused: number;
  agencyRight: number;
  yearRight: number;
  counts: Record<Verdict, number>;
  /** Gold figures the catalogue holds (all but uncatalogued). */
  catalogued: number;
  /** exact + absent_due over catalogued: the share read right. */
  rightShare: number;
}

export function totalsOf(evals: readonly ReportEval[]): EvalTotals {
  const counts = emptyCounts();
  for (const e of evals) for (const v of VERDICTS) counts[v] += e.counts[v];
  const catalogued = VERDICTS.filter((v) => v !== 'uncatalogued').reduce((a, v) => a + counts[v], 0);
  return {
    reports: evals.length,
    refused: evals.filter((e) => e.error !== null).length,
    agencyRight: evals.filter((e) => e.agency.right).length,
    yearRight: evals.filter((e) => e.year.right).length,
    counts,
    catalogued,
    rightShare: catalogued === 0 ? 0 : (counts.exact + counts.absent_due) / catalogued,
  };
}
