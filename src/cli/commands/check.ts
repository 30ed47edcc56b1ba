/**
 * `gongkai check FILE`: parse one report without touching the index, and show a person why it parsed
 * the way it did — how the bytes were read, identity, format and where its tables are, every table row
 * with its cells on one line, every figure read from the prose, undecided cells, every warning — or why
 * it cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadAndParse } from '../../ingest/process-file.ts';
import { loadReport, type LoadResult } from '../../ingest/text/load.ts';
import { MAX_REPORT_BYTES, tooLargeMessage } from '../../ingest/text/guards.ts';
import { locateTables } from '../../ingest/tables/regions.ts';
import { IngestErrorSchema, ParsedReportSchema, type Figure, type ParsedReport } from '../../ingest/model.ts';
import { fsReason } from '../errors.ts';
import { failureLine } from './ingest.ts';
import { displayWidth, renderTable } from './reports.ts';

/** 1-based source lines [first, last] of a table, as a person finds it in the file. */
const LineRangeSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]).nullable();

/** How the file was read: what a person needs to see before the figures make sense. */
export const ReadingSchema = z.object({
  encoding: z.string(),
  kind: z.enum(['text', 'html', 'pdf', 'docx', 'doc']),
  tables: z.object({ t2: LineRangeSchema, t3: LineRangeSchema, t4: LineRangeSchema }),
});
export type Reading = z.infer<typeof ReadingSchema>;

export const CheckOutputSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: z.string(), report: ParsedReportSchema, reading: ReadingSchema.nullable().default(null) }),
  z.object({ ok: z.literal(false), file: z.string(), error: IngestErrorSchema }),
]);
export type CheckOutput = z.infer<typeof CheckOutputSchema>;

/** Where the tables are, in source lines. Shown only: the figures come from loadAndParse, as in ingest. */
function readingOf(loaded: LoadResult | null): Reading | null {
  if (!loaded?.ok) return null;
  const { doc } = loaded;
  const regions = locateTables(doc);
  const range = (r: [number, number] | null): [number, number] | null =>
    r && r[1] > r[0] ? [doc.sourceLine[r[0]]!, doc.sourceLine[Math.min(r[1], doc.sourceLine.length) - 1]!] : null;
  return { encoding: loaded.encoding, kind: loaded.kind, tables: { t2: range(regions.t2), t3: range(regions.t3), t4: range(regions.t4) } };
}

export async function checkFile(file: string): Promise<CheckOutput> {
  let bytes: Buffer;
  if (/^https?:\/\//i.test(file)) {
    // No network by design: a report page is saved first, then checked like any file.
    return { ok: false, file, error: { code: 'io', message: `check 只读本地文件，不联网；请先保存网页，例如 curl -o report.html '${file}'` } };
  }
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      return { ok: false, file, error: { code: 'io', message: '是一个目录：check 只检查一个文件（整个目录请用 gongkai ingest）' } };
    }
    // Before reading, as ingest does: a huge file is never held in memory.
    if (st.size > MAX_REPORT_BYTES) return { ok: false, file, error: { code: 'too_large', message: tooLargeMessage(st.size) } };
    bytes = readFileSync(file);
  } catch (err) {
    return { ok: false, file, error: { code: 'io', message: `无法读取：${fsReason(err)}` } };
  }
  return checkReportBytes(file, bytes);
}

/** The check of any report file's bytes, PDF and Word included (what ingest reads). */
export async function checkReportBytes(file: string, bytes: Buffer): Promise<CheckOutput> {
  const { result, loaded } = await loadAndParse(file, bytes);
  return CheckOutputSchema.parse(
    result.ok ? { ok: true, file, report: result.report, reading: readingOf(loaded) } : { ok: false, file, error: result.error },
  );
}

const CELL_TEXT = { dash: '—', blank: '空白', undecided: '未定' } as const;

export function figureValue(f: Figure): string {
  if (f.cell !== 'number' || f.value === null) return CELL_TEXT[f.cell as keyof typeof CELL_TEXT] ?? '—';
  return `${f.approximate ? '约 ' : ''}${f.value}${f.computed ? '（推算）' : ''}`;
}

const FORMAT_NAMES: Record<ParsedReport['format'], string> = {
  '2019': '2019 版表格（国办公开办函〔2019〕60号）',
  '2021': '2021 版表格（国办公开办函〔2021〕30号）',
  'pre-2019': '2019 年以前的统计表',
  narrative: '只有正文，没有可识别的统计表',
};

const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** Why the format is what it is, in the terms detectFormat uses: the tables' headers, not the year. */
function formatReason(r: ParsedReport, reading: Reading | null): string {
  const t = reading?.tables;
  if (!t) return '';
  const keys = Object.keys(TABLE_NAMES) as (keyof typeof TABLE_NAMES)[];
  const found = keys.filter((k) => t[k]).map((k) => `${TABLE_NAMES[k]} 第 ${t[k]![0]}–${t[k]![1]} 行`);
  const missing = keys.filter((k) => !t[k]).map((k) => TABLE_NAMES[k]);
  const where = [found.join('，'), missing.length ? `未找到${missing.join('、')}` : ''].filter(Boolean).join('；');
  switch (r.format) {
    case '2019':
    case '2021':
      return `依据表格的表头与行名（${where}）`;
    case 'pre-2019':
      return '依据统计表的表头（统计指标 / 计量单位）';
    case 'narrative':
      return `未找到可识别的表格表头（${where}），只读取正文中的数字`;
  }
}

/** The common dotted prefix of a row's metric keys: regulations.made + regulations.published → regulations.* */
function rowMetric(figures: Figure[]): string {
  const keys = [...new Set(figures.map((f) => f.metric))];
  if (keys.length === 1) return keys[0]!;
  const parts = keys.map((k) => k.split('.'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length - 1 && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!);
  return common.length ? `${common.join('.')}.*` : keys.join(',');
}

interface Row {
  line: number;
  /** Where the row is, as citations say it (第8行第1234字起 on a minified page). */
  place: string;
  label: string;
  cells: Map<string, Figure>;
}

const colKey = (f: Figure) => {
  const label = f.colLabel.replace(/\s+/g, '') || '数值';
  return f.cumulative && !label.includes('累计') ? `${label}（历年累计）` : label;
};
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Table figures → rows (one per source line and label), in the order they appear. */
function tableRows(figures: Figure[]): Row[] {
  const rows: Row[] = [];
  for (const f of figures) {
    const label = oneLine(f.rowLabel);
    const last = rows.at(-1);
    const place = placeText(f.source);
    if (last && last.place === place && last.label === label && !last.cells.has(colKey(f))) last.cells.set(colKey(f), f);
    else rows.push({ line: f.source.line, place, label, cells: new Map([[colKey(f), f]]) });
  }
  return rows;
}

/** Consecutive rows with the same columns print as one small table, each row on one line. */
function renderRows(rows: Row[], indent: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < rows.length) {
    const cols = [...rows[i]!.cells.keys()];
    const sig = cols.join('|');
    let j = i + 1;
    while (j < rows.length && [...rows[j]!.cells.keys()].join('|') === sig) j++;
    const body = rows.slice(i, j).map((r) => {
      const figs = [...r.cells.values()];
      const units = [...new Set(figs.filter((f) => f.cell === 'number').map((f) => f.unit).filter(Boolean))].join('/');
      return [r.place, shortQuote(r.label, '', 40), ...cols.map((c) => figureValue(r.cells.get(c)!)), units, rowMetric(figs)];
    });
    out.push(...renderTable(['行', '项目', ...cols, '单位', '指标'], body).split('\n').map((l) => indent + l));
    i = j;
  }
  return out;
}

/** A long source line, cut to a window around the figure's own text so a person sees it in context. */
export function shortQuote(quote: string, raw: string, max = 48): string {
  const q = oneLine(quote);
  const chars = [...q];
  if (displayWidth(q) <= max) return q;
  const at = raw ? q.indexOf(oneLine(raw)) : -1;
  // Start a little before the figure (about a third of the window), at a whole character.
  let start = at < 0 ? 0 : Math.max(0, [...q.slice(0, at)].length - Math.floor(max / 6));
  let out = '';
  for (const ch of chars.slice(start)) {
    if (displayWidth(out + ch) > max) break;
    out += ch;
  }
  return `${start > 0 ? '…' : ''}${out}${start + [...out].length < chars.length ? '…' : ''}`;
}

/** Where a figure is printed: 第 12 行, or 第 8 行第 15904 字起 inside a long line (a minified page). */
function placeText(s: Figure['source']): string {
  return `${s.page ? `第 ${s.page} 页` : ''}第 ${s.line} 行${s.column && s.column > 1 ? `第 ${s.column} 字起` : ''}`;
}

/** In the order they are printed: by line, then by column inside a line (a minified page's one line). */
const bySource = (x: Figure, y: Figure) => x.source.line - y.source.line || (x.source.column ?? 0) - (y.source.column ?? 0);

export function renderReport(file: string, r: ParsedReport, reading: Reading | null = null): string {
  const out: string[] = [];
  const a = r.agency;
  const place = [a.province, a.city, a.county].filter(Boolean).join(' ');
  const how = !reading
    ? `${r.lineCount} 行`
    : reading.kind === 'html'
      ? `HTML 网页，${reading.encoding}，提取出 ${r.lineCount} 行文本（行号指网页源码的行）`
      : reading.kind === 'pdf'
        ? `PDF，提取出 ${r.lineCount} 行文本（行号指提取文本的行，并注明页码）`
        : reading.kind === 'docx' || reading.kind === 'doc'
          ? `Word 文档（.${reading.kind}），提取出 ${r.lineCount} 行文本（行号指提取文本的段落和表格行）`
          : `文本，${reading.encoding}，${r.lineCount} 行`;
  out.push(`文件：${file}    读取：${how}`);
  out.push(`机关：${a.name}${place ? `（${place}${a.divisionCode ? ` · ${a.divisionCode}` : ''}）` : ''}${a.line ? `  第 ${a.line} 行` : ''}`);
  out.push(`年度：${r.year}    标题：${r.title}`);
  const reason = formatReason(r, reading);
  out.push(`格式：${r.format} — ${FORMAT_NAMES[r.format]}${reason ? `；${reason}` : ''}`);
  out.push(`网站：${r.website ?? '—'}    发布日期：${r.published ?? '—'}`);

  const table = r.figures.filter((f) => f.origin === 'table');
  const prose = r.figures.filter((f) => f.origin === 'prose');
  out.push('');
  out.push(
    table.length
      ? `表格数据 ${table.length} 项（每行一行；— 为报告填“—”/“无”，空白为未填写，未定为数字无法确定，（推算）为按报告自身的勾稽关系算出）：`
      : '表格数据 0 项',
  );
  const sections = new Map<string, Figure[]>();
  for (const f of [...table].sort(bySource)) {
    const key = f.source.section ?? '（无章节）';
    if (!sections.has(key)) sections.set(key, []);
    sections.get(key)!.push(f);
  }
  for (const [section, figures] of sections) {
    out.push(`  ${section}`);
    out.push(...renderRows(tableRows(figures), '    '));
  }

  out.push('');
  out.push(`正文数据 ${prose.length} 项${prose.length ? '：' : ''}`);
  for (const f of [...prose].sort(bySource)) {
    const value = `${figureValue(f)}${f.cell === 'number' ? ` ${f.unit}` : ''}`.trim();
    out.push(`  ${placeText(f.source)}  ${oneLine(f.rowLabel)}：${value}  [${f.metric}]  “${shortQuote(f.source.quote, f.raw)}”`);
  }

  const undecided = r.figures.filter((f) => f.cell === 'undecided');
  if (undecided.length) {
    out.push('');
    out.push(`未定 ${undecided.length} 格（原文的数字无法确定属于哪一格，不给出数值；原因见警告）：`);
    // One line per source line and printed text: a fused run usually leaves a whole row undecided.
    const groups = new Map<string, Figure[]>();
    for (const f of undecided) {
      const key = `${f.source.line}\u0000${f.raw}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const figs of groups.values()) {
      const f = figs[0]!;
      const byRow = new Map<string, string[]>();
      for (const x of figs) byRow.set(oneLine(x.rowLabel), [...(byRow.get(oneLine(x.rowLabel)) ?? []), colKey(x)]);
      const cells = [...byRow].map(([row, cols]) => `${row}（${cols.join('/')}）`).join('；');
      const metric = byRow.size === 1 ? `  [${rowMetric(figs)}]` : '';
      out.push(`  ${placeText(f.source)}  ${cells}：原文“${shortQuote(f.raw, '', 60)}”${metric}`);
    }
  }

  out.push('');
  out.push(`警告 ${r.warnings.length} 条${r.warnings.length ? '：' : ''}`);
  for (const w of r.warnings) {
    // Messages usually name their lines already; add them only when they do not.
    const where = /第\s*\d+/.test(w.message) ? '' : [w.line, w.line2].filter((x) => x != null).map((x) => `第 ${x} 行`).join('、');
    out.push(`  [${w.code}] ${w.message}${where ? `（${where}）` : ''}`);
  }
  return out.join('\n');
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('解析一份报告并显示结果，不写入索引 / parse one report and show what it yields, without indexing')
    .argument('<file>', '报告文件 / report file (.pdf .docx .doc .htm .html .txt .md)')
    .option('--json', '输出 JSON（解析结果或错误） / print the parse result (or error) as JSON')
    .addHelpText(
      'after',
      `
Examples:
  gongkai check data/reports/002_ebc6c56e4ff49493.txt
  gongkai check report.html --json | jq '.report.figures[] | select(.metric == "requests.new")'

显示：读取方式（文本/HTML 与编码、PDF（注明页码）、Word）、机关与年度、格式及其依据（表格位置）、每个表格行的各格数值、
正文中的数字、未定的格和全部警告。退出状态：能解析为 0，否则为 1（并说明原因）。
Shows how the file was read, identity, format and why, every table row with its cells, prose figures,
undecided cells and every warning. Exit status 0 when the file parses, 1 (with the reason) when not.`,
    )
    .action(async (file: string, flags: { json?: boolean }) => {
      const result = await checkFile(file);
      if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (result.ok) process.stdout.write(renderReport(file, result.report, result.reading) + '\n');
      if (!result.ok) {
        if (!flags.json) process.stderr.write(failureLine({ file, status: 'failed', ...result.error }) + '\n');
        process.exitCode = 1;
      }
    });
}
