/**
 * Rankings ("哪个单位行政复议最多", "前三") and totals ("温州市各单位一共收到多少申请") across agencies:
 * all indexed, the ones named, or those of a place and kind, compared in one year. The ranking, the sum
 * and the counts come from SQL (lookup/across.ts); only the rows shown are read with their citations.
 */
import { LEVEL_LABELS } from '../../catalogue/agency-levels.ts';
import { metricDef } from '../../catalogue/metrics.ts';
import type { Answer, AnswerAggregate, AnswerResult } from '../answer.ts';
import type { SlotKey, StateCounts, ValueRow, ValueScope } from '../lookup/across.ts';
import { fmt } from '../lookup/figures.ts';
import { citation, metricLabel, placeText, valueText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { MAX_LIST, warningNotes, withinYears, yearsLabel, type Ctx } from './context.ts';
import { pastTheEnd } from './paging.ts';
import { figureResult } from './result.ts';
import { scopeAgencies } from './scope.ts';

/** The keys of a slot, each in the column the question asks (an applicant only where the figure has one). */
export function slotKeys(slot: string[], applicant: string | null): SlotKey[] {
  return slot.map((key) => ({ key, column: applicant && metricDef(key)?.byApplicant ? applicant : 'total' }));
}

/** "温州市区县政府", "" — the scope said before the figure. */
export function scopeLabel(query: StructuredQuery): string {
  const places = query.scope && query.scope.length > 0 ? query.scope.join('、') : '';
  return places + (query.level ? LEVEL_LABELS[query.level] : '');
}

/** "（报告未披露 3 个、报告未填写 1 个）" — why reports are left out of a ranking or total. */
function leftOutWhy(counts: StateCounts, missing: number): string {
  const parts = [
    missing > 0 ? `报告未披露 ${missing} 个` : '',
    counts.blank.reports > 0 ? `报告未填写 ${counts.blank.reports} 个` : '',
    counts.undecided.reports > 0 ? `无法准确识别 ${counts.undecided.reports} 个` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `（${parts.join('、')}）` : '';
}

/** Ranking and totals across agencies (all indexed, the ones named, or those of a place and kind). */
export function acrossAgencies(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const slot = query.slots[0]!;
  const named = query.agencies.length > 0;
  const pool = named ? query.agencies.map((a) => a.id) : scopeAgencies(ctx, query);
  if (pool && pool.length === 0) {
    return { question, status: 'not_found', text: `索引中没有${scopeLabel(query) || '这些'}单位的报告。`, results: [], warnings: [], suggestions: ctx.index.someNames(5) };
  }
  let year: number | null;
  let note = '';
  if (query.years.type === 'single') year = query.years.year;
  else if (query.years.type === 'list') year = query.years.years.at(-1) ?? null;
  else {
    // Rankings and totals compare one year: the newest year the agencies named all have, else the
    // newest year indexed for them — within the years asked ("2020年至2022年哪个单位…": 2022 at most).
    const years = query.years;
    const asked = (y: number) => withinYears(years, y);
    if (named) {
      const yearSets = pool!.map((id) => new Set(ctx.store.years(id).filter(asked)));
      const all = [...new Set(yearSets.flatMap((s) => [...s]))].sort((a, b) => a - b);
      year = all.filter((y) => yearSets.every((s) => s.has(y))).at(-1) ?? all.at(-1) ?? null;
    } else if (pool) {
      year = null;
      for (const id of pool) {
        const last = ctx.store.years(id).filter(asked).at(-1);
        if (last !== undefined && (year === null || last > year)) year = last;
      }
    } else year = ctx.store.allYears().filter(asked).at(-1) ?? null;
    const within = years.type === 'range' ? `${yearsLabel(query)}中` : '';
    if (year !== null) note = `（${years.type === 'latest' ? '未指定年份，' : ''}${within}按最新的${year}年报告）`;
  }
  const withReport = year === null ? [] : ctx.store.agenciesWithReport(year, pool);
  if (year === null || withReport.length === 0) {
    return { question, status: 'not_found', text: `索引中没有${year !== null ? `${year}年` : yearsLabel(query)}的${scopeLabel(query)}报告。已收录年份：${ctx.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
  }
  const skipped = named ? pool!.filter((id) => !withReport.includes(id)).map((id) => ctx.index.ref(id)!.name) : [];
  const keys = slotKeys(slot, query.applicant);
  const scope: ValueScope = { years: [year], agencies: pool, excluded: ctx.store.superseded() };
  const counts = ctx.across.counts(keys, scope);
  const counted = counts.number.reports + counts.computed.reports + counts.dash.reports;
  const missing = withReport.length - counted - counts.blank.reports - counts.undecided.reports;
  const warnings: string[] = [];
  const shown = (row: ValueRow): AnswerResult => {
    const { result, warnings: w } = figureResult(ctx, ctx.index.ref(row.agencyId)!, ctx.store.report(row.agencyId, row.year)!, slot, query.applicant, false, true);
    for (const m of w) if (!warnings.includes(m)) warnings.push(m);
    return result;
  };
  const label = metricLabel(query.metrics[0]!, query.applicant);
  const unit = metricDef(slot[0]!)?.unit ?? '件';
  const where = scopeLabel(query);
  const missingNote = skipped.length > 0 ? `\n（未收录${year}年报告：${skipped.join('、')}）` : '';
  const offset = query.offset ?? 0;
  const leftOut = withReport.length - counted;
  // The agencies left out, by name: those whose cell is blank or unreadable, then those whose report lacks it.
  const leftOutNames = (limit: number): string[] => {
    const ids = ctx.across.listed(keys, scope, false, limit).map((r) => r.agencyId);
    if (ids.length < limit && missing > 0) ids.push(...ctx.across.absent(keys, scope, false, limit - ids.length));
    return ids.map((id) => ctx.index.ref(id)!.name);
  };
  const leftOutLine = (lead: string) => {
    if (leftOut === 0) return '';
    const names = leftOutNames(MAX_LIST);
    return `\n${lead}${leftOutWhy(counts, missing)}：${names.join('、')}${leftOut > names.length ? ` 等 ${leftOut} 个单位` : ''}`;
  };

  if (counted === 0) {
    return {
      question, status: 'answered', results: [], warnings, suggestions: [],
      text: `${year}年${where}${withReport.length}个单位的报告都没有给出可计入的${label}${leftOutWhy(counts, missing)}${note}。${missingNote}`,
    };
  }
  if (offset >= counted) return pastTheEnd(question, counted, offset);
  if (query.kind === 'total') {
    const sum = counts.number.sum + counts.computed.sum + counts.dash.sum;
    const rows = ctx.across.listed(keys, scope, true, MAX_LIST, offset);
    const results = rows.map(shown);
    const lines = results.map((r) => `${r.agency} ${valueText(r)}${r.source ? `（${placeText(r.source)}）` : ''}`);
    const dashNote = counts.dash.reports > 0 ? `（其中 ${counts.dash.reports} 个单位填写“—”，按 0 计）` : '';
    const more = offset + rows.length < counted ? `\n……共 ${counted} 个单位，以上为第 ${offset + 1}–${offset + rows.length} 个（回复“更多”看后面的）` : '';
    const aggregate: AnswerAggregate = {
      kind: 'total', metric: query.metrics[0]!, label, year, unit, value: sum, counted,
      dash: counts.dash.reports, blank: counts.blank.reports, undecided: counts.undecided.reports, missing,
    };
    const units = `${year}年${query.scope?.join('、') ?? ''}${counted}个${query.level ? LEVEL_LABELS[query.level] : '单位'}`;
    const text =
      `${units}${label}合计 ${fmt(sum)} ${unit}${dashNote}${note}。\n${lines.join('\n')}${more}` +
      (offset === 0 ? leftOutLine('未计入') : '') + missingNote + warningNotes(warnings);
    // The total is a result of its own: its value, the sum it is, and the cells it was summed from (all of
    // them when every unit is shown; the first page's otherwise, the formula saying how many were summed).
    const all = offset === 0 && rows.length === counted;
    const cells = results.flatMap((r) => r.sources ?? (r.source ? [r.source] : []));
    const total: AnswerResult = {
      agency: units,
      year,
      metric: query.metrics[0]!,
      label: `${label}合计`,
      value: sum,
      unit,
      approximate: false,
      source: cells[0] ?? null,
      cell: 'computed',
      formula: all ? `${results.map((r) => fmt(r.value ?? 0)).join(' + ')} = ${fmt(sum)}` : `${counted} 个单位之和 = ${fmt(sum)}（逐个见第 ${offset + 1}–${offset + rows.length} 个及“更多”）`,
    };
    if (cells.length > 1) total.sources = cells;
    return { question, status: 'answered', text, results: offset === 0 ? [total, ...results] : results, warnings, suggestions: [], aggregate, page: { offset, shown: results.length, total: counted } };
  }

  const order = query.order ?? 'desc';
  const n = query.topN ?? MAX_LIST;
  const rows = ctx.across.rank(keys, scope, order, n, offset);
  // Ties at the cut are kept: "前三" with two agencies sharing third place shows both.
  let tiedBeyond = 0;
  let tied: ValueRow[] = [];
  const cut = rows.at(-1)?.value ?? null;
  if (query.topN !== undefined && rows.length === n && cut !== null) {
    const at = ctx.across.around(keys, scope, order, cut);
    tiedBeyond = at.better + at.equal - (offset + n);
    if (tiedBeyond > 0) tied = ctx.across.rank(keys, scope, order, Math.min(tiedBeyond, MAX_LIST), offset + n);
  }
  const page = [...rows, ...tied];
  // Competition ranking: equal values share a place, the next value takes its position.
  const first = rows[0]!.value!;
  let place = offset === 0 ? 1 : ctx.across.around(keys, scope, order, first).better + 1;
  const places = page.map((r, i) => {
    if (i > 0 && r.value !== page[i - 1]!.value) place = offset + i + 1;
    return place;
  });
  const results = page.map(shown);
  const lines = results.map((r, i) => `${places[i]}. ${r.agency} ${valueText(r)}${r.source ? `\n   ${citation(r.report, r.source)}` : ''}`);
  const bestRows = offset === 0 ? rows : ctx.across.rank(keys, scope, order, 5, 0);
  const bestValue = bestRows[0]!.value!;
  // The first page holds every agency sharing first place when a worse value follows them on it.
  const bestShown = offset === 0 ? page.filter((r) => r.value === bestValue).length : 0;
  const bestCount = bestShown > 0 && bestShown < page.length ? bestShown : ctx.across.around(keys, scope, order, bestValue).equal;
  const best = bestRows.filter((r) => r.value === bestValue).slice(0, 5);
  const bestFirst = offset === 0 ? results[0]! : shown(best[0]!);
  const names = best.map((r) => ctx.index.ref(r.agencyId)!.name).join('、') + (bestCount > 5 ? ` 等 ${bestCount} 个单位` : '');
  const who = bestCount > 1 ? `${names}（并列，均为 ${valueText(bestFirst)}）` : `${names}（${valueText(bestFirst)}）`;
  const head = `${year}年${where}${label}${order === 'asc' ? '最少' : '最多'}的是${who}${note}：`;
  const moreTied = tiedBeyond > MAX_LIST ? `\n……另有 ${tiedBeyond - MAX_LIST} 个单位同为 ${valueText(results.at(-1)!)}` : '';
  const end = offset + page.length;
  const more = end < counted ? `\n……共 ${counted} 个单位参与排序，以上为第 ${offset + 1}–${end} 名（回复“更多”看后面的）` : '';
  const tail = moreTied + more + (offset === 0 ? leftOutLine('未参与排序') : '');
  const text = `${head}\n${lines.join('\n')}${tail}${missingNote}${warningNotes(warnings)}`;
  return { question, status: 'answered', text, results, warnings, suggestions: [], page: { offset, shown: results.length, total: counted } };
}
