/**
 * A report's text for its page, read from the file the index was built from — and shown only while the
 * file is still the one indexed (same SHA-256 as reports.sha256): after an edit the line numbers of the
 * stored citations could point at other text, so a changed or missing file shows a notice instead of
 * lines that may not be the ones cited. (Storing the text in the index would survive a deleted file, but
 * doubles the index; the hash check gives the same guarantee: what is shown is what was indexed.)
 *
 * Lines are decoded and split as ingest does (loadReportFile), each with the line number citations use — for
 * HTML the page source's line — and a page number, set once PDF reports carry one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { publicFileName } from '../bot/public-paths.ts';
import { loadReportFile, type LoadResult } from '../ingest/text/load.ts';
import { Lru } from '../query/lookup/lru.ts';

export interface TextLine {
  /** The line number citations use (AnswerSource.line, warnings.line). */
  line: number;
  /** Page of a paginated source (PDF); absent for text and HTML. */
  page?: number;
  text: string;
}

export type ReportText =
  | { ok: true; lines: TextLine[]; kind: Extract<LoadResult, { ok: true }>['kind']; encoding: string }
  | { ok: false; reason: string };

/** The name shown for a report file: relative to the reports folder, never a server path. */
export const displayName = publicFileName;

/** Lines of a decoded document (text, HTML, PDF, Word — as ingest reads it), as the report page numbers them. */
export async function textLines(bytes: Buffer, file: string): Promise<ReportText> {
  const loaded = await loadReportFile(bytes, file);
  if (!loaded.ok) return { ok: false, reason: loaded.error.message };
  const { doc } = loaded;
  return {
    ok: true,
    kind: loaded.kind,
    encoding: loaded.encoding,
    lines: doc.lines.map((text, i) => {
      const page = doc.sourcePage?.[i];
      return page ? { line: doc.sourceLine[i]!, page, text } : { line: doc.sourceLine[i]!, text };
    }),
  };
}

export function createReportTexts(reportsDir: string, cacheSize = 64) {
  const cache = new Lru<string, ReportText>(cacheSize);
  return async (report: { file: string; sha256: string }): Promise<ReportText> => {
    const key = `${report.file}\u0000${report.sha256}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const name = displayName(report.file, reportsDir);
    let bytes: Buffer;
    try {
      // Paths in the index are as given to ingest: relative ones are relative to the server's directory.
      bytes = await readFile(resolve(report.file));
    } catch {
      return { ok: false, reason: `找不到报告文件 ${name}（建立索引后被移走或删除），无法显示原文；重新运行 gongkai ingest 可更新索引。` };
    }
    if (createHash('sha256').update(bytes).digest('hex') !== report.sha256) {
      return { ok: false, reason: `报告文件 ${name} 在建立索引后已改动，为免行号对不上，不显示原文；重新运行 gongkai ingest 可更新索引。` };
    }
    const text = await textLines(bytes, report.file);
    cache.set(key, text);
    return text;
  };
}
