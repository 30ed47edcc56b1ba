/**
 * Rates and shares, computed from the report's own counts: the rate with both counts, the formula, the
 * definition (catalogue/rates.ts), every cell cited. A blank, undecided or missing part means no rate,
 * and the answer says which part — never a rate from a guess.
 */
import { metricDef } from '../../catalogue/metrics.ts';
import { NAMED_RATES, shareWhole, type RateSide } from '../../catalogue/rates.ts';
import type { ReportRow } from '../../store/schema.ts';
import type { AgencyRef } from '../agency/agency-index.ts';
import type { Answer, AnswerResult, AnswerSource } from '../answer.ts';
import { fmt } from '../lookup/figures.ts';
import { citation, metricLabel, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { forEachReport, warningNotes, type Ctx } from './context.ts';
import { figureResult } from './result.ts';

interface Side {
  value: number | null;
  parts: AnswerResult[];
  /** "予以公开 85 件 + 部分公开 2 件" */
  said: string;
}

function side(ctx: Ctx, agency: AgencyRef, report: ReportRow, s: RateSide, applicant: string | null, warnings: Set<string>): Side {
  const parts: AnswerResult[] = [];
  const term = (key: string) => {
    const { result, warnings: w } = figureResult(ctx, agency, report, [key], applicant);
    for (const m of w) warnings.add(m);
    parts.push(result);
    return result;
  };
  const plus = s.plus.map(term);
  const minus = (s.minus ?? []).map(term);
  const all = [...plus, ...minus];
  const value = all.some((p) => p.value === null)
    ? null
    : plus.reduce((t, p) => t + p.value!, 0) - minus.reduce((t, p) => t + p.value!, 0);
  const show = (p: AnswerResult) => `${p.label} ${valueText(p)}`;
  const said = [plus.map(show).join(' + '), ...minus.map(show)].join(' − ');
  return { value, parts, said };
}

/** The rate a query asks for, as numerator and denominator sides, label and definition. */
function rateFor(query: StructuredQuery): { key: string; label: string; numerator: RateSide; denominator: RateSide; applicant: string | null; definition: string } | null {
  const named = NAMED_RATES.find((r) => r.key === query.rate);
  if (named) return { key: named.key, label: named.label, numerator: named.numerator, denominator: named.denominator, applicant: null, definition: named.definition };
  const key = query.metrics[0];
  if (!key) return null;
  const applicant = query.applicant;
  const whole = applicant && metricDef(key)?.byApplicant ? { plus: [key], label: '' } : shareWhole(key);
  if (!whole) return null;
  const part = metricLabel(key, applicant);
  const wholeLabel = applicant && metricDef(key)?.byApplicant ? metricLabel(key, 'total') : metricLabel(whole.plus[0]!);
  return {
    key: `share.${key}`,
    label: `${part}占比`,
    numerator: { plus: [key], label: part },
    denominator: { plus: whole.plus, label: wholeLabel },
    // The denominator's column: an applicant's share is of the row's 总计, anything else in its own column.
    applicant,
    definition: `${part}占比 = ${part} ÷ ${wholeLabel}`,
  };
}

export function rateAnswer(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const def = rateFor(query);
  if (!def) {
    return {
      question,
      status: 'unsupported',
      text: `年度报告只列件数，“${query.metrics.map((m) => metricLabel(m)).join('、')}”没有可作分母的总数，不能算比率。可以问：公开率、予以公开率、办结率、行政复议纠错率、行政诉讼纠错率，或“自然人申请占比”。`,
      results: [],
      warnings: [],
      suggestions: [],
    };
  }
  const results: AnswerResult[] = [];
  const lines: string[] = [];
  const warnings = new Set<string>();
  const notes: string[] = [];
  forEachReport(ctx, query, lines, notes, (agency, report) => {
    const num = side(ctx, agency, report, def.numerator, def.applicant, warnings);
    const denApplicant = def.key.startsWith('share.') && def.applicant && metricDef(def.numerator.plus[0]!)?.byApplicant ? 'total' : def.applicant;
    const den = side(ctx, agency, report, def.denominator, denApplicant, warnings);
    const sources: AnswerSource[] = [];
    for (const p of [...num.parts, ...den.parts]) for (const s of p.sources ?? (p.source ? [p.source] : [])) if (!sources.some((o) => o.line === s.line && o.quote === s.quote)) sources.push(s);
    const head = `${agency.name}${report.year}年${def.label}`;
    let value: number | null = null;
    if (num.value === null || den.value === null) {
      const gap = [...num.parts, ...den.parts].filter((p) => p.value === null).map((p) => `${p.label}${valueText(p)}`);
      lines.push(`${head}：无法计算（${gap.join('、')}）。`);
    } else if (den.value === 0) {
      lines.push(`${head}：无从计算——分母${def.denominator.label}为 0（${den.said}）。`);
    } else {
      value = Math.round((num.value / den.value) * 10000) / 100;
      lines.push(`${head}：${fmt(value)}%（${fmt(num.value)} ÷ ${fmt(den.value)}）。`);
      lines.push(`分子：${num.said}；分母：${den.said}。`);
    }
    lines.push(`定义：${def.definition}`);
    for (const s of sources.slice(0, 4)) lines.push(citation(report.title, s));
    const result: AnswerResult = {
      agency: agency.name,
      year: report.year,
      metric: def.key,
      label: def.label,
      value,
      unit: '%',
      approximate: false,
      source: sources[0] ?? null,
      report: report.title,
      formula: value === null ? `（${num.said}）÷（${den.said}）` : `（${num.said}）÷（${den.said}）= ${fmt(value)}%`,
    };
    if (value !== null) result.cell = 'computed';
    if (sources.length > 1) result.sources = sources;
    results.push(result);
  });
  const text = [...lines, ...new Set(notes)].join('\n') + warningNotes([...warnings]);
  return { question, status: results.length > 0 ? 'answered' : 'not_found', text, results, warnings: [...warnings], suggestions: [] };
}
