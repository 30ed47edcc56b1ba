/**
 * A legacy Word (.doc) report → ReportDocument, read by word-extractor: paragraphs end with a line
 * break, table cells with a tab. Word ends a row with one more end mark after its last cell's, which
 * word-extractor also prints as a tab, and often no line break: "…0⇥48⇥⇥二、上年结转…". Two tabs before
 * a non-empty cell are taken as that row end, so each row is one line of tab-separated cells, the shape
 * the table parsers read. (A blank cell in mid-row prints the same two tabs: such a row is split in
 * two, and the row checks then warn.) A line cites its number in the extracted text, counting from 1.
 */
import WordExtractor from 'word-extractor';
import type { IngestError } from '../model.ts';
import { buildDocument, splitLines, type ReportDocument } from './document.ts';

/** A cell's end mark and the row's end mark, before the next row's first non-empty cell. */
const ROW_END = /\t\t(?!\t)/gu;

export type DocLoad = { ok: true; doc: ReportDocument } | { ok: false; error: IngestError };

export async function loadDoc(bytes: Uint8Array): Promise<DocLoad> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 120);
    return { ok: false, error: { code: 'damaged', message: `Word 文件（.doc）已损坏、已加密或不完整，无法读取（${why}） / unreadable .doc` } };
  }
  const lines = splitLines(body.replace(ROW_END, '\n')).map((l) => l.replace(/\t+$/u, ''));
  return { ok: true, doc: buildDocument(lines) };
}
