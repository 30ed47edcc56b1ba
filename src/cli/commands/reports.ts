/**
 * `gongkai reports`: what the index holds, one line per report (or --json, validated).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { openIndexOrFail } from '../errors.ts';
import { REPORT_FORMATS } from '../../ingest/model.ts';
import { dbPath, DEFAULT_DB } from './ingest.ts';

export const ReportListItemSchema = z.object({
  file: z.string(),
  agency: z.string(),
  year: z.number().int(),
  format: z.enum(REPORT_FORMATS),
  title: z.string(),
  figures: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  sha256: z.string(),
  ingested_at: z.string(),
  /** Every path this content was ingested from (the first is `file`, the one cited). */
  files: z.array(z.string()),
  /** Paths among `files` no longer on disk (gongkai ingest --prune removes them). */
  gone: z.array(z.string()),
});
export const ReportListSchema = z.array(ReportListItemSchema);
export type ReportListItem = z.infer<typeof ReportListItemSchema>;

export function listReports(db: string): ReportListItem[] {
  const index = openIndexOrFail(db);
  try {
    const rows = index
      .prepare(
        `SELECT r.file, a.name AS agency, r.year, r.format, r.title, r.sha256, r.ingested_at,
           (SELECT count(*) FROM figures f WHERE f.report_id = r.id) AS figures,
           (SELECT count(*) FROM warnings w WHERE w.report_id = r.id) AS warnings,
           (SELECT json_group_array(file) FROM (SELECT p.file FROM report_files p WHERE p.report_id = r.id ORDER BY p.file <> r.file, p.file)) AS files
         FROM reports r JOIN agencies a ON a.id = r.agency_id
         ORDER BY a.name, r.year, r.file`,
      )
      .all() as Array<Record<string, unknown> & { files: string }>;
    return ReportListSchema.parse(
      rows.map((r) => {
        const files = JSON.parse(r.files) as string[];
        return { ...r, files, gone: files.filter((f) => !existsSync(f)) };
      }),
    );
  } finally {
    index.close();
  }
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function registerReports(program: Command): void {
  program
    .command('reports')
    .description('列出索引中的报告 / list the reports in the index')
    .option('--db <file>', `索引文件 / index file (default: $GONGKAI_DB or ${DEFAULT_DB})`)
    .option('--json', '输出 JSON 数组 / print a JSON array')
    .addHelpText(
      'after',
      `
Examples:
  gongkai reports
  gongkai reports --db /tmp/gongkai.db --json | jq '.[] | select(.warnings > 0) | .file'`,
    )
    .action((flags: { db?: string; json?: boolean }) => {
      const reports = listReports(dbPath(flags.db));
      if (flags.json) {
        process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
        return;
      }
      if (reports.length === 0) {
        process.stdout.write('索引中没有报告 / the index holds no reports (run: gongkai ingest)\n');
        return;
      }
      const fileCell = (r: ReportListItem) =>
        r.file + (r.gone.includes(r.file) ? '（文件已不存在）' : '') + (r.files.length > 1 ? `（另 ${r.files.length - 1} 个同内容文件）` : '');
      const rows = reports.map((r) => [fileCell(r), r.agency, String(r.year), r.format, String(r.figures), String(r.warnings)]);
      process.stdout.write(renderTable(['文件', '机关', '年度', '格式', '数据', '警告'], rows) + '\n');
      const sum = (k: 'figures' | 'warnings') => reports.reduce((n, r) => n + r[k], 0);
      process.stdout.write(`共 ${reports.length} 份报告，数据 ${sum('figures')} 项，警告 ${sum('warnings')} 条（gongkai check 文件 可查看某份报告的明细）\n`);
      const gone = reports.flatMap((r) => r.gone);
      if (gone.length > 0) process.stdout.write(`其中 ${gone.length} 个文件已不存在：${gone.join('、')}（gongkai ingest --prune 把它们移出索引）\n`);
      const years = new Map<string, ReportListItem[]>();
      for (const r of reports) years.set(`${r.agency}\u0000${r.year}`, [...(years.get(`${r.agency}\u0000${r.year}`) ?? []), r]);
      for (const same of years.values()) {
        if (same.length > 1) process.stdout.write(`注意：${same[0]!.agency}${same[0]!.year}年有 ${same.length} 份内容不同的报告：${same.map((r) => r.file).join('、')}\n`);
      }
    });
}
