/**
 * One file's bytes → ParseResult. No I/O and no index: the unit of work the ingest job runs per file
 * (and that could run in a worker thread). Never throws: a parser crash becomes an error value.
 */
import { loadReport } from './text/load.ts';
import { parseDocument } from './parse.ts';
import type { ParseResult } from './model.ts';

export function processFile(path: string, bytes: Buffer): ParseResult {
  try {
    const loaded = loadReport(bytes, path);
    if (!loaded.ok) return loaded;
    const parsed = parseDocument(loaded.doc);
    // What reading the file had to tolerate (stray NULs, a repeated copy) comes first among its warnings.
    if (parsed.ok && loaded.warnings.length > 0) parsed.report.warnings.unshift(...loaded.warnings);
    return parsed;
  } catch (err) {
    return {
      ok: false,
      error: { code: 'parse_failed', message: `解析出错：${err instanceof Error ? err.message : String(err)}` },
    };
  }
}
