/**
 * One figure of one report as an AnswerResult: the first of a slot's metrics the report gives, its
 * sources, and the report's warnings that touch it — or, when it is missing, a neighbour the report does give.
 */
import { metricDef } from '../../catalogue/metrics.ts';
import type { FigureRow, ReportRow, WarningRow } from '../../store/schema.ts';
import type { AgencyRef } from '../agency/agency-index.ts';
import type { AnswerResult, AnswerSource } from '../answer.ts';
import { fmt, resolveIn, type Resolved } from '../lookup/figures.ts';
import { metricLabel, placeText } from '../render/format.ts';
import type { Ctx } from './context.ts';

/** Report-level warnings that explain why a figure may be absent from the file (src/ingest/checks). */
const INCOMPLETE_FILE_CODES = new Set(['report.truncated', 'table.missing', 'table.incomplete', 'table.row_missing', 'table.row_unreadable']);

/** Figures to point at when the one asked for is not in the report (see related). */
const RELATED: Record<string, string[]> = {
  'requests.new': ['requests.accepted'],
  'proactive.total': ['proactive.website', 'proactive.wechat', 'proactive.weibo', 'proactive.app', 'proactive.douyin', 'proactive.gazette', 'proactive.media'],
};
const RELATED_NOTE: Record<string, string> = { 'requests.accepted': '（受理数可能含上年结转的申请）' };

/**
 * `narrow`: read only the cells this figure needs, not the whole report into the cache: at 100,000 reports
 * a question rarely finds its report cached, and reading ≈ 140 cells to use 1–8 is most of its cost
 * (bench: 1.06 → 0.23 ms CPU per single-figure question with the report not cached).
 */
export function figureResult(ctx: Pick<Ctx, 'store'>, agency: AgencyRef, report: ReportRow, slot: string[], applicant: string | null, withRelated = false, narrow = false): { result: AnswerResult; warnings: string[] } {
  // One read for the slot's keys and, when a missing figure may point at a neighbour, the neighbours' too.
  const cells = ctx.store.cellsOf(report.id, narrow ? keysRead(slot, withRelated) : null, applicant ? [applicant] : ['total']);
  let chosen: Resolved | null = null;
  for (const key of slot) {
    const column = applicant && metricDef(key)?.byApplicant ? applicant : 'total';
    const r = resolveIn(cells, key, column);
    if (r.cell !== 'missing') {
      chosen = r;
      break;
    }
    chosen ??= r;
  }
  const r = chosen!;
  const col = applicant && metricDef(r.key)?.byApplicant ? applicant : null;
  const sources: AnswerSource[] = r.cells.map((c) => ({ file: report.file, line: c.line, section: c.section, quote: c.quote, column: c.col, page: c.page }));
  const result: AnswerResult = {
    agency: agency.name,
    year: report.year,
    metric: r.key,
    label: metricLabel(r.key, col),
    value: r.value,
    unit: r.unit,
    approximate: r.approximate,
    source: sources[0] ?? null,
    cell: r.cell,
    report: report.title,
  };
  if (col) result.applicant = col;
  if (sources.length > 1) result.sources = sources;
  if (r.formula) result.formula = r.formula;
  const warnings = relevantWarnings(ctx, report.id, r);
  if (withRelated && r.cell === 'missing') warnings.push(...related(cells, r.key));
  return { result, warnings };
}

/** The keys figureResult reads for a slot: its own, and with `withRelated` their RELATED neighbours. */
const KEYS_READ = new Map<string, string[]>();
function keysRead(slot: string[], withRelated: boolean): string[] {
  const id = `${withRelated ? 1 : 0}\u0000${slot.join('\u0000')}`;
  let keys = KEYS_READ.get(id);
  if (!keys) {
    keys = withRelated ? [...new Set([...slot, ...slot.flatMap((k) => RELATED[k] ?? [])])] : slot;
    if (KEYS_READ.size < 10_000) KEYS_READ.set(id, keys);
  }
  return keys;
}

/**
 * A figure the report does not give, but a neighbour it does ("共受理申请35件" for 新收申请, 网站 2428
 * 条 for 主动公开总数): said beside 报告未披露, with its line, never as the figure asked for.
 */
function related(cells: Map<string, FigureRow[]>, key: string): string[] {
  const found: { k: string; r: Resolved; place: string; quote: string }[] = [];
  for (const k of RELATED[key] ?? []) {
    const r = resolveIn(cells, k);
    const c = r.cells[0];
    if (r.value !== null && c) found.push({ k, r, place: placeText({ line: c.line, column: c.col, page: c.page }), quote: c.quote.trim() });
  }
  if (found.length === 0) return [];
  const item = (f: (typeof found)[number]) => `${metricLabel(f.k)} ${fmt(f.r.value!)} ${f.r.approximate ? '余' : ''}${f.r.unit}（${f.place}）`;
  const one = found.length === 1 ? `：“${found[0]!.quote}”${RELATED_NOTE[found[0]!.k] ?? ''}` : '';
  return [`报告未给出“${metricLabel(key)}”，另有：${found.map(item).join('、')}${one}`];
}

function relevantWarnings(ctx: Pick<Ctx, 'store'>, reportId: number, r: Resolved): string[] {
  const lines = new Set(r.cells.map((c) => c.line));
  const keys = new Set([r.key, ...r.cells.map((c) => c.metric)]);
  const touches = (w: WarningRow) => {
    // A figure the file lacks may be missing because the file is cut short or a table went unread.
    if (r.cell === 'missing' && INCOMPLETE_FILE_CODES.has(w.code)) return true;
    if (w.metric) {
      for (const k of keys) if (w.metric === k || w.metric.startsWith(k + '.') || k.startsWith(w.metric + '.')) return true;
      return false;
    }
    return (w.line !== null && lines.has(w.line)) || (w.line2 !== null && lines.has(w.line2));
  };
  return ctx.store.warnings(reportId).filter(touches).map((w) => w.message);
}
