/**
 * A legacy Word (.doc) report → ReportDocument, read by word-extractor: paragraphs end with a line
 * break, table cells with a tab (a row is one line of tab-separated cells, the shape the table
 * parsers read). A line cites its number in the extracted text, counting from 1.
 */
import WordExtractor from 'word-extractor';
import type { IngestError } from '../model.ts';
import { buildDocument, splitLines, type ReportDocument } from './document.ts';

export type DocLoad = { ok: true; doc: ReportDocument } | { ok: false; error: IngestError };

export async function loadDoc(bytes: Uint8Array, fileName: string): Promise<DocLoad> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 120);
    return { ok: false, error: { code: 'damaged', message: `Word 文件（.doc）已损坏、已加密或不完整，无法读取（${fileName}：${why}） / unreadable .doc` } };
  }
  return { ok: true, doc: buildDocument(splitLines(body).map((l) => l.replace(/\t$/u, ''))) };
}
