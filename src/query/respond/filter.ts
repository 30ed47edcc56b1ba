/**
 * Agencies picked by a figure: "哪些单位没有被复议过" (0), "有几个单位被起诉" (above 0). Which agencies
 * match, and how many, come from SQL (lookup/across.ts: GROUP BY agency); only the page shown is read
 * with its citations.
 */
import type { Answer, AnswerResult } from '../answer.ts';
import type { ValueScope } from '../lookup/across.ts';
import { metricLabel, placeText, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { scopeLabel, slotKeys } from './across-agencies.ts';
import { MAX_LIST, withinYears, yearsLabel, type Ctx } from './context.ts';
import { pastTheEnd } from './paging.ts';
import { figureResult } from './result.ts';
import { scopeAgencies } from './scope.ts';

/** Agencies listed per page. */
export const FILTER_PAGE = MAX_LIST * 2;

/**
 * The reports a filter reads: a year or years named — those years; none — each agency's latest report,
 * as everywhere else; "近三年" — each agency's last three. And the agencies that have any of them.
 */
function filterScope(ctx: Ctx, query: StructuredQuery, pool: number[] | null): FilterScope {
  const excluded = ctx.store.superseded();
  const y = query.years;
  if (y.type === 'latest' || y.type === 'recent') {
    const count = y.type === 'recent' ? y.count : 1;
    if (pool === null) {
      // Every agency's latest report (or last three) is the same for every question: worked out once per
      // index and kept (one entry per agency, like the index's own list of reports), not per question.
      let byCount = NATIONAL.get(ctx.store);
      if (!byCount) NATIONAL.set(ctx.store, (byCount = new Map()));
      let built = byCount.get(count);
      if (!built && byCount.size < 4) byCount.set(count, (built = latestScope(ctx, count, null, excluded)));
      return built ?? latestScope(ctx, count, null, excluded);
    }
    return latestScope(ctx, count, pool, excluded);
  }
  const all = ctx.store.allYears();
  const years = y.type === 'single' ? [y.year] : y.type === 'list' ? y.years : y.type === 'range' ? all.filter((v) => withinYears(y, v)) : all;
  const wanted = new Set(years);
  const yearsOf = (id: number) => ctx.store.years(id).filter((v) => wanted.has(v));
  const considered = (pool ?? [...ctx.index.agencies.keys()].sort((a, b) => a - b)).filter((id) => yearsOf(id).length > 0);
  return { scope: { years, agencies: pool, excluded }, considered, yearsOf };
}

interface FilterScope {
  scope: ValueScope;
  considered: number[];
  yearsOf: (id: number) => number[];
}

const NATIONAL = new WeakMap<Ctx['store'], Map<number, FilterScope>>();

/** Each agency's last `count` reports, as a scope scanned by year. */
function latestScope(ctx: Ctx, count: number, pool: number[] | null, excluded: number[]): FilterScope {
  const considered: number[] = [];
  const chosen = new Map<number, number[]>();
  const byYear = new Map<number, number[]>();
  for (const id of pool ?? [...ctx.index.agencies.keys()].sort((a, b) => a - b)) {
    const have = ctx.store.years(id).slice(-count);
    if (have.length === 0) continue;
    considered.push(id);
    chosen.set(id, have);
    for (const year of have) {
      const list = byYear.get(year);
      if (list) list.push(id);
      else byYear.set(year, [id]);
    }
  }
  // A year whose every report is chosen needs no list of agencies: scanned by year alone.
  const parts = [...byYear].sort((a, b) => a[0] - b[0]).map(([year, ids]) => ({
    year,
    agencies: ids.length === ctx.store.agenciesWithReport(year, pool).length ? null : ids,
  }));
  return { scope: { byYear: parts, agencies: pool, excluded, oneReportPerAgency: count === 1 }, considered, yearsOf: (id) => chosen.get(id) ?? [] };
}

/** "哪些单位没有被复议过" / "有几个单位被起诉": agencies whose figure is 0 (or above 0). */
export function filterAgencies(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const slot = query.slots[0]!;
  const label = metricLabel(query.metrics[0]!, query.applicant);
  const years = query.years;
  const pool = scopeAgencies(ctx, query);
  const { scope, considered, yearsOf } = filterScope(ctx, query, pool);
  const when = years.type === 'single' ? `${years.year}年`
    : years.type === 'latest' ? '（未指定年份，按各单位最新一年的报告）'
      : years.type === 'all' ? '（已收录的各年报告中）' : `（${yearsLabel(query)}）`;
  if (considered.length === 0) {
    return { question, status: 'not_found', text: `索引中没有${years.type === 'single' ? `${years.year}年` : ''}的${scopeLabel(query)}相应报告。已收录年份：${ctx.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
  }
  const filter = query.filter ?? 'zero';
  const keys = slotKeys(slot, query.applicant);
  const offset = query.offset ?? 0;
  const { agencies, matched, known } = ctx.across.pick(keys, scope, filter, FILTER_PAGE, offset);
  const unknownCount = considered.length - known;
  const unknown = unknownCount > 0 && offset === 0 ? ctx.across.absent(keys, scope, true, MAX_LIST).map((id) => ctx.index.ref(id)!.name) : [];
  if (offset > 0 && offset >= matched) return pastTheEnd(question, matched, offset);
  const page = agencies.map((id) => {
    const agency = ctx.index.ref(id)!;
    const results: AnswerResult[] = [];
    for (const y of yearsOf(id)) {
      const r = figureResult(ctx, agency, ctx.store.report(id, y)!, slot, query.applicant, false, true).result;
      if (r.value !== null && (filter === 'zero' || r.value > 0)) results.push(r);
    }
    return { agency, results };
  });
  const what = filter === 'zero' ? `${label}为 0 ` : `${label}不为 0 `;
  const lines = page.map(({ agency, results }) =>
    `${agency.name}：${results.map((r) => `${r.year}年 ${valueText(r)}${r.source ? `（${placeText(r.source)}）` : ''}`).join('，')}`);
  const where = scopeLabel(query);
  const head = `${when}${where}${what}的单位${query.count ? `共 ${matched} 个` : `有 ${matched} 个`}（共查 ${considered.length} 个单位）${matched > 0 ? '：' : '。'}`;
  const end = offset + page.length;
  const more = end < matched ? [`……等 ${matched} 个${offset > 0 || matched > FILTER_PAGE ? `，以上为第 ${offset + 1}–${end} 个（回复“更多”看后面的）` : ''}`] : [];
  const text = [head, ...lines, ...more,
    ...(unknown.length > 0 ? [`报告未披露该项：${unknown.join('、')}${unknownCount > MAX_LIST ? ` 等 ${unknownCount} 个` : ''}`] : [])].join('\n');
  return { question, status: 'answered', text, results: page.flatMap((m) => m.results), warnings: [], suggestions: [], page: { offset, shown: page.length, total: matched } };
}
