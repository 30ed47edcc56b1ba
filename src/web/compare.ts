/**
 * `/compare`: one figure of one year across agencies — the ones picked (ids=) or all of a province or city
 * — as a table, largest first, each value linking to its line, beside a bar chart (`/compare/chart.svg`
 * with the same query). The ranking the bot gives for "2020年哪个单位行政复议最多", drawn.
 */
import { z } from 'zod';
import { METRICS, metricDef, TABLE3_METRICS, TABLE4_METRICS } from '../catalogue/metrics.ts';
import { metricLabel, placeText, valueText } from '../query/render/format.ts';
import { MAX_COMPARED, type CompareRow } from '../query/index.ts';
import { barChart } from './chart.ts';
import type { Table } from './export.ts';
import { html, qs, reportHref, type Html } from './html.ts';
import { exportLinks } from './layout.ts';
import type { WebContext } from './context.ts';

const text = z.string().trim().max(100).optional().transform((s) => (s ? s : undefined));
export const CompareQuerySchema = z.object({
  metric: z.string().trim().max(100).optional().transform((s) => (s ? s : 'review.total')),
  year: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1990).max(2100)]).optional(),
  // "ids=3,4" from links, or ids=3&ids=4 from the agencies page's checkboxes.
  ids: z
    .union([z.string().max(2000), z.array(z.string().max(20)).max(500)])
    .optional()
    .transform((v) => (Array.isArray(v) ? v.join(',') : (v ?? '')))
    .transform((s) => [...new Set(s.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0))]),
  province: text,
  city: text,
});
export type CompareQuery = z.infer<typeof CompareQuerySchema>;

/** Figures offered in the picker: table 三 and 四 rows (any catalogue key works in the URL). */
const PICKABLE = [...TABLE3_METRICS, ...TABLE4_METRICS].filter((d) => !d.key.includes('.withheld.') && !d.key.includes('.unavailable.') && !d.key.includes('.not_processed.'));

/** Bars drawn at most; the table lists every agency. */
export const MAX_BARS = 40;

export function compareTitle(q: { metric: string; year: number }) {
  return `${q.year}年 ${metricLabel(q.metric)}`;
}

export function compareTable(q: { metric: string; year: number }, rows: CompareRow[]): Table {
  return {
    name: `compare-${q.metric}-${q.year}`,
    columns: [
      { key: 'rank', label: '名次' },
      { key: 'agency', label: '单位' },
      { key: 'value', label: metricLabel(q.metric) },
      { key: 'unit', label: '单位（计量）' },
      { key: 'cell', label: '单元格' },
      { key: 'line', label: '行号' },
      { key: 'report', label: '报告' },
    ],
    rows: rows.map((r) => ({
      rank: r.result.value === null ? null : rows.findIndex((o) => o.result.value === r.result.value) + 1,
      agency: r.result.agency,
      value: r.result.value,
      unit: r.result.unit,
      cell: r.result.cell ?? null,
      line: r.result.source?.line ?? null,
      report: r.result.report ?? null,
    })),
  };
}

export function compareChart(q: { metric: string; year: number }, rows: CompareRow[]): string {
  const shown = rows.filter((r) => r.result.value !== null).slice(0, MAX_BARS);
  return barChart(compareTitle(q), shown.map((r) => r.result.agency), shown.map((r) => r.result.value!), metricDef(q.metric)?.unit ?? '件');
}

export function compareBody(web: WebContext, q: CompareQuery & { year: number }, result: { rows: CompareRow[]; cut: boolean; without: number }): Html {
  const query = qs({ metric: q.metric, year: q.year, ids: q.ids, province: q.province, city: q.city });
  const known = metricDef(q.metric) !== undefined;
  const pickable = PICKABLE.some((d) => d.key === q.metric) ? PICKABLE : [...PICKABLE, ...METRICS.filter((d) => d.key === q.metric)];
  const sel = (v: string, cur: string | number | undefined) => (String(cur ?? '') === v ? html` selected` : '');
  const withValue = result.rows.filter((r) => r.result.value !== null);
  return html`<h1>排名与比较</h1>
<form class="filters" method="get" action="/compare">
<label>数字<select name="metric">${pickable.map((d) => html`<option value="${d.key}"${sel(d.key, q.metric)}>${metricLabel(d.key)}</option>`)}</select></label>
<label>年度<select name="year">${web.browser.years().map((y) => html`<option value="${y}"${sel(String(y), q.year)}>${y}</option>`)}</select></label>
<label>省<select name="province"><option value="">全部</option>${web.browser.provinces().map((p) => html`<option value="${p}"${sel(p, q.province)}>${p}</option>`)}</select></label>
<label>市<select name="city"><option value="">全部</option>${web.browser.cities(q.province).map((c) => html`<option value="${c}"${sel(c, q.city)}>${c}</option>`)}</select></label>
${q.ids.length > 0 ? html`<input type="hidden" name="ids" value="${q.ids.join(',')}">` : ''}
<button type="submit">比较</button></form>
${q.ids.length > 0 ? html`<p class="muted">只比较选定的 ${q.ids.length} 个单位。<a href="/compare${qs({ metric: q.metric, year: q.year })}">比较全部单位</a></p>` : ''}
${!known ? html`<p class="error">没有“${q.metric}”这项数字。</p>` : result.rows.length === 0 ? html`<p class="notice">${q.year}年没有符合条件的报告。</p>` : html`<h2>${compareTitle(q)}</h2>
${result.cut ? html`<p class="notice">单位太多，只列出数字最大的 ${MAX_COMPARED} 个；可按省或市筛选。</p>` : ''}
${result.without > 0 ? html`<p class="muted">另有 ${result.without} 个单位的${q.year}年报告未给出这项数字。</p>` : ''}
<div class="side-by-side">
<table class="compare"><thead><tr><th>名次</th><th>单位</th><th>${metricLabel(q.metric)}</th><th>出处</th></tr></thead><tbody>
${result.rows.map((r) => {
  const rank = r.result.value === null ? '—' : String(withValue.findIndex((o) => o.result.value === r.result.value) + 1);
  return html`<tr><td>${rank}</td><td><a href="/agencies/${r.agencyId}">${r.result.agency}</a></td><td class="num cell-${r.result.cell ?? 'number'}">${valueText(r.result)}</td><td>${r.result.source ? html`<a href="${reportHref(r.reportId, r.result.source.line)}">${placeText(r.result.source)}</a>` : '—'}</td></tr>`;
})}</tbody></table>
${withValue.length > 0 ? html`<img class="chart" src="/compare/chart.svg${query}" alt="${compareTitle(q)}柱状图（数字见左表）">` : ''}
</div>
${exportLinks('/compare', query)}`}`;
}
