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
}

export const NO_DAMAGE: TableDamage = { brokenRows: 0, splitLabels: 0, fused: false, missingCell: false, typos: false, splitTags: false };

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

/** HTML with rowspan for merged parent labels and colspan where a label spans the label columns. */
function renderHtml(rng: Rng, table: Table, damage: TableDamage): Line[] {
  const data = table.rows.filter((r): r is DataRow => r.kind === 'data');
  const depth = Math.max(1, ...data.map((r) => r.labels.length));
  const out: Line[] = [{ text: '<table border="1" cellspacing="0" cellpadding="0">', cells: [] }];
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'data') {
      const tds = r.cells.map((c) => `<td>${htmlLabel(rng, c, damage.splitTags)}</td>`).join('');
      out.push({ text: r.kind === 'caption' ? `<tr><td colspan="${depth + 3}">${escapeHtml(r.cells[0])}</td></tr>` : `<tr>${tds}</tr>`, cells: [] });
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
      const colspan = j === r.labels.length - 1 ? depth - r.labels.length + 1 : 1;
      const attrs = `${span > 1 ? ` rowspan="${span}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
      tds.push(`<td${attrs}>${htmlLabel(rng, label, damage.splitTags)}</td>`);
    });
    for (const e of r.extra) tds.push(`<td>${escapeHtml(e)}</td>`);
    const cells = printed(r.cells);
    for (const c of cells) tds.push(`<td>${escapeHtml(c.raw)}</td>`);
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
