/**
 * What every kind of answer stands on: the opened index (agency names, figures) and the small rules they
 * share — which years a question covers, which agencies a place holds, the unsupported answer.
 * One file per kind of question sits beside this one (per-agency, across-agencies, filter, agencies).
 */
import { shortPlaceName } from '../../catalogue/gazetteer.ts';
import type { AgencyRow } from '../../store/schema.ts';
import type { AgencyIndex } from '../agency/agency-index.ts';
import type { Answer } from '../answer.ts';
import { EXAMPLE_QUESTIONS } from '../examples.ts';
import type { AcrossStore } from '../lookup/across.ts';
import type { FigureStore } from '../lookup/figures.ts';
import type { ReportDetails } from '../lookup/details.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import type { AgencyRef } from '../agency/agency-index.ts';
import type { ReportRow } from '../../store/schema.ts';

/** The opened index, as every answer reads it. */
export interface Ctx {
  readonly index: AgencyIndex;
  readonly store: FigureStore;
  readonly details: ReportDetails;
  /** Figures across agencies, by SQL (rankings, totals, lists). */
  readonly across: AcrossStore;
}

/** Longest list an answer prints before "……等 N 个". */
export const MAX_LIST = 10;

/** "注意：…；…。" — the reports' warnings after an answer, each without its own full stop. */
export function warningNotes(warnings: string[]): string {
  if (warnings.length === 0) return '';
  return `\n注意：${warnings.map((w) => w.replace(/[。.]$/u, '')).join('；')}。`;
}

export function unsupported(question: string, lead?: string): Answer {
  return {
    question,
    status: 'unsupported',
    text: `${lead ?? '抱歉，这个问题不在政府信息公开年度报告的范围内。'}可以这样问：\n${EXAMPLE_QUESTIONS.slice(0, 4).join('\n')}`,
    results: [],
    warnings: [],
    suggestions: EXAMPLE_QUESTIONS,
  };
}

/** Years of one agency a query asks about, and a note when the year was chosen for the user. */
export function yearsFor(ctx: Ctx, agencyId: number, query: StructuredQuery): { years: number[]; note: string | null; missing: number[] } {
  const have = ctx.store.years(agencyId);
  const y = query.years;
  switch (y.type) {
    case 'latest': {
      const last = have.at(-1);
      return { years: last === undefined ? [] : [last], note: last === undefined ? null : `（未指定年份，按最新的${last}年报告）`, missing: [] };
    }
    case 'single':
      return { years: have.includes(y.year) ? [y.year] : [], note: null, missing: have.includes(y.year) ? [] : [y.year] };
    case 'list':
      return { years: y.years.filter((v) => have.includes(v)), note: null, missing: y.years.filter((v) => !have.includes(v)) };
    case 'range': {
      const years = have.filter((v) => v >= y.from && v <= y.to);
      return { years, note: null, missing: span(y.from, y.to).filter((v) => !have.includes(v)) };
    }
    case 'recent': {
      // 近三年: the three years up to the agency's latest report, each said when it is not indexed.
      const last = have.at(-1);
      if (last === undefined) return { years: [], note: null, missing: [] };
      const wanted = span(last - y.count + 1, last);
      return { years: wanted.filter((v) => have.includes(v)), note: null, missing: wanted.filter((v) => !have.includes(v)) };
    }
    case 'all':
      return { years: have, note: null, missing: [] };
  }
}

/** from..to inclusive; a range wider than the reports can span (typed years) is not listed year by year. */
function span(from: number, to: number): number[] {
  if (to < from || to - from > 30) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Whether a year lies within the years asked: only a range ("2020年至2022年") leaves some out. */
export function withinYears(years: StructuredQuery['years'], year: number): boolean {
  return years.type !== 'range' || (year >= years.from && year <= years.to);
}

export function yearsLabel(query: StructuredQuery): string {
  const y = query.years;
  if (y.type === 'range') return `${y.from}—${y.to}年`;
  if (y.type === 'list') return y.years.map((v) => `${v}年`).join('、');
  if (y.type === 'recent') return `近${y.count}年`;
  return '';
}

/** Agencies a ranking, total or list covers: all, or those in the places named ("温州市各单位"). */
export function inScope(ctx: Ctx, query: StructuredQuery): AgencyRow[] {
  const all = [...ctx.index.agencies.values()];
  if (!query.scope || query.scope.length === 0) return all;
  return all.filter((a) => query.scope!.some((p) => [a.province, a.city, a.county].some((x) => !!x && (x === p || shortPlaceName(x) === p)) || a.name.startsWith(p)));
}

/**
 * Each report a per-agency question covers, in order: visit(agency, report) for each; a line for each year
 * asked that the index does not hold ("索引中没有…年的报告。"), and the default-year notes, for the caller.
 */
export function forEachReport(ctx: Ctx, query: StructuredQuery, lines: string[], notes: string[], visit: (agency: AgencyRef, report: ReportRow) => void): void {
  for (const agency of query.agencies) {
    const { years, note, missing } = yearsFor(ctx, agency.id, query);
    if (note) notes.push(note);
    for (const y of missing) lines.push(`索引中没有${agency.name}${y}年的报告。`);
    for (const year of years) {
      const report = ctx.store.report(agency.id, year);
      if (report) visit(agency, report);
    }
  }
}
