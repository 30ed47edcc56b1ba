/**
 * Rankings ("哪个单位行政复议最多", "前三") and totals ("温州市各单位一共收到多少申请") across agencies:
 * all indexed, the ones named, or those of a place, compared in one year.
 */
import type { Answer, AnswerResult } from '../answer.ts';
import { fmt } from '../lookup/figures.ts';
import { citation, metricLabel, placeText, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { inScope, MAX_LIST, warningNotes, type Ctx } from './context.ts';
import { figureResult } from './result.ts';

/** Ranking and totals across agencies (all indexed, the ones named, or those of a place). */
export function acrossAgencies(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const slot = query.slots[0]!;
  const named = query.agencies.length > 0;
  const pool = named ? query.agencies.map((a) => a.id) : inScope(ctx, query).map((a) => a.id);
  let year: number | null;
  let note = '';
  if (query.years.type === 'single') year = query.years.year;
  else if (query.years.type === 'list') year = query.years.years.at(-1) ?? null;
  else {
    // Rankings and totals compare one year: the newest year the agencies compared all have, else the
    // newest year indexed for them.
    const yearSets = pool.map((id) => new Set(ctx.store.years(id)));
    const all = [...new Set(yearSets.flatMap((s) => [...s]))].sort((a, b) => a - b);
    const common = all.filter((y) => yearSets.every((s) => s.has(y)));
    year = (named ? common.at(-1) ?? all.at(-1) : all.at(-1)) ?? null;
    if (year !== null) note = `（${query.years.type === 'latest' ? '未指定年份，' : ''}按最新的${year}年报告）`;
  }
  if (pool.length === 0) {
    return { question, status: 'not_found', text: `索引中没有${query.scope?.join('、') ?? ''}的单位的报告。`, results: [], warnings: [], suggestions: ctx.index.someNames(5) };
  }
  const results: AnswerResult[] = [];
  const warnings: string[] = [];
  const skipped: string[] = [];
  for (const id of pool) {
    const report = year === null ? null : ctx.store.report(id, year);
    if (!report) {
      if (named) skipped.push(ctx.index.ref(id)!.name);
      continue;
    }
    const { result, warnings: w } = figureResult(ctx, ctx.index.ref(id)!, report, slot, query.applicant);
    results.push(result);
    for (const m of w) if (!warnings.includes(m)) warnings.push(m);
  }
  const label = metricLabel(query.metrics[0]!, query.applicant);
  if (results.length === 0) {
    return { question, status: 'not_found', text: `索引中没有${year ?? ''}年的报告。已收录年份：${ctx.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
  }
  const missingNote = skipped.length > 0 ? `\n（未收录${year}年报告：${skipped.join('、')}）` : '';
  const withValue = results.filter((r) => r.value !== null);
  const without = results.filter((r) => r.value === null);
  const unit = results[0]!.unit;
  const scope = query.scope && query.scope.length > 0 ? query.scope.join('、') : '';
  if (query.kind === 'total') {
    const total = withValue.reduce((s, r) => s + r.value!, 0);
    const lines = withValue.map((r) => `${r.agency} ${valueText(r)}${r.source ? `（${placeText(r.source)}）` : ''}`);
    const text =
      `${year}年${scope}${withValue.length}个单位${label}合计 ${fmt(total)} ${unit}${note}。\n${lines.join('\n')}` +
      (without.length > 0 ? `\n未计入（报告未披露或无法识别）：${without.map((r) => r.agency).join('、')}` : '') +
      missingNote +
      warningNotes(warnings);
    return { question, status: 'answered', text, results: [...withValue, ...without], warnings, suggestions: [] };
  }
  const sign = query.order === 'asc' ? 1 : -1;
  const sorted = [...withValue].sort((a, b) => sign * (a.value! - b.value!));
  // Ties at the cut are kept: "前三" with two agencies sharing third place shows both.
  const n = query.topN ?? MAX_LIST;
  const cut = sorted[n - 1]?.value;
  const tiedAtCut = sorted.filter((r, i) => i >= n && cut !== undefined && r.value === cut && query.topN !== undefined);
  const top = [...sorted.slice(0, n), ...tiedAtCut.slice(0, MAX_LIST)];
  const best = sorted.filter((r) => r.value === sorted[0]?.value);
  const lines = top.map((r) => `${sorted.findIndex((o) => o.value === r.value) + 1}. ${r.agency} ${valueText(r)}${r.source ? `\n   ${citation(r.report, r.source)}` : ''}`);
  const names = best.slice(0, 5).map((r) => r.agency).join('、') + (best.length > 5 ? ` 等 ${best.length} 个单位` : '');
  const who = best.length > 1 ? `${names}（并列，均为 ${valueText(best[0]!)}）` : `${best[0]?.agency ?? ''}（${best[0] ? valueText(best[0]) : ''}）`;
  const head = `${year}年${scope}${label}${query.order === 'asc' ? '最少' : '最多'}的是${who}${note}：`;
  const moreTied = tiedAtCut.length > MAX_LIST ? `\n……另有 ${tiedAtCut.length - MAX_LIST} 个单位同为 ${valueText(tiedAtCut[0]!)}` : '';
  const tail = moreTied + (without.length > 0 ? `\n未参与排序（报告未披露或无法识别）：${without.map((r) => r.agency).join('、')}` : '');
  const text = `${head}\n${lines.join('\n')}${tail}${missingNote}${warningNotes(warnings)}`;
  return { question, status: 'answered', text, results: top, warnings, suggestions: [] };
}
