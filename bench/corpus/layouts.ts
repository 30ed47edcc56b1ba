/**
 * Tables → lines, in the layouts extraction leaves them in (report-format.md §G), with the damage
 * each layout suffers. Every output line carries the true cells whose value it prints, so the
 * sidecar knows each cell's line once the report is assembled.
 */
import type { Rng } from './prng.ts';
import type { CellDamage, Layout, TrueCell, TrueProse } from './truth.ts';
import type { DataRow, Row, Table } from './tables.ts';

export interface Line {
  text: string;
  cells: TrueCell[];
  /** Figures a sentence on this line states (§F). */
  prose?: Omit<TrueProse, 'line'>[];
}

/** Per-report damage switches, drawn once per report by the composer. */
export interface TableDamage {
  /** Share of rows whose numbers fall to the next line. */
  brokenRows: number;
  /** Share of long labels broken mid-word. */
  splitLabels: number;
  /** Table 三 printed with whitespace squeezed out. */
  fused: boolean;
  /** One table-三 row prints one number fewer. */
  missingCell: boolean;
  /** Labels carry OCR misreads. */
  typos: boolean;
  /** Word-exported HTML: labels split across tags. */
  splitTags: boolean;
  /** Word-exported HTML: every cell in <p class=MsoNormal><span>, numbers split across <span>s ("1" + "49"). */
  wordExport: boolean;
  /**
   * HTML tables 三/四 with their real multi-row headers (a 勾稽关系 block over the label columns, 申请人情况
   * over seven value columns); with `headerSpans`, the data rows span their labels over one column more
   * or fewer than the header's label block.
   */
  realHeaders: boolean;
  headerSpans: boolean;
}

export const NO_DAMAGE: TableDamage = {
  brokenRows: 0,
  splitLabels: 0,
  fused: false,
  missingCell: false,
  typos: false,
  splitTags: false,
  wordExport: false,
  realHeaders: false,
  headerSpans: false,
};

/** Misreads seen in real extracted reports (§G). */
const TYPOS: Record<string, string> = {
  '2.其他法律行政法规禁止公开': '2.其他法律行政止公开',
  '4.保护第三方合法权益': '4.保护第三方合法杈益',
  '6.属于四类过程性信息': '6.属于四类过程信息',
  '1.本机关不掌握相关政府信息': '1.本机关不掌握相关信息',
  '（七）总计': '（七）总 计',
};

const mark = (cells: TrueCell[], d: CellDamage) => {
  for (const c of cells) if (!c.damage.includes(d)) c.damage.push(d);
};

/** Chunks of 2–3 characters, the way a narrow merged cell comes out of a PDF ("三、" "本年" "度办"). */
function chunks(rng: Rng, s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const n = rng.int(2, 3);
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out;
}

function printed(cells: TrueCell[]): TrueCell[] {
  return cells.filter((c) => !c.damage.includes('dropped'));
}

/** Choose one table-三 row and one zero cell (not 总计) it will fail to print. */
function dropOneCell(rng: Rng, table: Table): void {
  const rows = table.rows.filter((r): r is DataRow => r.kind === 'data' && r.cells.some((c) => c.actual === 0 && c.applicant !== 'total'));
  if (rows.length === 0) return;
  const row = rng.pick(rows);
  const zeros = row.cells.filter((c) => c.actual === 0 && c.applicant !== 'total');
  const dropped = rng.pick(zeros);
  mark(row.cells, 'missing_cell');
  dropped.damage.push('dropped');
}

function applyTypos(table: Table): void {
  for (const r of table.rows) {
    if (r.kind !== 'data') continue;
    const last = r.labels.length - 1;
    const typo = last >= 0 ? TYPOS[r.labels[last]] : undefined;
    if (typo) {
      r.labels = [...r.labels.slice(0, last), typo];
      mark(r.cells, 'label_typo');
    }
  }
}

export function renderTable(rng: Rng, table: Table, layout: Layout, damage: TableDamage): Line[] {
  if (table.id === '三' && damage.missingCell) dropOneCell(rng, table);
  if (damage.typos && (layout === 'space' || layout === 'pdf-layout')) applyTypos(table);
  switch (layout) {
    case 'tab':
    case 'crawled':
      return renderDelimited(table, '\t');
    case 'markdown':
      return renderMarkdown(table);
    case 'html':
      return renderHtml(rng, table, damage);
    case 'column':
      return renderColumn(table);
    case 'space':
      return renderSpace(rng, table, damage);
    case 'pdf-layout':
      return renderPdfLayout(rng, table, damage);
  }
}

function renderDelimited(table: Table, sep: string): Line[] {
  return table.rows.map((r) => {
    if (r.kind !== 'data') return { text: r.cells.join(sep), cells: [] };
    const cells = printed(r.cells);
    return { text: [...r.labels, ...r.extra, ...cells.map((c) => c.raw)].join(sep), cells };
  });
}

function renderMarkdown(table: Table): Line[] {
  const width = Math.max(...table.rows.map((r) => (r.kind === 'data' ? r.labels.length + r.extra.length + r.cells.length : r.cells.length)));
  const pipe = (cells: string[]) => `| ${[...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join(' | ')} |`;
  const out: Line[] = [];
  let headerDone = false;
  for (const r of table.rows) {
    if (r.kind !== 'data') {
      if (r.kind === 'caption') {
        out.push({ text: '', cells: [] }, { text: `**${r.cells[0]}**`, cells: [] }, { text: '', cells: [] });
        headerDone = false;
        continue;
      }
      out.push({ text: pipe(r.cells), cells: [] });
      if (!headerDone) out.push({ text: `|${' --- |'.repeat(width)}`, cells: [] });
      headerDone = true;
      continue;
    }
    const cells = printed(r.cells);
    out.push({ text: pipe([...r.labels, ...r.extra, ...cells.map((c) => c.raw)]), cells });
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlLabel(rng: Rng, s: string, splitTags: boolean): string {
  if (!splitTags || s.length < 4 || !rng.chance(0.4)) return escapeHtml(s);
  const k = rng.int(1, s.length - 1);
  return `<span style="font-family:宋体">${escapeHtml(s.slice(0, k))}</span><span style="font-family:宋体">${escapeHtml(s.slice(k))}</span>`;
}

const WORD_P = '<p class="MsoNormal" align="center" style="text-align:center;mso-pagination:widow-orphan">';
const WORD_SPAN = '<span style="font-family:仿宋_GB2312;font-size:12.0pt">';

/** A cell's content as Word exports it: one paragraph, text in <span>s, a number sometimes split over two. */
function wordCell(rng: Rng, html: string, raw: string, isValue: boolean): string {
  let inner = html;
  if (isValue && /^\d{2,}$/u.test(raw) && rng.chance(0.3)) {
    const k = rng.int(1, raw.length - 1);
    inner = `${raw.slice(0, k)}</span>${WORD_SPAN}${raw.slice(k)}`;
  }
  return `${WORD_P}${WORD_SPAN}${inner}</span><span lang="EN-US"><o:p></o:p></span></p>`;
}

/** The multi-row headers tables 三 and 四 are printed with, as <tr>s; `labelCols` wide label block for 三. */
function realHeaderRows(table: Table, labelCols: number, td: (text: string, attrs?: string) => string): string[] | null {
  if (table.id === '三') {
    return [
      `<tr>${td(TABLE3_HEADER_NOTE, ` colspan="${labelCols}" rowspan="3"`)}${td('申请人情况', ' colspan="7"')}</tr>`,
      `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
      `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join('')}</tr>`,
    ];
  }
  if (table.id === '四') {
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    return [
      `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
      `<tr>${outcomes.map((t) => td(t, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
      `<tr>${[...outcomes, ...outcomes].map((t) => td(t)).join('')}</tr>`,
    ];
  }
  return null;
}
const TABLE3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** HTML with rowspan for merged parent labels and colspan where a label spans the label columns. */
function renderHtml(rng: Rng, table: Table, damage: TableDamage): Line[] {
  const data = table.rows.filter((r): r is DataRow => r.kind === 'data');
  const depth = Math.max(1, ...data.map((r) => r.labels.length));
  const out: Line[] = [{ text: '<table border="1" cellspacing="0" cellpadding="0">', cells: [] }];
  const word = damage.wordExport;
  const td = (html: string, attrs = '', raw = '', isValue = false) =>
    word ? `<td${attrs} valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">${wordCell(rng, html, raw, isValue)}</td>` : `<td${attrs}>${html}</td>`;
  // Data rows may span their labels over one column more than the header's label block says (the
  // header's block is then one column narrower): the same table, laid out differently.
  const wider = damage.headerSpans && table.id === '三' ? 1 : 0;
  const header = damage.realHeaders ? realHeaderRows(table, depth, (t, a) => td(escapeHtml(t), a)) : null;
  if (header) for (const h of header) out.push({ text: h, cells: [] });
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'data') {
      if (header && r.kind === 'header') continue;
      const tds = r.cells.map((c) => td(htmlLabel(rng, c, damage.splitTags))).join('');
      out.push({ text: r.kind === 'caption' ? `<tr>${td(escapeHtml(r.cells[0]), ` colspan="${depth + 3}"`)}</tr>` : `<tr>${tds}</tr>`, cells: [] });
      continue;
    }
    const tds: string[] = [];
    r.labels.forEach((label, j) => {
      if (label === '') return; // covered by a rowspan above
      let span = 1;
      for (let k = i + 1; k < rows.length; k++) {
        const next = rows[k];
        if (next.kind !== 'data' || next.labels[j] !== '' || next.labels.length <= j) break;
        span++;
      }
      const colspan = j === r.labels.length - 1 ? depth - r.labels.length + 1 + wider : 1;
      const attrs = `${span > 1 ? ` rowspan="${span}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
      tds.push(td(htmlLabel(rng, label, damage.splitTags), attrs));
    });
    for (const e of r.extra) tds.push(td(escapeHtml(e)));
    const cells = printed(r.cells);
    for (const c of cells) tds.push(td(escapeHtml(c.raw), '', c.raw, true));
    out.push({ text: `<tr>${tds.join('')}</tr>`, cells });
  }
  out.push({ text: '</table>', cells: [] });
  return out;
}

/** pdftotext without -layout on a table: one cell per line. */
function renderColumn(table: Table): Line[] {
  const out: Line[] = [];
  for (const r of table.rows) {
    if (r.kind !== 'data') {
      for (const c of r.cells) if (c) out.push({ text: c, cells: [] }, { text: '', cells: [] });
      continue;
    }
    for (const l of [...r.labels, ...r.extra]) if (l) out.push({ text: l, cells: [] });
    for (const c of printed(r.cells)) out.push({ text: '', cells: [] }, { text: c.raw, cells: [c] });
    out.push({ text: '', cells: [] });
  }
  return out;
}

/** Space-separated, as pdftotext leaves a Word table (seed 002): narrow cells wrap, rows break. */
function renderSpace(rng: Rng, table: Table, damage: TableDamage): Line[] {
  const out: Line[] = [];
  const fused = damage.fused && table.id === '三';
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i];
    if (r.kind !== 'data') {
      // Header cells wrap in narrow columns: a few characters per line.
      for (const c of r.cells) if (c) for (const piece of c.length > 6 ? chunks(rng, c) : [c]) out.push({ text: piece, cells: [] });
      continue;
    }
    const labels = r.labels.filter((l) => l !== '');
    const parents = labels.slice(0, -1);
    const own = [...labels.slice(-1), ...r.extra].join(' ');
    const cells = printed(r.cells);
    const values = cells.map((c) => c.raw);
    if (fused) {
      // Whitespace squeezed out: parents, label and digits run together; the next row may follow on the same line.
      const text = parents.join('') + own + values.join('');
      mark(r.cells, 'fused');
      const prev = out[out.length - 1];
      if (prev && prev.cells.length > 0 && prev.cells[0].damage.includes('fused') && rng.chance(0.25)) {
        prev.text += text;
        prev.cells.push(...cells);
      } else out.push({ text, cells });
      continue;
    }
    for (const p of parents) for (const piece of chunks(rng, p)) out.push({ text: piece, cells: [] });
    if (table.id === '四') {
      out.push({ text: values.join(' '), cells });
      continue;
    }
    if (own.length > 8 && rng.chance(damage.splitLabels)) {
      const k = rng.int(3, own.length - 2);
      mark(r.cells, 'split_label');
      out.push({ text: own.slice(0, k), cells: [] });
      if (rng.chance(0.5)) out.push({ text: own.slice(k), cells: [] }, { text: values.join(' '), cells });
      else out.push({ text: `${own.slice(k)} ${values.join(' ')}`, cells });
      continue;
    }
    if (rng.chance(damage.brokenRows)) {
      mark(r.cells, 'broken_row');
      out.push({ text: own, cells: [] }, { text: values.join(' '), cells });
      continue;
    }
    out.push({ text: own ? `${own} ${values.join(' ')}` : values.join(' '), cells });
  }
  return out;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - displayWidth(s)));
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** pdftotext -layout: columns kept by runs of spaces; long labels wrap with the numbers below. */
function renderPdfLayout(rng: Rng, table: Table, damage: TableDamage): Line[] {
  const out: Line[] = [];
  const fused = damage.fused && table.id === '三';
  const indent = ' '.repeat(rng.int(0, 6));
  const gap = () => ' '.repeat(rng.int(3, 8));
  for (const r of table.rows) {
    if (r.kind !== 'data') {
      out.push({ text: indent + ' '.repeat(rng.int(4, 30)) + r.cells.filter(Boolean).join('   '), cells: [] });
      if (rng.chance(0.3)) out.push({ text: '', cells: [] });
      continue;
    }
    const labels = r.labels.filter((l) => l !== '');
    const cells = printed(r.cells);
    const values = cells.map((c) => c.raw);
    if (fused) {
      mark(r.cells, 'fused');
      out.push({ text: indent + labels.join('') + r.extra.join('') + values.join(''), cells });
      continue;
    }
    const label = labels.join('   ');
    const labelWithUnit = r.extra.length ? `${label}   ${r.extra.join('  ')}` : label;
    const valueText = values.map((v) => v.padStart(rng.int(1, 5))).join(gap());
    if (table.id === '四') {
      out.push({ text: indent + ' ' + valueText, cells });
      continue;
    }
    if (displayWidth(label) > 36 && rng.chance(Math.max(damage.splitLabels, 0.5))) {
      // Wrapped label: first part, rest, and the numbers on their own line (huaian 2024 "（二）部分公开…").
      const k = rng.int(8, Math.max(9, label.length - 4));
      mark(r.cells, 'split_label');
      out.push({ text: indent + label.slice(0, k), cells: [] });
      out.push({ text: indent + '    ' + labelWithUnit.slice(k), cells: [] });
      out.push({ text: indent + ' '.repeat(40) + valueText, cells });
      continue;
    }
    if (rng.chance(damage.brokenRows)) {
      mark(r.cells, 'broken_row');
      out.push({ text: indent + labelWithUnit, cells: [] }, { text: indent + ' '.repeat(40) + valueText, cells });
      continue;
    }
    out.push({ text: indent + pad(pad(label, 44) + r.extra.join('  '), 48) + valueText, cells });
  }
  return out;
}
