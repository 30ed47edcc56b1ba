/**
 * `/agencies`: every agency, filtered by province, city and level, searched by any alias;
 * `/agencies/{id}`: its aliases, every year's headline figures as a table and a trend chart
 * (`/agencies/{id}/chart.svg`), each year linking to its report and each figure to its line.
 */
import { z } from 'zod';
import { AGENCY_LEVELS, type AgencyLevel } from '../catalogue/review-kinds.ts';
import { metricLabel, placeText, valueText } from '../query/render/format.ts';
import { HEADLINE_METRICS, type AgencyListItem, type YearFigures } from '../query/index.ts';
import type { AgencyRow } from '../store/schema.ts';
import { trendChart } from './chart.ts';
import type { Table } from './export.ts';
import { html, qs, reportHref, type Html } from './html.ts';
import { exportLinks } from './layout.ts';
import type { WebContext } from './context.ts';

export const PAGE_SIZE = 100;
const text = z.string().trim().max(100).optional().transform((s) => (s ? s : undefined));
export const AgenciesQuerySchema = z.object({
  province: text,
  city: text,
  level: z.enum(AGENCY_LEVELS.map((l) => l.key) as [AgencyLevel, ...AgencyLevel[]]).or(z.literal('').transform(() => undefined)).optional(),
  q: text,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AgenciesQuery = z.infer<typeof AgenciesQuerySchema>;

const levelLabel = (k: AgencyLevel) => AGENCY_LEVELS.find((l) => l.key === k)!.label;
const placeOf = (a: Pick<AgencyRow, 'province' | 'city' | 'county'>) => [a.province, a.city, a.county].filter(Boolean).join(' ') || '—';

export function agenciesTable(items: AgencyListItem[]): Table {
  return {
    name: 'agencies',
    columns: [
      { key: 'id', label: '编号' },
      { key: 'name', label: '单位' },
      { key: 'province', label: '省' },
      { key: 'city', label: '市' },
      { key: 'county', label: '县区' },
      { key: 'level', label: '层级' },
      { key: 'years', label: '报告年份' },
    ],
    rows: items.map((a) => ({ id: a.id, name: a.name, province: a.province, city: a.city, county: a.county, level: levelLabel(a.level), years: a.years.join(' ') })),
  };
}

function option(value: string, label: string, selected: string | undefined): Html {
  return html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
}

export function agenciesBody(web: WebContext, f: AgenciesQuery, list: { total: number; items: AgencyListItem[] }): Html {
  const query = qs({ province: f.province, city: f.city, level: f.level, q: f.q });
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const pageLink = (p: number, label: string) => html`<a href="/agencies${qs({ province: f.province, city: f.city, level: f.level, q: f.q, page: p })}">${label}</a>`;
  return html`<h1>单位（${list.total}）</h1>
<form class="filters" method="get" action="/agencies">
<label>名称或简称<input type="search" name="q" value="${f.q ?? ''}" placeholder="如 鹿城区、统计局"></label>
<label>省<select name="province">${option('', '全部', f.province)}${web.browser.provinces().map((p) => option(p, p, f.province))}</select></label>
<label>市<select name="city">${option('', '全部', f.city)}${web.browser.cities(f.province).map((c) => option(c, c, f.city))}</select></label>
<label>层级<select name="level">${option('', '全部', f.level)}${AGENCY_LEVELS.map((l) => option(l.key, l.label, f.level))}</select></label>
<button type="submit">筛选</button></form>
${list.items.length === 0 ? html`<p class="notice">没有符合条件的单位。</p>` : html`<form method="get" action="/compare"><table class="agencies"><thead><tr><th>比较</th><th>单位</th><th>地区</th><th>层级</th><th>报告年份</th></tr></thead><tbody>
${list.items.map((a) => html`<tr><td><input type="checkbox" name="ids" value="${a.id}" aria-label="比较${a.name}"></td><td><a href="/agencies/${a.id}">${a.name}</a></td><td>${placeOf(a)}</td><td>${levelLabel(a.level)}</td><td>${a.years.join('、') || '—'}</td></tr>`)}
</tbody></table><p><button type="submit">比较所选单位（行政复议，最新年度）</button> <span class="muted">比较页上可改数字和年度。</span></p></form>`}
${pages > 1 ? html`<p class="pager">${f.page > 1 ? pageLink(f.page - 1, '上一页') : ''}第 ${f.page} / ${pages} 页 ${f.page < pages ? pageLink(f.page + 1, '下一页') : ''}</p>` : ''}
${exportLinks('/agencies', query)}`;
}

export function historyTable(agency: AgencyRow, history: YearFigures[]): Table {
  return {
    name: `agency-${agency.id}`,
    columns: [
      { key: 'year', label: '年度' },
      ...HEADLINE_METRICS.flatMap((m) => [
        { key: m, label: metricLabel(m) },
        { key: `${m}.line`, label: `${metricLabel(m)} 行号` },
      ]),
      { key: 'report', label: '报告' },
    ],
    rows: history.map((h) => ({
      year: h.year,
      ...Object.fromEntries(h.figures.flatMap((r) => [[r.metric, r.value], [`${r.metric}.line`, r.source?.line ?? null]])),
      report: h.report.title,
    })),
  };
}

export function agencyChart(agency: AgencyRow, history: YearFigures[]): string {
  return trendChart(
    `${agency.name} 历年主要数字`,
    history.map((h) => h.year),
    HEADLINE_METRICS.map((m, i) => ({ name: metricLabel(m), values: history.map((h) => h.figures[i]!.value) })),
  );
}

export function agencyBody(web: WebContext, agency: AgencyRow, history: YearFigures[]): Html {
  const aliases = web.browser.aliases(agency.id).filter((a) => a !== agency.name);
  const reports = web.browser.agencyReports(agency.id);
  return html`<h1>${agency.name}</h1>
<p class="muted">${placeOf(agency)}${agency.division_code ? ` · 区划代码 ${agency.division_code}` : ''}</p>
${aliases.length > 0 ? html`<p>也可以称为：${aliases.slice(0, 30).join('、')}</p>` : ''}
<p><a href="/${qs({ q: `${agency.name}的信息公开情况` })}">问一问这个单位 →</a></p>
<h2>历年主要数字</h2>
${history.length === 0 ? html`<p class="notice">还没有这个单位的报告。</p>` : html`<div class="side-by-side">
<table class="history"><thead><tr><th>年度</th>${HEADLINE_METRICS.map((m) => html`<th>${metricLabel(m)}</th>`)}<th>报告</th></tr></thead><tbody>
${history.map((h) => html`<tr><td>${h.year}</td>${h.figures.map((r) => html`<td class="num cell-${r.cell ?? 'number'}">${r.source ? html`<a href="${reportHref(h.report.id, r.source.line)}" title="${placeText(r.source)}">${valueText(r)}</a>` : valueText(r)}</td>`)}<td><a href="${reportHref(h.report.id)}">${h.year}年报告</a></td></tr>`)}
</tbody></table>
<img class="chart" src="/agencies/${agency.id}/chart.svg" width="720" height="340" alt="${agency.name}历年${HEADLINE_METRICS.map((m) => metricLabel(m)).join('、')}趋势图（数字见左表）">
</div>
${exportLinks(`/agencies/${agency.id}`, '')}`}
${reports.length > history.length ? html`<h2>全部报告</h2><ul>${reports.map((r) => html`<li><a href="${reportHref(r.id)}">${r.title}</a>（${web.displayName(r.file)}）</li>`)}</ul>` : ''}`;
}
