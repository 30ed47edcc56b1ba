/**
 * Agencies picked by a figure: "哪些单位没有被复议过" (0), "有几个单位被起诉" (above 0).
 */
import type { AgencyRef } from '../agency/agency-index.ts';
import type { Answer, AnswerResult } from '../answer.ts';
import { metricLabel, placeText, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { inScope, MAX_LIST, yearsFor, yearsLabel, type Ctx } from './context.ts';
import { figureResult } from './result.ts';

/** "哪些单位没有被复议过" / "有几个单位被起诉": agencies whose figure is 0 (or above 0). */
export function filterAgencies(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const slot = query.slots[0]!;
  const label = metricLabel(query.metrics[0]!, query.applicant);
  const years = query.years;
  // A year named: that year. None: each agency's latest report, as everywhere else (reading every
  // year of every agency would cost a report per agency-year on a large index).
  const yearsOf = (id: number): number[] => yearsFor(ctx, id, query).years;
  const matched: { agency: AgencyRef; results: AnswerResult[] }[] = [];
  const unknown: string[] = [];
  let considered = 0;
  for (const row of inScope(ctx, query)) {
    const agency = ctx.index.ref(row.id)!;
    const results: AnswerResult[] = [];
    for (const y of yearsOf(row.id)) {
      const report = ctx.store.report(row.id, y);
      if (report) results.push(figureResult(ctx, agency, report, slot, query.applicant).result);
    }
    if (results.length === 0) continue;
    considered++;
    const known = results.filter((r) => r.value !== null);
    if (known.length === 0) {
      unknown.push(agency.name);
      continue;
    }
    const zero = known.every((r) => r.value === 0);
    if (query.filter === 'zero' ? zero : !zero) matched.push({ agency, results: query.filter === 'zero' ? known : known.filter((r) => r.value! > 0) });
  }
  const when = years.type === 'single' ? `${years.year}年`
    : years.type === 'latest' ? '（未指定年份，按各单位最新一年的报告）'
      : years.type === 'all' ? '（已收录的各年报告中）' : `（${yearsLabel(query)}）`;
  if (considered === 0) {
    return { question, status: 'not_found', text: `索引中没有${years.type === 'single' ? `${years.year}年` : ''}的相应报告。已收录年份：${ctx.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
  }
  const what = query.filter === 'zero' ? `${label}为 0 ` : `${label}不为 0 `;
  const lines = matched.slice(0, MAX_LIST * 2).map(({ agency, results }) =>
    `${agency.name}：${results.map((r) => `${r.year}年 ${valueText(r)}${r.source ? `（${placeText(r.source)}）` : ''}`).join('，')}`);
  const head = `${when}${what}的单位${query.count ? `共 ${matched.length} 个` : `有 ${matched.length} 个`}（共查 ${considered} 个单位）${matched.length > 0 ? '：' : '。'}`;
  const text = [head, ...lines, ...(matched.length > MAX_LIST * 2 ? [`……等 ${matched.length} 个`] : []),
    ...(unknown.length > 0 ? [`报告未披露该项：${unknown.slice(0, MAX_LIST).join('、')}${unknown.length > MAX_LIST ? ` 等 ${unknown.length} 个` : ''}`] : [])].join('\n');
  return { question, status: 'answered', text, results: matched.flatMap((m) => m.results).slice(0, 200), warnings: [], suggestions: [] };
}
