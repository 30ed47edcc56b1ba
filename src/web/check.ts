/**
 * POST /review/check: a draft report uploaded through the review page, checked exactly as `gongkai check`
 * does (checkReportBytes: same parse, same warnings) and shown — nothing stored, nothing indexed. The draft's
 * own text is shown with line numbers so each warning links to its lines.
 */
import { checkReportBytes, renderReport } from '../cli/commands/check.ts';
import { html, type Html } from './html.ts';
import { boundaryOf, parseMultipart } from './multipart.ts';
import { cellMark, CELL_MARKS, textBlock, warningItem } from './report.ts';
import { textLines } from './report-text.ts';

/** Reports are 10–200 KB of text; an HTML page with inline styles can reach a few MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type Upload = { ok: true; name: string; bytes: Buffer } | { ok: false; reason: string };

/** The uploaded file from the form body; the name is reduced to its last segment (no client paths). */
export function uploadedFile(body: unknown, contentType: string | undefined): Upload {
  const boundary = boundaryOf(contentType);
  if (!Buffer.isBuffer(body) || !boundary) return { ok: false, reason: '请用页面上的表单上传文件（multipart/form-data）。' };
  const parsed = parseMultipart(body, boundary);
  if (!parsed.ok) return parsed;
  const file = parsed.parts.find((p) => p.filename !== undefined);
  if (!file || file.filename === '') return { ok: false, reason: '没有选择文件。' };
  if (file.data.length === 0) return { ok: false, reason: `文件 ${baseName(file.filename!)} 是空的。` };
  return { ok: true, name: baseName(file.filename!), bytes: file.data };
}

const baseName = (name: string) => name.split(/[\\/]/).pop()!.slice(0, 200) || 'report.txt';

/** A draft of any kind ingest reads — text, HTML, PDF, Word — checked the way `gongkai check` checks it. */
export async function checkBody(upload: Upload): Promise<Html> {
  const again = html`<p><a href="/review#check">← 再检查一份</a></p>`;
  if (!upload.ok) return html`<h1>报告自查</h1><p class="error">${upload.reason}</p>${again}`;
  const result = await checkReportBytes(upload.name, upload.bytes);
  if (!result.ok) return html`<h1>报告自查：${upload.name}</h1><p class="error">无法读取为年度报告：${result.error.message}</p>${again}`;
  const r = result.report;
  const text = await textLines(upload.bytes, upload.name);
  const undecided = r.figures.filter((f) => f.cell === 'undecided').length;
  return html`<h1>报告自查：${upload.name}</h1>
<p class="notice">检查结果只显示在这一页，文件没有保存。</p>
<p>${r.agency.name} · ${r.year}年 · 格式 ${r.format} · ${r.lineCount} 行 · 读出 ${r.figures.length} 个数字${undecided > 0 ? `，其中 ${undecided} 格未定` : ''}</p>
<h2>发现的问题（${r.warnings.length}）</h2>
${r.warnings.length === 0 ? html`<p>没有发现问题。</p>` : html`<ul class="warnings">${r.warnings.map((w) => warningItem({ ...w, line2: w.line2 ?? null }, (l) => `#L${l}`))}</ul>`}
<div class="report-layout">
<section><h2>草稿原文</h2>${text.ok ? textBlock(text.lines, new Set(r.warnings.flatMap((w) => [w.line, w.line2 ?? null]).filter((l): l is number => l !== null))) : ''}</section>
<section class="tables"><h2>读出的数字</h2><table class="parsed"><thead><tr><th>行</th><th>项目</th><th>列</th><th>数值</th></tr></thead><tbody>
${r.figures.map((f) => {
  const mark = cellMark({ cell: f.cell, computed: f.computed ? 1 : 0 });
  return html`<tr><td><a href="#L${f.source.line}">${f.source.line}</a></td><td>${f.rowLabel}</td><td>${f.colLabel}</td><td class="num cell-${mark}" title="${CELL_MARKS[mark]}">${f.cell === 'number' ? f.value : f.cell === 'dash' ? '—' : f.cell === 'undecided' ? `? ${f.raw}` : ''}</td></tr>`;
})}</tbody></table></section></div>
<h2>gongkai check 的完整输出</h2><pre class="check">${renderReport(upload.name, r, result.reading)}</pre>
${again}`;
}
