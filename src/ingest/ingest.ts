/**
 * The ingest job: files/folders → index. I/O lives here; parsing is pure (process-file.ts → parse.ts),
 * writing is the store's (store/writer.ts). One bad file never stops the others.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { processReportFile } from './process-file.ts';
import { MAX_REPORT_BYTES, tooLargeMessage } from './text/guards.ts';
import type { ParseResult } from './model.ts';
import { indexFiles, openIndexWriter, writeFailureReason, type IndexTotals } from './store/writer.ts';
import type { LockHolder } from '../store/lock.ts';

export interface IngestOptions {
  /** Index file to write (default data/gongkai.db). */
  db: string;
  /** Show a progress bar (only on a TTY). */
  progress?: boolean;
  /** Called once per file with its outcome (the CLI prints errors as one line each). */
  onFile?: (event: IngestFileEvent) => void;
  /** Parse on this many threads: 1 or absent parses in this thread, N > 1 on N workers (pool.ts). Same index either way. */
  jobs?: number;
  /** Exact number of worker threads, overriding `jobs` (0 = this thread); benchmarks measure one worker this way. */
  workers?: number;
  /** How long to wait for another writer of the same index to finish (default 0: fail at once). */
  lockWaitMs?: number;
  /** Called when another writer holds the index and this run starts waiting. */
  onLockWait?: (holder: LockHolder | null) => void;
  /** Remove indexed files that are no longer on disk (and reports left with no file). */
  prune?: boolean;
}
export type IngestFileEvent =
  | { file: string; status: 'ingested'; figures: number; warnings: number; replaced?: boolean }
  | { file: string; status: 'unchanged' }
  /** The same content as a report already indexed under another name: recorded as one more of its paths. */
  | { file: string; status: 'duplicate'; of: string }
  /** With --prune: an indexed file no longer on disk, removed (its report too when it had no other path). */
  | { file: string; status: 'pruned' }
  | { file: string; status: 'failed'; code: string; message: string };

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: number;
  files: IngestFileEvent[];
  /** Of the ingested: files already in the index whose content changed. */
  replaced: number;
  /** Files whose content was already indexed under another name. */
  duplicates: number;
  /** Indexed files removed because they are gone (--prune). */
  pruned: number;
  /** Indexed files no longer on disk, left in the index (without --prune). */
  gone: string[];
  /** What the index holds after the run. */
  totals: IndexTotals;
  /**
   * False when nothing was written: a run that would have created a new index with no report in it leaves
   * no file at `db` (a failed or empty run must not look like an index that was built).
   */
  indexWritten: boolean;
  db: string;
}

/**
 * Report files in a folder: PDF, Word, text, Markdown and HTML exports, extension-less text files; and
 * document formats that are not read (spreadsheets, WPS/OFD), so each gets its one line saying so.
 */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.htm', '.html', '', '.pdf', '.docx', '.doc', '.xls', '.xlsx', '.wps', '.ofd', '.odt']);

interface Expanded {
  files: string[];
  /** Given paths that are not there. */
  missing: string[];
  /** Paths found but not read, each with why (a symlink loop, a dangling link, a folder seen twice). */
  problems: Array<{ file: string; message: string }>;
}

/** Why a path could not be looked at, in words. */
function statProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return '符号链接循环（ELOOP）：链接最终指回自己，已跳过';
  if (code === 'ENOENT') return '文件或目录不存在';
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取（${code}）`;
  return `无法访问（${code ?? String(err)}）`;
}

/**
 * Paths as given → report files, each named as given or as found under the given folder. Symbolic links
 * are followed (a folder of links to the real files is common); a folder reached twice — a link back to
 * a parent — is read once, and the link that closes the loop is said.
 */
export function expandPaths(paths: string[], skip: Set<string>): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const problems: Expanded['problems'] = [];
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      problems.push({ file: dir, message: statProblem(err) });
      return;
    }
    if (visited.has(real)) {
      problems.push({ file: dir, message: `符号链接指回已读取的目录 ${real}（目录循环），已跳过` });
      return;
    }
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      problems.push({ file: dir, message: statProblem(err) });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()) || code === 'ELOOP') {
            problems.push({ file: p, message: code === 'ENOENT' ? '符号链接指向的文件不存在，已跳过' : statProblem(err) });
          }
          continue;
        }
      }
      if (isDir) walk(p);
      else if (isFile && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()) && !skip.has(resolve(p))) files.push(p);
    }
  };
  for (const given of paths) {
    let st;
    try {
      st = statSync(given);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') missing.push(given);
      else problems.push({ file: given, message: statProblem(err) });
      continue;
    }
    if (st.isDirectory()) walk(given);
    else if (!skip.has(resolve(given))) files.push(given);
  }
  return { files: [...new Set(files)], missing, problems };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function progressBar(total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    {
      format: '入库 [{bar}] {value}/{total} 份 · {rate} 份/秒 · 剩余 {eta_formatted}',
      stream: process.stderr,
      // A Ctrl-C during the synchronous file loop kills the process before any cleanup could restore a
      // hidden cursor: keep it visible.
      hideCursor: false,
      linewrap: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0' });
  return bar;
}

/** One file's way through the job: read and hashed, then either settled already or waiting to be parsed. */
type Job = { file: string; sha: string; bytes: Buffer } | { file: string; done: IngestFileEvent };

/**
 * Files → index. Parsing runs in this thread, or on `jobs` worker threads (pool.ts) with results
 * taken back in input order; everything else — reading, hashing, skipping unchanged files, writing,
 * events, progress — is this one loop either way, so both give the same index.
 */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const { files, missing, problems } = expandPaths(paths, indexFiles(options.db));
  const events: IngestFileEvent[] = [];
  const emit = (e: IngestFileEvent) => {
    events.push(e);
    options.onFile?.(e);
  };
  for (const m of missing) emit({ file: m, status: 'failed', code: 'io', message: '文件或目录不存在' });
  for (const p of problems) emit({ file: p.file, status: 'failed', code: 'io', message: p.message });

  const writer = openIndexWriter(options.db, { waitMs: options.lockWaitMs, onWait: options.onLockWait });
  // An index of another schema version is rebuilt: the reports it held that this run does not name are
  // read again from where they were, and those no longer on disk are said, so none is dropped silently.
  const named = new Set(files.map((f) => resolve(f)));
  for (const previous of writer.previousFiles) {
    if (named.has(resolve(previous))) continue;
    named.add(resolve(previous));
    if (existsSync(previous)) files.push(previous);
    else emit({ file: previous, status: 'failed', code: 'io', message: '旧版本索引中的这份报告文件已不存在，未能迁入重建的索引' });
  }
  /** Content already indexed under another name: no parse, one more path of that report. */
  function duplicate(file: string, sha: string): IngestFileEvent {
    try {
      const outcome = writer.addPath(file, sha);
      return { file, status: 'duplicate', of: outcome.kind === 'duplicate' ? outcome.of : file };
    } catch (err) {
      return { file, status: 'failed', code: 'io', message: `写入索引失败：${writeFailureReason(err)}` };
    }
  }
  // Reading and hashing happen lazily, inside the parse window, so memory stays bounded.
  function* jobs(): Generator<Job> {
    for (const file of files) {
      let bytes: Buffer;
      try {
        // Before reading: a huge file is turned away without ever being held in memory.
        const size = statSync(file).size;
        if (size > MAX_REPORT_BYTES) {
          yield { file, done: { file, status: 'failed', code: 'too_large', message: tooLargeMessage(size) } };
          continue;
        }
        bytes = readFileSync(file);
      } catch (err) {
        yield { file, done: { file, status: 'failed', code: 'io', message: `无法读取：${(err as NodeJS.ErrnoException).code ?? String(err)}` } };
        continue;
      }
      const sha = sha256(bytes);
      if (writer.isUnchanged(file, sha)) yield { file, done: { file, status: 'unchanged' } };
      else if (writer.sameContent(sha) !== null) yield { file, done: duplicate(file, sha) };
      else yield { file, sha, bytes };
    }
  }
  const workers = options.workers ?? ((options.jobs ?? 1) > 1 ? options.jobs! : 0);
  const pool = workers > 0 ? (await import('./pool.ts')).createParsePool({ jobs: workers }) : null;
  const parsed: AsyncIterable<[Job, ParseResult | null]> | Iterable<[Job, ParseResult | null]> = pool
    ? (await import('./pool.ts')).mapOrdered(jobs(), pool.size * 8, async (job) => ('done' in job ? null : pool.parse(job.file, job.bytes)))
    : (async function* () {
        for (const job of jobs()) yield [job, 'done' in job ? null : await processReportFile(job.file, job.bytes)] as [Job, ParseResult | null];
      })();

  const bar = options.progress && process.stderr.isTTY && files.length > 1 ? progressBar(files.length) : null;
  const started = Date.now();
  let replaced = 0;
  let done = 0;
  let totals: IndexTotals;
  let indexWritten = true;
  const gone: string[] = [];
  try {
    for await (const [job, result] of parsed) {
      emit('done' in job ? job.done : write(job, result!));
      done++;
      if (bar) {
        const secs = (Date.now() - started) / 1000;
        bar.update(done, { rate: secs > 0 ? Math.round(done / secs) : '…' });
      }
    }
    const missingNow = writer.missingFiles();
    if (options.prune) {
      for (const file of missingNow) {
        try {
          writer.removeFile(file);
          emit({ file, status: 'pruned' });
        } catch (err) {
          emit({ file, status: 'failed', code: 'io', message: `从索引中移除失败：${writeFailureReason(err)}` });
        }
      }
    } else gone.push(...missingNow);
    if (writer.rebuilding && !events.some((e) => e.status === 'ingested')) {
      writer.abort();
      indexWritten = false;
      totals = { reports: 0, figures: 0, warnings: 0 };
    } else totals = writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  } finally {
    bar?.stop();
    await pool?.close();
  }

  function write(job: Extract<Job, { sha: string }>, result: ParseResult): IngestFileEvent {
    const { file } = job;
    if (!result.ok) return { file, status: 'failed', code: result.error.code, message: result.error.message };
    let outcome;
    try {
      outcome = writer.writeReport(file, job.sha, result.report);
    } catch (err) {
      return { file, status: 'failed', code: 'io', message: `写入索引失败：${writeFailureReason(err)}` };
    }
    // Read ahead of the writes, the same content may have arrived under another name meanwhile.
    if (outcome.kind === 'duplicate') return { file, status: 'duplicate', of: outcome.of };
    const wasKnown = outcome.kind === 'replaced';
    if (wasKnown) replaced++;
    return {
      file,
      status: 'ingested',
      figures: result.report.figures.length,
      warnings: result.report.warnings.length,
      ...(wasKnown ? { replaced: true } : {}),
    };
  }

  const count = (s: IngestFileEvent['status']) => events.filter((e) => e.status === s).length;
  return {
    ingested: count('ingested'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    files: events,
    replaced,
    duplicates: count('duplicate'),
    pruned: count('pruned'),
    gone,
    totals: totals!,
    indexWritten,
    db: options.db,
  };
}
