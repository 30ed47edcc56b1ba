/**
 * HTML → lines, the way the table parsers read text reports: one line per block (paragraph, heading,
 * list item, <br>), one line per table row with its cells joined by TAB. Spanned cells (colspan, rowspan)
 * leave their extra positions empty, so columns stay aligned and a group label ("三、本年度办理结果")
 * or a value appears once. Word-exported HTML splits text across <span>s and source lines; a cell's
 * text is joined, and whitespace between two CJK characters is dropped (as browsers render it).
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface HtmlLines {
  lines: string[];
  /** 1-based line in the HTML source where each output line's element starts. */
  sourceLine: number[];
  /**
   * 1-based column in that source line where the element starts, for lines whose source line holds
   * the start of another output line too (a minified page: the whole body on one source line); null
   * for a line that is alone on its source line, where the line number says it all.
   */
  sourceColumn: (number | null)[];
  /** The document's <title>, whitespace-collapsed; null if none. */
  title: string | null;
  /** Source line of <title>. */
  titleLine: number | null;
}

/** Elements whose content is never text of the report. */
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'xml', 'iframe', 'object', 'svg', 'select', 'button']);
/** Elements that start and end a line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
  'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);

// CJK ideographs, CJK punctuation and full-width forms: whitespace next to them on both sides is a
// source line break or Word padding, not a word space.
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}]) (?=[${WIDE}])`, 'gu');
/** What a browser collapses; &nbsp; and the ideographic space U+3000 are printed spaces and stay. */
const COLLAPSIBLE = /[ \t\n\r\f\u200b]+/gu;

/**
 * Collapse whitespace as a browser would and drop a collapsed space between two wide characters (a
 * source line break inside Chinese text, CSS segment-break rules); &nbsp; becomes a plain space.
 */
/**
 * Word's conditional comments when they reach the text: escaped by a CMS editor (the page prints
 * "&lt;!--[if !supportLists]--&gt;") or in the downlevel-revealed form "<![if !supportLists]>" that some
 * parsers pass through. What they wrap (a list number "（三）") is text and stays.
 */
const CONDITIONAL_COMMENT = /<!(?:--)?\[(?:if\s[^\]]{0,60}|endif)\](?:--)?>/giu;

/** The text with Word's conditional-comment markers removed (see CONDITIONAL_COMMENT). */
export function stripConditionalComments(s: string): string {
  return s.includes('[') && s.includes('<!') ? s.replace(CONDITIONAL_COMMENT, '') : s;
}

export function cleanInline(raw: string): string {
  const s = stripConditionalComments(raw);
  // Text without any whitespace (most table cells: "0", "12") is left as is by every step below.
  if (!/[\s\u200b]/u.test(s)) return s;
  return s
    .replace(COLLAPSIBLE, ' ')
    .replace(SPACE_BETWEEN_WIDE, '')
    .replace(/\u00a0/gu, ' ')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based column of a character offset within its line. */
  columnOf(offset: number): number {
    return offset - this.starts[this.lineOf(offset) - 1] + 1;
  }
  /** 1-based line of a character offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function childrenOf(node: ChildNode): ChildNode[] {
  return isElement(node) ? node.children : [];
}

/** All text under a node, blocks and <br> as `sep` (a space: a cell's text is one line). */
function textOf(node: ChildNode, out: string[], sep = ' '): void {
  if (node.type === 'text') {
    out.push(node.data);
    return;
  }
  if (!isElement(node) || SKIP.has(node.name)) return;
  if (node.name === 'br' || BLOCK.has(node.name)) out.push(sep);
  for (const c of node.children) textOf(c, out, sep);
  if (BLOCK.has(node.name)) out.push(sep);
}

/** Marks a block or <br> boundary in a cell's text while deciding whether its digits are one number. */
const BREAK = '\u0001';

function hasNestedTable(node: ChildNode): boolean {
  for (const c of childrenOf(node)) {
    if (isElement(c) && (c.name === 'table' || hasNestedTable(c))) return true;
  }
  return false;
}

function span(el: Element, attr: 'colspan' | 'rowspan'): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** The rows of a table, not descending into nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name !== 'table') walk(c);
    }
  };
  walk(table);
  return rows;
}

class Emitter {
  readonly lines: string[] = [];
  readonly sourceLine: number[] = [];
  /** Character offset in the source where each line's element starts (the previous line's when unknown). */
  readonly sourceOffset: number[] = [];
  private buf: string[] = [];
  /** Whether buf holds anything but whitespace (kept as a flag: lines can have thousands of spans). */
  private hasText = false;
  private anchor: number | null = null;
  private pre = 0;

  constructor(private readonly index: LineIndex) {}

  /** Where the next line's element starts (a block opening, a <br>). */
  setAnchor(offset: number | null): void {
    if (!this.hasText) this.anchor = offset;
  }

  text(data: string, offset: number | null): void {
    if (this.pre > 0 && data.includes('\n')) {
      const parts = data.split(/\r?\n/);
      parts.forEach((p, i) => {
        if (i > 0) this.flush();
        this.push(p, offset);
      });
      return;
    }
    this.push(data, offset);
  }

  private push(data: string, offset: number | null): void {
    const blank = data.trim() === '';
    if (this.anchor === null && !blank && !this.hasText) this.anchor = offset;
    if (!blank) this.hasText = true;
    this.buf.push(data);
  }

  flush(): void {
    const line = cleanInline(this.buf.join(''));
    if (line !== '') this.emit(line, this.anchor);
    this.buf = [];
    this.hasText = false;
    this.anchor = null;
  }

  emit(line: string, offset: number | null): void {
    this.lines.push(line);
    const prev = this.sourceOffset.length ? this.sourceOffset[this.sourceOffset.length - 1] : 0;
    const at = offset ?? prev;
    this.sourceOffset.push(at);
    this.sourceLine.push(this.index.lineOf(at));
  }

  /** Columns for the lines that share their source line with another line (see HtmlLines.sourceColumn). */
  columns(): (number | null)[] {
    const count = new Map<number, number>();
    for (const l of this.sourceLine) count.set(l, (count.get(l) ?? 0) + 1);
    return this.sourceOffset.map((o, i) => (count.get(this.sourceLine[i])! > 1 ? this.index.columnOf(o) : null));
  }

  enterPre(): void {
    this.pre++;
  }
  leavePre(): void {
    this.pre--;
  }
}

/** One <td>/<th> placed on the table's grid. */
interface GridCell {
  text: string;
  col: number;
  colspan: number;
  rowspan: number;
}

interface GridRow {
  tr: Element;
  /** The row's own cells, in grid order. */
  own: GridCell[];
  /** Every grid position of the row: its own text at a cell's first column, '' elsewhere (spans, rowspans from above). */
  cells: string[];
  /** Cells from rows above whose rowspan covers this row. */
  coveredBy: GridCell[];
}

/** The rows of a table on one grid: colspan and rowspan resolved, as a browser lays them out. */
function gridOf(rows: Element[]): GridRow[] {
  // Positions still covered by a rowspan from above: column → [rows left, the cell].
  const covered: ({ left: number; cell: GridCell } | undefined)[] = [];
  const out: GridRow[] = [];
  for (const tr of rows) {
    const cells: string[] = [];
    const own: GridCell[] = [];
    const coveredBy = new Set<GridCell>();
    let col = 0;
    const take = (k: number): void => {
      const c = covered[k]!;
      cells[k] = '';
      coveredBy.add(c.cell);
      if (--c.left === 0) covered[k] = undefined;
    };
    for (const c of tr.children) {
      if (!isElement(c) || (c.name !== 'td' && c.name !== 'th')) continue;
      while (covered[col]) take(col++);
      const parts: string[] = [];
      for (const k of c.children) textOf(k, parts, BREAK);
      const joined = parts.join('');
      const cell: GridCell = { text: joinSplitNumber(cleanInline(joined.replaceAll(BREAK, ' ')).replace(/\t/g, ' '), joined), col, colspan: span(c, 'colspan'), rowspan: span(c, 'rowspan') };
      own.push(cell);
      for (let k = 0; k < cell.colspan; k++) {
        cells[col] = k === 0 ? cell.text : '';
        if (cell.rowspan > 1) covered[col] = { left: cell.rowspan - 1, cell };
        col++;
      }
    }
    // Rowspans reaching past this row's last cell.
    for (let k = col; k < covered.length; k++) if (covered[k]) take(k);
    for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = '';
    out.push({ tr, own, cells, coveredBy: [...coveredBy] });
  }
  return out;
}

/** A value cell's text: a number (with 增/减, sign, decimals, unit) or a dash, as tables print them. */
const VALUE_TEXT = /^(?:(?:增|减)\s*)?[+\-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|个|项|条)?$|^[—–\-－/／─]{1,2}$|^无$/u;

/**
 * Word and CMS editors split one number over inline elements and source lines ("1" + "49"); the
 * source line break between them collapses to a space. A cell holds one value, so digit groups
 * separated only by such a space are one number. Digits in separate paragraphs or around a <br>
 * (`raw` has a BREAK between them) are printed apart on purpose and stay apart.
 */
function joinSplitNumber(text: string, raw: string): string {
  if (!/^\d+(?: \d+)+$/u.test(text)) return text;
  const inner = raw.replace(/^[\s\u0001]+|[\s\u0001]+$/gu, '');
  return inner.includes(BREAK) ? text : text.replace(/ /gu, '');
}

/** A header's value columns: grid ranges [from, to) of its deepest cells right of the label block. */
interface Header {
  width: number;
  labelWidth: number;
  leaves: { from: number; to: number }[];
}

/**
 * The header rows above a block of data rows → where its value columns are. The label block is the
 * header's column-0 cell when it spans every header row (信息内容, 项目, the 勾稽关系 note); each value
 * column is the lowest header cell over it. Caption rows (one cell across the table) are not header.
 */
function headerOf(rows: GridRow[]): Header | null {
  const head = rows.filter((r) => r.own.length > 1 || r.coveredBy.length > 0);
  if (head.length === 0) return null;
  const width = Math.max(...head.map((r) => r.cells.length));
  const first = head[0].own[0];
  const labelBlock = first && first.col === 0 && first.rowspan >= head.length ? first : null;
  const labelWidth = labelBlock ? labelBlock.colspan : 0;
  // The lowest header cell over each grid column: the last header row's own cell, or a rowspan reaching it.
  const last = head[head.length - 1];
  const lowest = [...last.own, ...last.coveredBy].filter((c) => c !== labelBlock && c.col >= labelWidth);
  lowest.sort((a, b) => a.col - b.col);
  const leaves: Header['leaves'] = [];
  let at = labelWidth;
  for (const c of lowest) {
    if (c.col !== at) return null; // a hole in the header: not a structure to align to
    leaves.push({ from: c.col, to: c.col + c.colspan });
    at = c.col + c.colspan;
  }
  return leaves.length > 0 && at === width ? { width, labelWidth, leaves } : null;
}

/**
 * A data row aligned by its header: its label cells (rowspan'd group labels and padding dropped) and
 * then one cell per header value column, '' where the row leaves it blank. The row may span its label
 * differently from the header (label over three columns under a two-column header block): its value
 * cells are matched from the right. Null when the row's cells do not fall one per value column.
 */
function alignedRow(row: GridRow, header: Header): string[] | null {
  const offset = row.cells.length - header.width;
  const valueStart = header.labelWidth + offset;
  if (valueStart < 0) return null;
  const labels: string[] = [];
  const values: string[] = header.leaves.map(() => '');
  for (const c of row.own) {
    if (c.col < valueStart) {
      if (c.col + c.colspan > valueStart || VALUE_TEXT.test(c.text)) return null;
      if (c.text !== '') labels.push(c.text);
      continue;
    }
    const k = header.leaves.findIndex((l) => l.from + offset === c.col);
    if (k < 0 || c.col + c.colspan > header.leaves[k].to + offset) return null;
    values[k] = c.text;
  }
  // A value column covered by a rowspan from above (a value spanning rows) keeps the old reading.
  if (row.coveredBy.some((c) => c.col >= valueStart)) return null;
  if (labels.length === 0 || !values.some((v) => VALUE_TEXT.test(v))) return null;
  return [...labels, ...values];
}

function emitTable(table: Element, out: Emitter): void {
  for (const c of table.children) {
    if (!isElement(c) || c.name !== 'caption') continue;
    const parts: string[] = [];
    textOf(c, parts);
    const text = cleanInline(parts.join(''));
    if (text) out.emit(text, c.startIndex);
  }
  const grid = gridOf(rowsOf(table));
  const isData = (r: GridRow) => r.own.some((c, k) => k > 0 && VALUE_TEXT.test(c.text)) || (r.own.length > 1 && r.own.every((c) => VALUE_TEXT.test(c.text)));
  let header: Header | null = null;
  let headRows: GridRow[] = [];
  let inData = false;
  for (const r of grid) {
    const data = isData(r);
    if (!data) {
      if (inData) headRows = [];
      headRows.push(r);
      inData = false;
    } else if (!inData) {
      header = headerOf(headRows);
      inData = true;
    }
    const cells = (data && header && alignedRow(r, header)) || r.cells;
    if (cells.some((s) => s !== '')) out.emit(cells.join('\t'), r.tr.startIndex);
  }
}

/**
 * A link whose text is a report's title leads to another report (a sidebar of 年度报告, 上一篇/下一篇,
 * 相关阅读): its agency and year are not this page's.
 */
// One report's title (with its year), not a column name such as the breadcrumb's "政府信息公开年报".
const REPORT_TITLE = /(?:19|20)\d{2}\s*年.{0,40}信息公开.{0,16}(?:报告|年报)/u;

function isLinkToReport(a: Element): boolean {
  const parts: string[] = [];
  textOf(a, parts);
  return REPORT_TITLE.test(cleanInline(parts.join('')));
}

function walk(node: ChildNode, out: Emitter): void {
  if (node.type === 'text') {
    out.text(node.data, node.startIndex);
    return;
  }
  if (!isElement(node) || SKIP.has(node.name)) return;
  const name = node.name;
  if (name === 'a' && isLinkToReport(node)) return;
  if (name === 'br') {
    out.flush();
    out.setAnchor(node.endIndex !== null ? node.endIndex + 1 : null);
    return;
  }
  if (name === 'table' && !hasNestedTable(node)) {
    out.flush();
    emitTable(node, out);
    return;
  }
  const block = BLOCK.has(name);
  if (block) {
    out.flush();
    out.setAnchor(node.startIndex);
  }
  if (name === 'pre') out.enterPre();
  for (const c of node.children) walk(c, out);
  if (name === 'pre') out.leavePre();
  if (block) out.flush();
}

function findTitle(nodes: ChildNode[]): Element | null {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name === 'title') return n;
    if (n.name === 'body') continue;
    const t = findTitle(n.children);
    if (t) return t;
  }
  return null;
}

export function htmlToLines(html: string): HtmlLines {
  const dom = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const index = new LineIndex(html);
  const out = new Emitter(index);
  for (const c of dom.children) walk(c, out);
  out.flush();
  const titleEl = findTitle(dom.children);
  let title: string | null = null;
  if (titleEl) {
    const parts: string[] = [];
    for (const c of titleEl.children) textOf(c, parts);
    title = cleanInline(parts.join('')) || null;
  }
  return {
    lines: out.lines,
    sourceLine: out.sourceLine,
    sourceColumn: out.columns(),
    title,
    titleLine: titleEl && titleEl.startIndex !== null ? index.lineOf(titleEl.startIndex) : null,
  };
}

/** Does this decoded text look like an HTML document (by content, not by file name)? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/<!doctype\s+html|<html[\s>]|<body[\s>]/i.test(head)) return true;
  const start = head.replace(/^\s*(<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*/u, '');
  if (!start.startsWith('<')) return false;
  const tags = head.match(/<\/?(p|div|table|tr|td|th|br|span|h[1-6]|meta|head|title|ul|li|font|b|strong)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}
