/**
 * `gongkai ingest [PATH...]`: index report files. Errors are one line per file on stderr; the run goes
 * on. Exit status is non-zero only with --strict (any failure) or when nothing could be ingested.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { ingestPaths, type IngestFileEvent, type IngestSummary } from '../../ingest/ingest.ts';
import { assertIndexTarget, CliError, fsReason, sqliteReason } from '../errors.ts';
import { IndexLockedError, IndexNotWritableError } from '../../store/lock.ts';
import { IndexTargetError } from '../../store/target.ts';

import { DEFAULT_DB, DEFAULT_REPORTS } from '../../store/open.ts';

export { DEFAULT_DB, DEFAULT_REPORTS };

/** --db, else $GONGKAI_DB, else data/gongkai.db — relative paths resolve against the working directory. */
export function dbPath(option: string | undefined): string {
  return option ?? (process.env.GONGKAI_DB?.trim() || DEFAULT_DB);
}

export function failureLine(e: Extract<IngestFileEvent, { status: 'failed' }>): string {
  return `gongkai: 文件 ${e.file}：${e.message} (${e.code})`;
}

/** This run, then what the index holds after it (the two differ whenever the index already had reports). */
export function summaryLine(s: IngestSummary, seconds?: number): string {
  if (!s.indexWritten) return `本次没有一份报告可以入库（失败 ${s.failed}）：未建立索引，${s.db} 未创建`;
  const changed = s.replaced > 0 ? `（其中更新 ${s.replaced}）` : '';
  const same = s.duplicates > 0 ? `、同内容 ${s.duplicates}` : '';
  const pruned = s.pruned > 0 ? `、移除 ${s.pruned}（文件已不存在）` : '';
  const took = seconds === undefined ? '' : `，用时 ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} 秒`;
  return (
    `本次新增 ${s.ingested}${changed}、未变 ${s.unchanged}${same}、失败 ${s.failed}${pruned}${took}；` +
    `索引共 ${s.totals.reports} 份报告、${s.totals.figures} 项数据、${s.totals.warnings} 条警告 → ${s.db}`
  );
}

/** Non-zero when asked to be strict about failures, or when nothing at all was ingested or found. */
export function exitCode(s: IngestSummary, strict: boolean): number {
  if (strict && s.failed > 0) return 1;
  // No report file found is a mistake too (a wrong folder, a folder of PDFs): a script must notice.
  if (s.ingested + s.unchanged + s.duplicates === 0) return 1;
  return 0;
}

/** Indexed files gone from disk and left in the index: one line saying how to see and remove them. */
export function goneLine(s: IngestSummary): string | null {
  if (s.gone.length === 0) return null;
  const first = s.gone.slice(0, 3).join('、') + (s.gone.length > 3 ? ' 等' : '');
  return `gongkai: 索引中有 ${s.gone.length} 个文件已不存在（${first}）：gongkai reports 会标出，gongkai ingest --prune 把它们移出索引`;
}

/** When the paths held no report file at all: say which and what is read, on one line. */
export function nothingFoundLine(paths: string[]): string {
  return (
    `gongkai: 在 ${paths.join(' ')} 中没有找到报告文件（读取 PDF、Word（.docx .doc）、网页（.htm .html）、` +
    `文本（.txt .md）和无扩展名的文本文件）/ no report files found`
  );
}

/** Make the index's folder and check the target is an index (or nothing yet), before any work. */
export function prepareIndexTarget(db: string): void {
  assertIndexTarget(db);
  try {
    mkdirSync(dirname(db), { recursive: true });
  } catch (err) {
    throw new CliError(`gongkai: 无法创建索引所在的目录 ${dirname(db)}：${fsReason(err)}`);
  }
}

interface IngestFlags {
  db?: string;
  strict?: boolean;
  quiet?: boolean;
  json?: boolean;
  jobs?: number;
  wait?: number;
  prune?: boolean;
}

/** Default of --wait: long enough for another run over a few thousand reports to finish. */
export const DEFAULT_LOCK_WAIT_SECONDS = 60;

function parseWait(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 86_400) throw new CliError(`gongkai: --wait 应为 0–86400 的秒数，收到“${value}”`);
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`gongkai: --jobs 应为 1–64 的整数，收到“${value}”`);
  return n;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('读取年度报告文件，写入索引 / index report files (.pdf .docx .doc .htm .html .txt .md, folders recursively)')
    .argument('[paths...]', `报告文件或目录 / files or folders (default: ${DEFAULT_REPORTS})`)
    .option('--db <file>', `索引文件 / index file (default: $GONGKAI_DB or ${DEFAULT_DB})`)
    .option('--strict', '任何文件失败即以非零状态退出 / exit non-zero if any file fails')
    .option('--quiet', '只输出错误 / print errors only')
    .option('--json', '以 JSON 输出结果摘要 / print the summary as JSON')
    .option('--jobs <n>', '解析线程数 / parse on N worker threads (default 1; see docs/performance.md)', parseJobs)
    .option('--prune', '把文件已不存在的报告移出索引 / remove reports whose files are gone')
    .option(
      '--wait <seconds>',
      `另一个进程正在写同一索引时最多等待的秒数，0 为立即失败 / wait this long for another writer of the index (default ${DEFAULT_LOCK_WAIT_SECONDS}; 0: fail at once)`,
      parseWait,
    )
    .addHelpText(
      'after',
      `
Examples:
  gongkai ingest                              # data/reports → data/gongkai.db
  gongkai ingest reports/2020 extra.html --db /tmp/gongkai.db
  gongkai ingest --strict --quiet             # for CI: fail on any bad file
  gongkai ingest --json | jq .failed

读取 PDF（含文字层）、Word（.docx .doc）、网页（.htm .html）、文本（.txt .md）和无扩展名的文本文件
（UTF-8/GB18030/UTF-16 自动识别）；扫描件、加密或损坏的 PDF、表格等其他格式各报一行原因。
未变的文件（同一路径、同一 SHA-256）跳过，有变化的替换；内容相同、路径不同的文件算同一份报告（记下各个路径）。
--prune 把文件已不存在的报告移出索引（不加时只提示，gongkai reports 会标出）。坏文件各报一行原因，其余照常入库；
退出状态仅在 --strict 且有失败、或没有一个文件能读成报告（含目录里没有报告文件）时非零。
新建索引时先写到旁边的临时文件、完成后才替换；更新已有索引时每份报告一个事务——中断（Ctrl-C）
不会留下写了一半的报告。--db 指向已存在的非索引文件时拒绝写入。
同一索引同一时间只有一个写入者（锁文件 <db>.lock 记着写入进程的 pid）：另一个 ingest 正在写时，
本次等它结束（--wait 秒）再写，超时则一行说明后退出，不改动索引。没有一份报告能入库时不会留下空索引文件。

Reads PDF (with a text layer), Word (.docx .doc), web pages, .txt .md and extension-less text files
(encoding detected); scans, encrypted or damaged PDFs and other formats get one line each. Unchanged files (same
path, same SHA-256) are skipped; changed files are replaced; the same content under another name is the
same report (its paths are recorded). --prune removes reports whose files are gone. One line per bad file; the rest are still
ingested. Exit status is non-zero only with --strict and a failure, or when no file could be read as a report.
Interrupted, the index holds every report written so far, each whole; a new index appears only when
complete. An existing --db file that is not a gongkai index is never overwritten. One writer per index at a
time (<db>.lock holds its pid): a second run waits up to --wait seconds, then fails with one line, index
untouched. A run that ingests nothing leaves no empty index file behind.`,
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const db = dbPath(flags.db);
      const given = paths.length ? paths : [DEFAULT_REPORTS];
      prepareIndexTarget(db);
      let summary: IngestSummary;
      const started = performance.now();
      try {
        summary = await ingestPaths(given, {
          db,
          jobs: flags.jobs,
          prune: Boolean(flags.prune),
          lockWaitMs: (flags.wait ?? DEFAULT_LOCK_WAIT_SECONDS) * 1000,
          onLockWait: (holder) => {
            if (!flags.quiet) process.stderr.write(`gongkai: 索引 ${db} 正由进程 ${holder?.pid ?? '?'} 写入，等它结束（最多 ${flags.wait ?? DEFAULT_LOCK_WAIT_SECONDS} 秒）…\n`);
          },
          progress: !flags.quiet && !flags.json,
          onFile: (e) => {
            if (e.status === 'failed') process.stderr.write(failureLine(e) + '\n');
          },
        });
      } catch (err) {
        if (err instanceof IndexLockedError || err instanceof IndexTargetError) throw new CliError(`gongkai: ${err.message}`);
        if (err instanceof IndexNotWritableError) throw new CliError(`gongkai: 无法写入索引：${err.message}`);
        // Reading the files never throws (each failure is an event); what throws is the index itself.
        throw new CliError(`gongkai: 无法写入索引文件 ${db}：${sqliteReason(err)}。原有索引未被改动。`);
      }
      if (summary.files.length === 0) process.stderr.write(nothingFoundLine(given) + '\n');
      const gone = goneLine(summary);
      if (gone && !flags.json) process.stderr.write(gone + '\n');
      if (flags.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else if (!flags.quiet) process.stdout.write(summaryLine(summary, (performance.now() - started) / 1000) + '\n');
      process.exitCode = exitCode(summary, Boolean(flags.strict));
    });
}
