/**
 * `/review`: data quality across the index for the offices that review their units' reports — warnings
 * grouped by kind (arithmetic identities, prose vs table, undecided cells, checks across years, other),
 * filtered by place and year, each linking to its lines; and the form that checks a draft before it is
 * published (POST /review/check, see check.ts).
 */
import { z } from 'zod';
import { REVIEW_KINDS, reviewKind, type ReviewKind } from '../catalogue/review-kinds.ts';
import type { CarryOverCheck, ReviewWarning } from '../query/index.ts';
import type { Table } from './export.ts';
import { html, qs, reportHref, type Html } from './html.ts';
import { exportLinks } from './layout.ts';
import { warningItem } from './report.ts';
import type { WebContext } from './context.ts';
import { MAX_UPLOAD_BYTES } from './check.ts';

const text = z.string().trim().max(100).optional().transform((s) => (s ? s : undefined));
export const ReviewQuerySchema = z.object({
  province: text,
  city: text,
  year: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1990).max(2100)]).optional(),
});
export type ReviewQuery = z.infer<typeof ReviewQuerySchema>;

/** Warnings listed per kind on the page (the export has them all). */
export const PER_KIND = 200;
export const MAX_EXPORTED = 100_000;

export interface ReviewData {
  byKind: Map<ReviewKind, { total: number; items: ReviewWarning[] }>;
  undecidedCells: Array<{ report_id: number; agency: string; year: number; cells: number; line: number }>;
  carryOver: { items: CarryOverCheck[]; more: boolean };
}

export function reviewData(web: WebContext, f: ReviewQuery, limit = PER_KIND): ReviewData {
  const byKind = new Map<ReviewKind, { total: number; items: ReviewWarning[] }>();
  for (const k of REVIEW_KINDS) if (k.key !== 'years') byKind.set(k.key, web.browser.review({ ...f, kind: k.key, limit, offset: 0 }));
  return { byKind, undecidedCells: web.browser.undecided(f), carryOver: web.browser.carryOver({ ...f, limit }) };
}

export function reviewTable(data: ReviewData): Table {
  const rows: Table['rows'] = [];
  for (const { items } of data.byKind.values()) {
    for (const w of items) {
      rows.push({ kind: REVIEW_KINDS.find((k) => k.key === reviewKind(w.code))!.label, code: w.code, agency: w.agency, year: w.year, report_id: w.report_id, line: w.line, line2: w.line2, message: w.message });
    }
  }
  for (const c of data.carryOver.items) {
    rows.push({ kind: '跨年度核对', code: c.code, agency: c.agency, year: c.year, report_id: c.carriedOver.reportId, line: c.carriedOver.line, line2: c.carriedForward.line, message: c.message });
  }
  return {
    name: 'review',
    columns: [
      { key: 'kind', label: '类别' },
      { key: 'code', label: '代码' },
      { key: 'agency', label: '单位' },
      { key: 'year', label: '年度' },
      { key: 'report_id', label: '报告编号' },
      { key: 'line', label: '行号' },
      { key: 'line2', label: '另一处行号' },
      { key: 'message', label: '说明' },
    ],
    rows,
  };
}

function kindSection(key: ReviewKind, count: number, body: Html): Html {
  const kind = REVIEW_KINDS.find((k) => k.key === key)!;
  return html`<section id="kind-${key}"><h2>${kind.label} <span class="kind-count">${count} 条</span></h2><p class="muted">${kind.hint}</p>${count === 0 ? html`<p class="muted">没有。</p>` : body}</section>`;
}

export function reviewBody(web: WebContext, f: ReviewQuery, data: ReviewData): Html {
  const query = qs({ province: f.province, city: f.city, year: f.year });
  const sel = (v: string, cur: string | number | undefined) => (String(cur ?? '') === v ? html` selected` : '');
  const list = (key: ReviewKind) => {
    const { total, items } = data.byKind.get(key)!;
    return html`<ul class="warnings">${items.map((w) => warningItem(w, (l) => reportHref(w.report_id, l), html` <span class="muted">— <a href="${reportHref(w.report_id)}">${w.agency} ${w.year}年</a></span>`))}</ul>
${total > items.length ? html`<p class="muted">只列出前 ${items.length} 条，共 ${total} 条；导出可得全部。</p>` : ''}`;
  };
  const undecided = data.byKind.get('undecided')!;
  return html`<h1>报告审核</h1>
<form class="filters" method="get" action="/review">
<label>省<select name="province"><option value="">全部</option>${web.browser.provinces().map((p) => html`<option value="${p}"${sel(p, f.province)}>${p}</option>`)}</select></label>
<label>市<select name="city"><option value="">全部</option>${web.browser.cities(f.province).map((c) => html`<option value="${c}"${sel(c, f.city)}>${c}</option>`)}</select></label>
<label>年度<select name="year"><option value="">全部</option>${web.browser.years().map((y) => html`<option value="${y}"${sel(String(y), f.year)}>${y}</option>`)}</select></label>
<button type="submit">筛选</button></form>
<p class="muted">${REVIEW_KINDS.map((k) => html`<a href="#kind-${k.key}">${k.label}</a> `)}</p>
${exportLinks('/review', query)}
${kindSection('identity', data.byKind.get('identity')!.total, list('identity'))}
${kindSection('prose', data.byKind.get('prose')!.total, list('prose'))}
${kindSection('undecided', undecided.total + data.undecidedCells.length, html`${list('undecided')}
${data.undecidedCells.length > 0 ? html`<table><thead><tr><th>报告</th><th>未定的格</th><th>第一处</th></tr></thead><tbody>${data.undecidedCells.map((u) => html`<tr><td><a href="${reportHref(u.report_id)}">${u.agency} ${u.year}年</a></td><td class="num">${u.cells}</td><td><a href="${reportHref(u.report_id, u.line)}">第${u.line}行</a></td></tr>`)}</tbody></table>` : ''}`)}
${kindSection('years', data.carryOver.items.length, html`${data.carryOver.more ? html`<p class="muted">只列出前 ${data.carryOver.items.length} 条；可按地区或年度筛选，导出可得更多。</p>` : ''}<ul class="warnings">${data.carryOver.items.map((c) => html`<li data-code="${c.code}">⚠ ${c.agency}：${c.message} <a href="${reportHref(c.carriedOver.reportId, c.carriedOver.line)}">${c.year}年 第${c.carriedOver.line}行</a> <a href="${reportHref(c.carriedForward.reportId, c.carriedForward.line)}">${c.year - 1}年 第${c.carriedForward.line}行</a></li>`)}</ul>`)}
${kindSection('other', data.byKind.get('other')!.total, list('other'))}
<section id="check"><h2>发布前自查</h2>
<p>上传一份报告草稿（.txt / .html，不超过 ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB），看 <code>gongkai check</code> 能读出什么、发现什么问题。文件只在内存中检查，不保存、不写入索引。</p>
<form method="post" action="/review/check" enctype="multipart/form-data">
<input type="file" name="report" accept=".txt,.md,.htm,.html,text/plain,text/html" required>
<button type="submit">检查</button></form></section>`;
}
