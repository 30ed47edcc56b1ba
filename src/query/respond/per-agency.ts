/**
 * Questions about named agencies, one report per agency and year: one figure or several (figure),
 * several agencies side by side (compare), years in a row (trend), and yes/no.
 */
import { metricDef } from '../../catalogue/metrics.ts';
import type { Answer, AnswerResult } from '../answer.ts';
import { fmt } from '../lookup/figures.ts';
import { citation, metricLabel, resultText, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { warningNotes, yearsFor, type Ctx } from './context.ts';
import { figureResult } from './result.ts';

export function perAgency(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const results: AnswerResult[] = [];
  const warnings: string[] = [];
  const missingYears: string[] = [];
  const notes: string[] = [];
  for (const agency of query.agencies) {
    const { years, note, missing } = yearsFor(ctx, agency.id, query);
    if (note) notes.push(note);
    for (const y of missing) missingYears.push(`${agency.name}${y}年`);
    for (const year of years) {
      const report = ctx.store.report(agency.id, year);
      if (!report) continue;
      for (const slot of query.slots) {
        for (const applicant of query.applicants ?? [query.applicant]) {
          const { result, warnings: w } = figureResult(ctx, agency, report, slot, applicant, true);
          results.push(result);
          for (const m of w) if (!warnings.includes(m)) warnings.push(m);
        }
      }
    }
  }
  if (results.length === 0) {
    const have = query.agencies.map((a) => `${a.name}：${ctx.store.years(a.id).map((y) => `${y}年`).join('、') || '暂无'}`);
    return {
      question,
      status: 'not_found',
      text: `索引中没有${missingYears.join('、') || '相应年份'}的报告。已收录——${have.join('；')}`,
      results: [],
      warnings: [],
      suggestions: query.agencies.flatMap((a) => ctx.store.years(a.id).map((y) => `${a.name}${y}年${metricLabel(query.metrics[0]!)}`)).slice(0, 5),
    };
  }
  let text: string;
  if (query.kind === 'trend') text = trendText(results);
  else if (query.kind === 'yesno') text = results.map((r) => `${yesNo(r, query.threshold)}${resultText(r)}`).join('\n');
  else text = results.map(resultText).join('\n');
  if (query.corrected.length > 0) text += `\n（按${query.corrected.map((c) => `“${c.replace(' → ', '”理解为“')}”`).join('、')}）`;
  const years = new Set(results.map((r) => r.year));
  if (query.kind === 'compare' && query.years.type === 'latest' && years.size > 1) {
    // Each agency at its own latest report: say so once, with each year, rather than one note per agency.
    const each = [...new Map(results.map((r) => [r.agency, r.year])).entries()].map(([a, y]) => `${a}${y}年`);
    text += `\n（未指定年份，各按最新报告：${each.join('、')}；年份不同，请注意比较口径）`;
  } else if (notes.length > 0) text += `\n${[...new Set(notes)].join('')}`;
  if (missingYears.length > 0) text += `\n（未收录：${missingYears.join('、')}的报告）`;
  if (warnings.length > 0) text += warningNotes(warnings);
  return { question, status: 'answered', text, results, warnings, suggestions: [] };
}

/**
 * Lines added after a single agency's figures: the sum when "一共/加起来" joins several figures of
 * one unit, the difference when two are compared, and a note that the reports give counts, not rates.
 */
export function extraLines(normalized: string, query: StructuredQuery, results: AnswerResult[]): string {
  const out: string[] = [];
  const known = results.filter((r) => r.value !== null);
  const oneUnit = known.length === results.length && known.length >= 2 && known.every((r) => r.unit === known[0]!.unit);
  if (oneUnit && SUM_RE.test(normalized) && query.kind === 'figure' && new Set(known.map((r) => r.metric)).size === known.length) {
    out.push(`合计：${known.map((r) => fmt(r.value!)).join(' + ')} = ${fmt(known.reduce((s, r) => s + r.value!, 0))} ${known[0]!.unit}`);
  }
  const twoAgencies = query.kind === 'compare' && known[0]?.metric === known[1]?.metric;
  if (oneUnit && known.length === 2 && DIFF_RE.test(normalized) && (twoAgencies || query.kind === 'figure')) {
    const [a, b] = known as [AnswerResult, AnswerResult];
    // Agencies compared at different years (each one's latest report) say the year beside the name.
    const who = (r: AnswerResult) => (twoAgencies ? (a.year !== b.year ? `${r.agency}（${r.year}年）` : r.agency) : r.label);
    const d = a.value! - b.value!;
    out.push(d === 0 ? `两者相同，均为 ${fmt(a.value!)} ${a.unit}。` : `${who(d > 0 ? a : b)}比${who(d > 0 ? b : a)}多 ${fmt(Math.abs(d))} ${a.unit}。`);
  }
  if (RATE_RE.test(normalized)) out.push('（年度报告只列件数，不给比率；以上是计算比率所需的件数。）');
  if (PERIOD_RE.test(normalized)) out.push('（年度报告只有全年的数字，没有分月、分季度或半年的数字；以上是全年数。）');
  return out.length > 0 ? `\n${out.join('\n')}` : '';
}
const SUM_RE = /一共|总共|合计|加起来|加上|共计|总和|^.*加.*(?:共|多少)/;
const DIFF_RE = /比|相差|差多少|差几|多多少|少多少|多几|少几|(?:哪个|哪家|谁).{0,10}[多少高低]/;
const RATE_RE = /率|比例|占比|百分/;
const PERIOD_RE = /上半年|下半年|季度|\d{1,2}月|[一二三四五六七八九十]{1,2}月份?|月份/;

/**
 * "企业申请行政复议多少件": only table 三 is split by applicant. Any other figure asked for with an
 * applicant is the total, and is said to be, first — never read as that applicant's figure.
 */
export function notSplitNote(query: StructuredQuery, results: AnswerResult[]): string {
  const who = [...new Set([query.applicant, ...(query.applicants ?? [])])].filter((a): a is NonNullable<typeof a> => !!a);
  if (who.length === 0) return '';
  const whole = [...new Set(results.filter((r) => !metricDef(r.metric)?.byApplicant).map((r) => metricLabel(r.metric)))];
  if (whole.length === 0) return '';
  const names = who.map((a) => metricLabel('', a).replace(/^（|）$/g, '')).join('、');
  return `年度报告的${whole.join('、')}不按申请人类型分列，没有${names}的单独数字；以下是总数。\n`;
}

const THRESHOLD_WORDS: Record<NonNullable<StructuredQuery['threshold']>['op'], [string, string]> = {
  gt: ['超过', '没有超过'],
  ge: ['达到', '没有达到'],
  lt: ['不到', '没有少于'],
  le: ['没有超过', '超过了'],
  eq: ['等于', '不等于'],
};

function yesNo(r: AnswerResult, threshold?: StructuredQuery['threshold']): string {
  if (r.value === null) return threshold ? '无法判断：' : '';
  if (!threshold) return r.value === 0 ? `没有，0 ${r.unit}。` : `有，${fmt(r.value)} ${r.unit}。`;
  const v = r.value;
  const t = threshold.value;
  const yes = { gt: v > t, ge: v >= t, lt: v < t, le: v <= t, eq: v === t }[threshold.op];
  const [word, notWord] = THRESHOLD_WORDS[threshold.op];
  return `${yes ? '是' : '否'}，${fmt(v)} ${r.unit}，${yes ? word : notWord} ${fmt(t)} ${r.unit}。`;
}

function trendText(results: AnswerResult[]): string {
  const lines: string[] = [];
  const prevByKey = new Map<string, AnswerResult>();
  for (const r of results) {
    const k = `${r.agency}|${r.metric}|${r.applicant ?? ''}`;
    const prev = prevByKey.get(k);
    let change = '';
    if (prev && prev.value !== null && r.value !== null) {
      const d = r.value - prev.value;
      change = `（比${prev.year}年${d > 0 ? '增加' : d < 0 ? '减少' : '持平'}${d !== 0 ? ` ${fmt(Math.abs(d))} ${r.unit}` : ''}）`;
    }
    prevByKey.set(k, r);
    lines.push(`${r.agency}${r.year}年${r.label}：${valueText(r)}${change}`);
    if (r.source) lines.push(citation(r.report, r.source));
  }
  return lines.join('\n');
}
