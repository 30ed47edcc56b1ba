/**
 * `gongkai check FILE`: parse one report without touching the index, and show everything it yields —
 * identity, every figure by section with its line, every warning — or why it cannot be read.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { processFile } from '../../ingest/process-file.ts';
import { IngestErrorSchema, ParsedReportSchema, type Figure, type ParsedReport } from '../../ingest/model.ts';
import { failureLine } from './ingest.ts';

export const CheckOutputSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: z.string(), report: ParsedReportSchema }),
  z.object({ ok: z.literal(false), file: z.string(), error: IngestErrorSchema }),
]);
export type CheckOutput = z.infer<typeof CheckOutputSchema>;

export function checkFile(file: string): CheckOutput {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { ok: false, file, error: { code: 'io', message: `无法读取：${(err as NodeJS.ErrnoException).code ?? String(err)}` } };
  }
  const result = processFile(file, bytes);
  return CheckOutputSchema.parse(result.ok ? { ok: true, file, report: result.report } : { ok: false, file, error: result.error });
}

const CELL_TEXT = { dash: '—', blank: '空白', undecided: '未定' } as const;

export function figureValue(f: Figure): string {
  if (f.cell !== 'number' || f.value === null) return CELL_TEXT[f.cell as keyof typeof CELL_TEXT] ?? '—';
  return `${f.approximate ? '约 ' : ''}${f.value}${f.computed ? '（推算）' : ''}`;
}

function figureLabel(f: Figure): string {
  const col = f.origin === 'prose' ? '正文' : f.colLabel;
  const cumulative = f.cumulative ? '（历年累计）' : '';
  return `${f.rowLabel.replace(/\s+/g, ' ')}${col ? ` · ${col}` : ''}${cumulative}`;
}

export function renderReport(file: string, r: ParsedReport): string {
  const out: string[] = [];
  const a = r.agency;
  const place = [a.province, a.city, a.county].filter(Boolean).join(' ');
  out.push(`文件：${file}`);
  out.push(`机关：${a.name}${place ? `（${place}${a.divisionCode ? ` · ${a.divisionCode}` : ''}）` : ''}${a.line ? `  第 ${a.line} 行` : ''}`);
  out.push(`年度：${r.year}    格式：${r.format}    行数：${r.lineCount}`);
  out.push(`标题：${r.title}`);
  out.push(`网站：${r.website ?? '—'}    发布日期：${r.published ?? '—'}`);
  out.push('');
  out.push(`数据 ${r.figures.length} 项：`);
  const sections = new Map<string, Figure[]>();
  for (const f of [...r.figures].sort((x, y) => x.source.line - y.source.line)) {
    const key = f.source.section ?? '（无章节）';
    if (!sections.has(key)) sections.set(key, []);
    sections.get(key)!.push(f);
  }
  for (const [section, figures] of sections) {
    out.push(`  ${section}`);
    for (const f of figures) {
      out.push(`    ${figureLabel(f)}：${figureValue(f)} ${f.cell === 'number' ? f.unit : ''}`.trimEnd() + `  [${f.metric}${f.applicant ? '/' + f.applicant : ''}] 第 ${f.source.line} 行`);
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
    .argument('<file>', '报告文件 / report file')
    .option('--json', '输出 JSON（解析结果或错误） / print the parse result (or error) as JSON')
    .addHelpText(
      'after',
      `
Examples:
  gongkai check data/reports/002_ebc6c56e4ff49493.txt
  gongkai check report.html --json | jq '.report.figures[] | select(.metric == "requests.new")'`,
    )
    .action((file: string, flags: { json?: boolean }) => {
      const result = checkFile(file);
      if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (result.ok) process.stdout.write(renderReport(file, result.report) + '\n');
      if (!result.ok) {
        if (!flags.json) process.stderr.write(failureLine({ file, status: 'failed', ...result.error }) + '\n');
        process.exitCode = 1;
      }
    });
}
