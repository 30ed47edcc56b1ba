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
    return parseDocument(loaded.doc);
  } catch (err) {
    return {
      ok: false,
      error: { code: 'parse_failed', message: `解析出错：${err instanceof Error ? err.message : String(err)}` },
    };
  }
}
