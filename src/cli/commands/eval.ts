/**
 * `gongkai eval REPORTS… --gold GOLD`: read each report as ingest would (no index written) and compare
 * it with figures read by hand: per report, agency and year right or wrong and how many gold figures
 * are exact / absent with a warning / absent / wrong; then the totals.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { totalsOf, type EvalTotals, type ReportEval } from '../../eval/evaluate.ts';
import { runEval, type EvalRun } from '../../eval/run.ts';
import { CliError } from '../errors.ts';
import { renderTable } from './reports.ts';

interface EvalFlags {
  gold?: string[];
  json?: boolean;
  details?: boolean;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function evalTable(evals: readonly ReportEval[]): string {
  const rows = evals.map((e) => [
    basename(e.file),
    e.error ? '拒收' : e.agency.right ? '✓' : `✗ ${e.agency.got}`,
    e.error ? '拒收' : e.year.right ? '✓' : `✗ ${e.year.got}`,
    String(e.counts.exact),
    String(e.counts.absent_warned),
    String(e.counts.absent_due),
    String(e.counts.absent),
    String(e.counts.guessed),
    String(e.counts.wrong),
    String(e.counts.uncatalogued),
  ]);
  return renderTable(['报告', '机关', '年度', '精确', '缺+警告', '应缺', '缺', '猜测', '错误', '目录外'], rows);
}

export function totalsLine(t: EvalTotals): string {
  const c = t.counts;
  return (
    `${t.reports} 份报告（拒收 ${t.refused}）：机关对 ${t.agencyRight}/${t.reports}，年度对 ${t.yearRight}/${t.reports}；` +
    `金标准数字 ${t.catalogued} 项（另有目录外 ${c.uncatalogued} 项）：精确 ${c.exact}，应缺而缺 ${c.absent_due}，` +
    `缺但有警告 ${c.absent_warned}，缺 ${c.absent}，猜测 ${c.guessed}，错误 ${c.wrong}；读对 ${pct(t.rightShare)}`
  );
}

function details(evals: readonly ReportEval[]): string {
  const out: string[] = [];
  for (const e of evals) {
    const bad = e.figures.filter((f) => f.verdict !== 'exact' && f.verdict !== 'absent_due' && f.verdict !== 'uncatalogued');
    if (e.error) out.push(`${basename(e.file)}: ${e.error}`);
    if (!e.agency.right && !e.error) out.push(`${basename(e.file)}: 机关 ${e.agency.got} ≠ ${e.agency.want}`);
    for (const f of bad) {
      out.push(`${basename(e.file)}: ${f.verdict} ${f.gold.metric_hint}${f.gold.applicant && f.gold.applicant !== 'total' ? `[${f.gold.applicant}]` : ''} → ${f.metric} 应为 ${f.gold.value}${f.got !== null ? `，得 ${f.got}` : ''}（${f.gold.what}）`);
    }
  }
  return out.join('\n');
}

export function evalOutput(run: EvalRun, withDetails: boolean): string {
  const parts = [evalTable(run.evals), '', totalsLine(totalsOf(run.evals))];
  if (run.unmatched.length) parts.push(`没有金标准文件、未评估：${run.unmatched.length} 个文件`);
  if (run.missingReports.length) parts.push(`有金标准但找不到报告：${run.missingReports.join('、')}`);
  if (run.badGold.length) parts.push(`无法读取的金标准文件：\n  ${run.badGold.join('\n  ')}`);
  if (withDetails) parts.push('', details(run.evals));
  return parts.join('\n');
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('把报告的读取结果与人工读出的数字（金标准）对照 / compare parsed reports with hand-read gold figures')
    .argument('<paths...>', '报告文件或目录 / report files or folders')
    .option('--gold <dir...>', '金标准目录（*.json，与报告同名）；默认为报告目录下的 gold/ / gold folders (default: <folder>/gold)')
    .option('--json', '以 JSON 输出每份报告的结果 / print per-report results as JSON')
    .option('--details', '列出每个不精确的数字 / list every figure not read exactly')
    .addHelpText(
      'after',
      `
Examples:
  gongkai eval reports/ --gold reports/gold
  gongkai eval reports/ --details          # 每个缺失、错误的数字各一行

金标准文件格式：{file, agency, year, format, figures: [{metric_hint, applicant, value, printed, where, sure}]}。
sure: false 表示仅凭文字无法确定：此时不存数字（并警告）才算对。错误 = 存了与金标准不同的数字。
metric_hint 与目录键的对应见 src/catalogue/gold-hints.ts；对应不到的记为“目录外”，不计入精确或错误。`,
    )
    .action(async (paths: string[], flags: EvalFlags) => {
      const goldDirs = flags.gold ?? paths.map((p) => join(p, 'gold')).filter((p) => existsSync(p) && statSync(p).isDirectory());
      if (goldDirs.length === 0) throw new CliError('gongkai: 请用 --gold 指定金标准目录（报告目录下也没有 gold/）');
      for (const p of [...paths, ...goldDirs]) if (!existsSync(p)) throw new CliError(`gongkai: 找不到 ${p}`);
      const run = await runEval(paths, goldDirs);
      if (flags.json) process.stdout.write(JSON.stringify({ totals: totalsOf(run.evals), ...run }, null, 2) + '\n');
      else process.stdout.write(evalOutput(run, Boolean(flags.details)) + '\n');
      if (run.evals.length === 0) process.exitCode = 1;
    });
}
