/**
 * `/` and `/?q=…`: one search box and example questions; an answer shown whole — headline, each figure with
 * its formula and citations (linked to the report at the line), the reports' own warnings, and for a
 * clarify or not-found answer the candidates and suggestions as links that ask again.
 */
import type { Answer, AnswerResult, AnswerSource } from '../query/answer.ts';
import { EXAMPLE_QUESTIONS } from '../query/index.ts';
import { placeText, valueText } from '../query/render/format.ts';
import { html, qs, reportHref, type Html } from './html.ts';
import type { WebContext } from './context.ts';

/** Follow-up context (the previous structured query) travels in the form, capped like a question. */
export const MAX_CONTEXT_CHARS = 4000;

function searchForm(q: string, context: unknown): Html {
  const ctx = context === undefined ? '' : JSON.stringify(context);
  return html`<form class="search" method="get" action="/" role="search">
<input type="search" name="q" value="${q}" placeholder="例如：鹿城区2020年行政复议多少件？" aria-label="问题" autofocus>
${ctx && ctx.length <= MAX_CONTEXT_CHARS ? html`<input type="hidden" name="ctx" value="${ctx}">` : ''}
<button type="submit">查询</button></form>`;
}

function sourceLink(web: WebContext, s: AnswerSource, title: string | undefined): Html {
  const id = web.reportIdOf(s.file);
  const where = html`${title ? `《${title}》` : web.displayName(s.file)}${s.section ? `${s.section}，` : ''}${placeText(s)}`;
  return html`<blockquote>来源：${id === null ? where : html`<a href="${reportHref(id, s.line)}">${where}</a>`}：“${s.quote.trim()}”</blockquote>`;
}

function resultBlock(web: WebContext, r: AnswerResult): Html {
  const who = r.applicant ? `（${r.applicant}）` : '';
  const all = r.sources && r.sources.length > 0 ? r.sources : r.source ? [r.source] : [];
  const sources = all.filter((s, i) => all.findIndex((o) => o.line === s.line) === i);
  return html`<div class="result"><div>${r.agency}${r.year}年${r.label}${who}</div>
<div class="figure cell-${r.cell ?? 'number'}" data-metric="${r.metric}">${valueText(r)}</div>
${r.formula ? html`<div class="formula">计算：${r.formula}${r.value !== null ? ` = ${r.value}` : '（有项目空白或未识别，不能合计）'}</div>` : ''}
${sources.map((s) => sourceLink(web, s, r.report))}</div>`;
}

/** Several agencies' same figure of one year (a ranking, a comparison): offer the bar chart. */
function chartLink(web: WebContext, a: Answer): Html {
  const rs = a.results;
  if (rs.length < 2) return html``;
  const metrics = new Set(rs.map((r) => r.metric));
  const years = new Set(rs.map((r) => r.year));
  const agencies = new Set(rs.map((r) => r.agency));
  if (metrics.size === 1 && years.size === 1 && agencies.size === rs.length) {
    const ids = rs.map((r) => web.reportIdOf(r.source?.file ?? '')).filter((x): x is number => x !== null).map((id) => web.browser.report(id)!.agency_id);
    return html`<p><a href="/compare${qs({ metric: rs[0]!.metric, year: rs[0]!.year, ids })}">以柱状图比较这些单位 →</a></p>`;
  }
  if (agencies.size === 1) {
    const r = rs[0]!;
    const id = web.reportIdOf(r.source?.file ?? '');
    const agencyId = id === null ? null : web.browser.report(id)!.agency_id;
    if (agencyId !== null) return html`<p><a href="/agencies/${agencyId}">查看该单位历年趋势图 →</a></p>`;
  }
  return html``;
}

export function answerBlock(web: WebContext, a: Answer): Html {
  // One figure: its block says it all. Several (a ranking, a comparison): the text's first line heads them.
  const lead = a.status !== 'answered' || a.results.length === 0 ? a.text : a.results.length > 1 ? a.text.split('\n')[0]! : '';
  const candidates = a.status === 'clarify' ? (a.candidates ?? []) : [];
  const suggestions = a.suggestions.filter((s) => !candidates.some((c) => c.name === s));
  return html`<section class="answer status-${a.status}" aria-live="polite">
${lead ? html`<p class="lead">${lead}</p>` : ''}
${a.status === 'answered' ? a.results.map((r) => resultBlock(web, r)) : ''}
${chartLink(web, a)}
${candidates.length > 0 ? html`<p>请选择单位：</p><ul class="candidates">${candidates.map((c) => html`<li><a href="/${qs({ q: a.question, agency: c.id })}">${c.name}</a></li>`)}</ul>` : ''}
${a.warnings.length > 0 ? html`<h2>注意</h2><ul class="warnings">${a.warnings.map((w) => html`<li>⚠ ${w}</li>`)}</ul>` : ''}
${suggestions.length > 0 && a.status !== 'answered' ? html`<p>可以试试：</p><ul class="suggestions">${suggestions.map((s) => html`<li><a href="/${qs({ q: s })}">${s}</a></li>`)}</ul>` : ''}
${a.status === 'answered' && a.results.length > 0 ? html`<details><summary>完整文字回答</summary><p class="lead">${a.text}</p></details>` : ''}
</section>`;
}

export function homeBody(web: WebContext, q: string, answer: Answer | null, error: string | null): Html {
  const counts = web.counts();
  return html`<h1>问一问政府信息公开年度报告</h1>
${searchForm(q, answer?.query)}
${error ? html`<p class="error">${error}</p>` : ''}
${answer ? answerBlock(web, answer) : html`<p class="muted">已收录 ${counts.reports} 份报告、${counts.agencies} 个单位。每个数字都给出报告、章节、行号和原文。</p>
<h2>可以这样问</h2><ul class="examples">${EXAMPLE_QUESTIONS.map((e) => html`<li><a href="/${qs({ q: e })}">${e}</a></li>`)}</ul>`}`;
}
