/**
 * `/reports/{id}`: the report's text with its line numbers (the cited line highlighted on arrival by
 * :target), beside it every table as parsed with each cell marked number / dash / blank / undecided /
 * computed, the figures read from prose, and the report's warnings linking to both of their lines.
 */
import type { FigureRow, ReportRow, WarningRow } from '../store/schema.ts';
import { REVIEW_KINDS, reviewKind } from '../catalogue/review-kinds.ts';
import { html, type Html } from './html.ts';
import type { Table } from './export.ts';
import type { TextLine } from './report-text.ts';
import type { WebContext } from './context.ts';

export type CellMark = 'number' | 'dash' | 'blank' | 'undecided' | 'computed';
export const CELL_MARKS: Record<CellMark, string> = { number: '数字', dash: '“—”（无）', blank: '空白（未填）', undecided: '未定（无法确定）', computed: '推算（按勾稽关系算出）' };

export const cellMark = (f: Pick<FigureRow, 'cell' | 'computed'>): CellMark => (f.cell === 'number' && f.computed ? 'computed' : f.cell);

function cellText(f: FigureRow): string {
  switch (cellMark(f)) {
    case 'dash':
      return '—';
    case 'blank':
      return '';
    case 'undecided':
      return `? ${f.raw}`.trim();
    default:
      return `${f.approximate ? '约' : ''}${f.value}`;
  }
}

const colName = (f: FigureRow) => {
  const label = f.col_label.replace(/\s+/g, '') || '数值';
  return f.cumulative && !label.includes('累计') ? `${label}（历年累计）` : label;
};

interface Row {
  line: number;
  label: string;
  cells: Map<string, FigureRow>;
}

/** Table cells → rows (one per source line and label) → runs of rows with the same columns. */
function tableGroups(figures: FigureRow[]): Array<{ section: string; cols: string[]; rows: Row[] }> {
  const rows: Array<Row & { section: string }> = [];
  for (const f of figures) {
    const label = f.row_label.replace(/\s+/g, ' ').trim();
    const last = rows.at(-1);
    const col = colName(f);
    if (last && last.line === f.line && last.label === label && !last.cells.has(col)) last.cells.set(col, f);
    else rows.push({ line: f.line, label, section: f.section ?? '（无章节）', cells: new Map([[col, f]]) });
  }
  const groups: Array<{ section: string; cols: string[]; rows: Row[] }> = [];
  for (const r of rows) {
    const cols = [...r.cells.keys()];
    const g = groups.at(-1);
    if (g && g.section === r.section && g.cols.join('|') === cols.join('|')) g.rows.push(r);
    else groups.push({ section: r.section, cols, rows: [r] });
  }
  return groups;
}

function tablesBlock(figures: FigureRow[]): Html {
  const table = figures.filter((f) => f.origin === 'table');
  const prose = figures.filter((f) => f.origin === 'prose');
  let lastSection = '';
  return html`<p class="legend">${(Object.keys(CELL_MARKS) as CellMark[]).map((k) => html`<span class="cell-${k}">${CELL_MARKS[k]}</span>`)}</p>
${tableGroups(table).map((g) => {
  const head = g.section !== lastSection ? html`<h3>${g.section}</h3>` : '';
  lastSection = g.section;
  return html`${head}<table class="parsed"><thead><tr><th>行</th><th>项目</th>${g.cols.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
${g.rows.map((r) => html`<tr><td><a href="#L${r.line}">${r.line}</a></td><td>${r.label}</td>${g.cols.map((c) => {
    const f = r.cells.get(c)!;
    const mark = cellMark(f);
    return html`<td class="num cell-${mark}" data-cell="${mark}" title="${CELL_MARKS[mark]}：${f.metric}">${cellText(f)}</td>`;
  })}</tr>`)}</tbody></table>`;
})}
${table.length === 0 ? html`<p class="muted">没有识别出统计表。</p>` : ''}
${prose.length > 0 ? html`<h3>正文中的数字</h3><table class="parsed"><thead><tr><th>行</th><th>项目</th><th>数值</th></tr></thead><tbody>
${prose.map((f) => html`<tr><td><a href="#L${f.line}">${f.line}</a></td><td>${f.row_label}</td><td class="num cell-${cellMark(f)}" data-cell="${cellMark(f)}">${cellText(f)}${f.cell === 'number' ? ` ${f.unit}` : ''}</td></tr>`)}</tbody></table>` : ''}`;
}

export function warningItem(w: Pick<WarningRow, 'code' | 'message' | 'line' | 'line2'>, href: (line: number) => string, extra: Html | string = ''): Html {
  const kind = REVIEW_KINDS.find((k) => k.key === reviewKind(w.code))!;
  const lines = [w.line, w.line2].filter((l): l is number => l !== null);
  return html`<li data-code="${w.code}">⚠ <span class="muted">[${kind.label}]</span> ${w.message}
${lines.map((l) => html` <a href="${href(l)}">第${l}行</a>`)}${extra}</li>`;
}

/** The text with its line numbers, each line an anchor (#L565) that :target highlights. */
export function textBlock(lines: TextLine[], cited: Set<number>): Html {
  const seen = new Set<number>();
  return html`<div class="report-text"><ol>${lines.map((l) => {
    // HTML reports: several text lines can come from one source line; the anchor goes on the first.
    const id = seen.has(l.line) ? null : `L${l.line}`;
    seen.add(l.line);
    return html`<li${id ? html` id="${id}"` : ''}${cited.has(l.line) ? html` class="cited"` : ''}><a class="ln" href="#L${l.line}">${l.page ? html`<span class="pg">${l.page}页 </span>` : ''}${l.line}</a><span>${l.text}</span></li>`;
  })}</ol></div>`;
}

export function reportTable(report: ReportRow, figures: FigureRow[]): Table {
  return {
    name: `report-${report.id}`,
    columns: [
      { key: 'line', label: '行' },
      { key: 'section', label: '章节' },
      { key: 'row', label: '项目' },
      { key: 'column', label: '列' },
      { key: 'metric', label: '指标' },
      { key: 'value', label: '数值' },
      { key: 'cell', label: '单元格' },
      { key: 'raw', label: '原文' },
      { key: 'unit', label: '单位' },
      { key: 'origin', label: '来源' },
    ],
    rows: figures.map((f) => ({
      line: f.line,
      section: f.section,
      row: f.row_label,
      column: colName(f),
      metric: f.metric,
      value: f.value,
      cell: cellMark(f),
      raw: f.raw,
      unit: f.unit,
      origin: f.origin === 'table' ? '表格' : '正文',
    })),
  };
}

export async function reportBody(web: WebContext, report: ReportRow): Promise<Html> {
  const figures = web.browser.figures(report.id);
  const warnings = web.browser.warnings(report.id);
  const agency = web.browser.agency(report.agency_id)!;
  const text = await web.reportText(report);
  const cited = new Set([...figures.map((f) => f.line), ...warnings.flatMap((w) => [w.line, w.line2]).filter((l): l is number => l !== null)]);
  return html`<h1>${report.title}</h1>
<p class="muted"><a href="/agencies/${agency.id}">${agency.name}</a> · ${report.year}年 · 格式 ${report.format} · 文件 ${web.displayName(report.file)} · ${report.line_count} 行${report.published ? ` · 发布 ${report.published}` : ''}</p>
${warnings.length > 0 ? html`<h2>报告自身的问题（${warnings.length}）</h2><ul class="warnings">${warnings.map((w) => warningItem(w, (l) => `#L${l}`))}</ul>` : html`<p class="muted">这份报告没有发现问题。</p>`}
<div class="report-layout">
<section><h2>原文</h2>${text.ok ? textBlock(text.lines, cited) : html`<p class="notice">${text.reason}</p>`}</section>
<section class="tables"><h2>识别出的表格</h2>
<p class="exports">导出全部数字：<a href="/reports/${report.id}.csv" download>CSV</a><a href="/reports/${report.id}.json">JSON</a></p>
${tablesBlock(figures)}</section>
</div>`;
}
