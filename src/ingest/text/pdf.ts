/**
 * A PDF report → ReportDocument: pdf.js's text runs (pdf-text.ts) laid out as pdftotext -layout lines
 * (pdf-layout.ts), each line citing its page. A line's number is its place in the whole extracted text
 * (counting from 1 across pages), so numbers only grow; the page says where to look in the PDF.
 */
import type { IngestError } from '../model.ts';
import { buildDocument, type ReportDocument } from './document.ts';
import { layoutPdfPages } from './pdf-layout.ts';
import { readPdfText } from './pdf-text.ts';

export type PdfLoad = { ok: true; doc: ReportDocument } | { ok: false; error: IngestError };

/** Fewer printed characters than this per page, on average: the pages are images (a scan). */
const SCAN_CHARS_PER_PAGE = 20;
/** Characters that mean a font without a usable text mapping: private use, U+FFFD, controls. */
const UNMAPPED = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/gu;

export async function loadPdf(bytes: Uint8Array): Promise<PdfLoad> {
  const read = await readPdfText(bytes);
  if (!read.ok) return read;
  const { lines, page } = layoutPdfPages(read.pages);
  const text = lines.join('');
  const printed = text.replace(/\s+/gu, '').length;
  if (printed < SCAN_CHARS_PER_PAGE * Math.max(1, read.pages.length)) {
    return {
      ok: false,
      error: {
        code: 'scanned',
        message: `PDF 没有文字层（扫描件，${read.pages.length} 页只有图像），无法读取文字，请先做文字识别（OCR） / scanned PDF without a text layer`,
      },
    };
  }
  const unmapped = text.match(UNMAPPED)?.length ?? 0;
  if (unmapped > printed * 0.3) {
    return {
      ok: false,
      error: {
        code: 'undecodable',
        message: `PDF 的字体没有文字映射，抽出的文字无法识读；请用原始文件另存为 PDF，或提供 Word/网页版本 / PDF fonts without a text mapping`,
      },
    };
  }
  return { ok: true, doc: buildDocument(lines, undefined, { sourcePage: page }) };
}
