/**
 * One file's bytes → ParseResult. No I/O and no index: the unit of work the ingest job runs per file
 * (in this thread or a worker, pool.ts). Never throws or rejects: a parser crash becomes an error value.
 *
 * processReportFile reads every format (PDF and Word readers are asynchronous); processFile is the
 * synchronous text/HTML path, for callers that hold text (tests, benchmarks of the text parsers).
 */
import { loadReport, loadReportFile, type LoadResult } from './text/load.ts';
import { parseDocument } from './parse.ts';
import type { ParseResult } from './model.ts';

const crashed = (err: unknown): ParseResult => ({
  ok: false,
  error: { code: 'parse_failed', message: `解析出错：${err instanceof Error ? err.message : String(err)}` },
});

function parseLoaded(loaded: Extract<LoadResult, { ok: true }>): ParseResult {
  const parsed = parseDocument(loaded.doc);
  // What reading the file had to tolerate (stray NULs, a repeated copy) comes first among its warnings.
  if (parsed.ok && loaded.warnings.length > 0) parsed.report.warnings.unshift(...loaded.warnings);
  return parsed;
}

/** Text or HTML bytes → ParseResult, synchronously. A PDF or Word file is refused here (see processReportFile). */
export function processFile(path: string, bytes: Buffer): ParseResult {
  try {
    const loaded = loadReport(bytes, path);
    if (!loaded.ok) return loaded;
    return parseLoaded(loaded);
  } catch (err) {
    return crashed(err);
  }
}

/** Any report file (PDF, Word, HTML, text) → ParseResult: what ingest runs. */
export async function processReportFile(path: string, bytes: Buffer): Promise<ParseResult> {
  return (await loadAndParse(path, bytes)).result;
}

/** processReportFile, also handing back how the file was read (gongkai check shows it). */
export async function loadAndParse(path: string, bytes: Buffer): Promise<{ result: ParseResult; loaded: LoadResult | null }> {
  let loaded: LoadResult | null = null;
  try {
    loaded = await loadReportFile(bytes, path);
    if (!loaded.ok) return { result: loaded, loaded };
    return { result: parseLoaded(loaded), loaded };
  } catch (err) {
    return { result: crashed(err), loaded };
  }
}
