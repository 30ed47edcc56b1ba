/**
 * A Word (.docx) report → ReportDocument. mammoth turns the document XML into HTML with merged cells
 * kept as spans (gridSpan → colspan, vMerge → rowspan); html.ts then reads it like any Word-exported
 * page, tables 二/三/四 as tab-separated rows. A line cites its number in the extracted text (one
 * paragraph or table row per line), counting from 1.
 */
import mammoth from 'mammoth';
import type { IngestError } from '../model.ts';
import { buildDocument, type ReportDocument } from './document.ts';
import { htmlToLines } from './html.ts';

export type DocxLoad = { ok: true; doc: ReportDocument } | { ok: false; error: IngestError };

export async function loadDocx(bytes: Uint8Array): Promise<DocxLoad> {
  let html: string;
  try {
    // Images are not text of the report: none is decoded or inlined.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 120);
    return { ok: false, error: { code: 'damaged', message: `Word 文件（.docx）已损坏或不完整，无法读取（${why}） / damaged .docx` } };
  }
  // One block per source line, so that the HTML reader's line numbers are not all 1 (mammoth writes one line).
  const { lines } = htmlToLines(html);
  return { ok: true, doc: buildDocument(lines) };
}
