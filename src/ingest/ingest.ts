/**
 * The ingest job: files/folders → index. I/O lives here; parsing is pure (process-file.ts → parse.ts),
 * writing is the store's (store/writer.ts). One bad file never stops the others.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { processReportFile } from './process-file.ts';
import type { ParseResult } from './model.ts';
import { indexFiles, openIndexWriter, type IndexTotals } from './store/writer.ts';

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
}
export type IngestFileEvent =
  | { file: string; status: 'ingested'; figures: number; warnings: number; replaced?: boolean }
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'failed'; code: string; message: string };

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: number;
  files: IngestFileEvent[];
  /** Of the ingested: files already in the index whose content changed. */
  replaced: number;
  /** What the index holds after the run. */
  totals: IndexTotals;
  db: string;
}

/**
 * Report files in a folder: PDF, Word, text, Markdown and HTML exports, extension-less text files; and
 * document formats that are not read (spreadsheets, WPS/OFD), so each gets its one line saying so.
 */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.htm', '.html', '', '.pdf', '.docx', '.doc', '.xls', '.xlsx', '.wps', '.ofd', '.odt']);

interface Expanded {
  files: string[];
  missing: string[];
}

/** Paths as given → report files, each named as given or as found under the given folder. */
export function expandPaths(paths: string[], skip: Set<string>): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()) && !skip.has(resolve(p))) files.push(p);
    }
  };
  for (const given of paths) {
    let st;
    try {
      st = statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (st.isDirectory()) walk(given);
    else if (!skip.has(resolve(given))) files.push(given);
  }
  return { files: [...new Set(files)], missing };
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
  const { files, missing } = expandPaths(paths, indexFiles(options.db));
  const events: IngestFileEvent[] = [];
  const emit = (e: IngestFileEvent) => {
    events.push(e);
    options.onFile?.(e);
  };
  for (const m of missing) emit({ file: m, status: 'failed', code: 'io', message: '文件或目录不存在' });

  const writer = openIndexWriter(options.db);
  // An index of another schema version is rebuilt: the reports it held that this run does not name are
  // read again from where they were, and those no longer on disk are said, so none is dropped silently.
  const named = new Set(files.map((f) => resolve(f)));
  for (const previous of writer.previousFiles) {
    if (named.has(resolve(previous))) continue;
    named.add(resolve(previous));
    if (existsSync(previous)) files.push(previous);
    else emit({ file: previous, status: 'failed', code: 'io', message: '旧版本索引中的这份报告文件已不存在，未能迁入重建的索引' });
  }
  // Reading and hashing happen lazily, inside the parse window, so memory stays bounded.
  function* jobs(): Generator<Job> {
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        yield { file, done: { file, status: 'failed', code: 'io', message: `无法读取：${(err as NodeJS.ErrnoException).code ?? String(err)}` } };
        continue;
      }
      const sha = sha256(bytes);
      if (writer.isUnchanged(file, sha)) yield { file, done: { file, status: 'unchanged' } };
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
  try {
    for await (const [job, result] of parsed) {
      emit('done' in job ? job.done : write(job, result!));
      done++;
      if (bar) {
        const secs = (Date.now() - started) / 1000;
        bar.update(done, { rate: secs > 0 ? Math.round(done / secs) : '…' });
      }
    }
    totals = writer.commit();
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
    const wasKnown = writer.isKnown(file);
    try {
      writer.writeReport(file, job.sha, result.report);
    } catch (err) {
      return { file, status: 'failed', code: 'io', message: `写入索引失败：${err instanceof Error ? err.message : String(err)}` };
    }
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
    totals: totals!,
    db: options.db,
  };
}
